package org.reprise.pattern;

/**
 * One round of Reformer's chunked LSH attention (Kitaev et al. 2020 §2, Eqs. 3–5; App. A), given the
 * bucket of every position: positions are sorted by (bucket, position), the sorted sequence is cut
 * into chunks of m, and query i attends to the keys of its own chunk and of the chunk before it
 * (cyclically, as the released code's look-back), restricted causally to j ≤ i:
 * <pre>
 *   P̃_i = {j ≤ i : c(j) ∈ {c(i), c(i) − 1 mod n_c}},  c(j) = ⌊s(j)/m⌋, s = rank in (bucket, position) order
 * </pre>
 * With shared-QK a token does not attend to itself unless it has no other target (§2 "Shared-QK").
 * Several rounds are combined by their softmax normalisers, not by one softmax over the union, so
 * this pattern is one round's; the union of rounds is each query's reach.
 */
public final class LshPattern implements AttentionPattern {
    private final int[] chunkOf;
    private final int chunks;

    /**
     * @param buckets bucket of each position (length n)
     * @param chunk   chunk length m; must divide n
     */
    public LshPattern(int[] buckets, int chunk) {
        int n = buckets.length;
        if (chunk < 1 || n % chunk != 0) {
            throw new IllegalArgumentException("chunk " + chunk + " must divide the length " + n);
        }
        int[] sorted = sortedPositions(buckets);
        chunkOf = new int[n];
        for (int rank = 0; rank < n; rank++) {
            chunkOf[sorted[rank]] = rank / chunk;
        }
        chunks = n / chunk;
    }

    /** Positions ordered by (bucket, position): a stable counting sort. */
    public static int[] sortedPositions(int[] buckets) {
        int max = 0;
        for (int b : buckets) {
            max = Math.max(max, b);
        }
        int[] start = new int[max + 2];
        for (int b : buckets) {
            start[b + 1]++;
        }
        for (int b = 0; b <= max; b++) {
            start[b + 1] += start[b];
        }
        int[] sorted = new int[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            sorted[start[buckets[i]]++] = i;
        }
        return sorted;
    }

    private boolean reach(int i, int j) {
        if (j > i) {
            return false;
        }
        int ci = chunkOf[i];
        int cj = chunkOf[j];
        return cj == ci || cj == Math.floorMod(ci - 1, chunks);
    }

    @Override
    public boolean allows(int head, int i, int j) {
        if (j != i) {
            return reach(i, j);
        }
        for (int other = 0; other < i; other++) {
            if (reach(i, other)) {
                return false;
            }
        }
        return true; // no other target: the token attends to itself
    }
}
