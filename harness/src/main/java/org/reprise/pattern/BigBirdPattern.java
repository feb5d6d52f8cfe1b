package org.reprise.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * BigBird's block-sparse pattern made causal for language modelling (Zaheer et al. 2020 §2, App. D):
 * blocks of b positions; query block q attends to
 * <ul>
 *   <li>window: blocks q − 1 and q (the paper's 3-block window, minus the future block), causal inside q;</li>
 *   <li>global: the first g blocks (ITC: existing tokens made global, symmetric);</li>
 *   <li>random: r blocks drawn without replacement from the earlier blocks that are neither global nor
 *       in the window (fewer when fewer exist), independently per query block, from a seed.</li>
 * </ul>
 */
public final class BigBirdPattern implements AttentionPattern {
    private final int block;
    private final int global;
    private final int[][] random;

    public BigBirdPattern(int block, int globalBlocks, int[][] randomBlocks) {
        this.block = block;
        this.global = globalBlocks;
        this.random = randomBlocks;
    }

    /**
     * For each query block q of {@code blocks}, up to r random key blocks from [g, q − 2], seeded;
     * the same (seed, sizes) always give the same table.
     */
    public static int[][] randomBlocks(int blocks, int globalBlocks, int r, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] table = new int[blocks][];
        for (int q = 0; q < blocks; q++) {
            List<Integer> candidates = new ArrayList<>();
            for (int k = globalBlocks; k <= q - 2; k++) {
                candidates.add(k);
            }
            Collections.shuffle(candidates, new java.util.Random(rng.nextLong()));
            List<Integer> chosen = candidates.subList(0, Math.min(r, candidates.size()));
            table[q] = chosen.stream().sorted().mapToInt(Integer::intValue).toArray();
        }
        return table;
    }

    public int[][] random() {
        return random;
    }

    @Override
    public boolean allows(int head, int i, int j) {
        if (j > i) {
            return false;
        }
        int q = i / block;
        int k = j / block;
        if (k == q || k == q - 1 || k < global) {
            return true;
        }
        for (int chosen : random[q]) {
            if (chosen == k) {
                return true;
            }
        }
        return false;
    }
}
