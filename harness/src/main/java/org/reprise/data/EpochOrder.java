package org.reprise.data;

import java.util.SplittableRandom;

/**
 * The order in which a finite training set is visited: epoch e is a permutation drawn from
 * {@code StreamSeeds.derive(dataSeed, e)}, and the k-th training sequence of a run is entry
 * k mod N of permutation ⌊k / N⌋. So every batch is a pure function of (dataSeed, step, batch size)
 * and each epoch sees every example exactly once.
 */
final class EpochOrder {
    private final int size;
    private long cachedSeed;
    private long cachedEpoch = -1;
    private int[] cached;

    EpochOrder(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an epoch needs at least one example, got " + size);
        }
        this.size = size;
    }

    /** Index of the example at position {@code sequence} (0-based, counted over the whole run). */
    int example(long dataSeed, long sequence) {
        long epoch = sequence / size;
        return permutation(dataSeed, epoch)[(int) (sequence % size)];
    }

    /** Cached for the current epoch: consecutive steps reuse one O(N) shuffle. */
    synchronized int[] permutation(long dataSeed, long epoch) {
        if (cached == null || cachedSeed != dataSeed || cachedEpoch != epoch) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(StreamSeeds.derive(dataSeed, epoch));
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            cached = order;
            cachedSeed = dataSeed;
            cachedEpoch = epoch;
        }
        return cached;
    }
}
