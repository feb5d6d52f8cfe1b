package org.reprise.pattern;

/**
 * Reformer's chunked LSH attention (Kitaev et al. 2020 §2, Eqs. 3–6; App. A), given the bucket of
 * every position in each hash round: per round, positions are sorted by (bucket, position), the sorted
 * sequence is cut into chunks of m, and query i attends to the keys of its own chunk and of the chunk
 * before it (cyclically, as the released code's look-back), restricted causally to j ≤ i:
 * <pre>
 *   P_i^(r) = {j ≤ i : c_r(j) ∈ {c_r(i), c_r(i) − 1 mod n_c}},  c_r(j) = ⌊s_r(j)/m⌋, s_r = rank in round r's order
 *   P_i     = ∪_r P_i^(r)                                                          (Eq. 6)
 * </pre>
 * {@link #allows} is the union P_i, over which App. A's multi-round attention is one softmax (each key
 * counted once, thanks to the log N_ij correction); {@link #rounds(int, int)} is N_ij, the number of
 * rounds whose set holds j. With shared-QK a token does not attend to itself unless it has no other
 * target (§2 "Shared-QK").
 */
public final class LshPattern implements AttentionPattern {
    /** [round][position] → chunk index in that round's sorted order. */
    private final int[][] chunkOf;
    private final int chunks;

    /**
     * One round.
     *
     * @param buckets bucket of each position (length n)
     * @param chunk   chunk length m; must divide n
     */
    public LshPattern(int[] buckets, int chunk) {
        this(new int[][] {buckets}, chunk);
    }

    /**
     * Several rounds, combined as their union.
     *
     * @param buckets [round][position] bucket; every round of the same length n
     * @param chunk   chunk length m; must divide n
     */
    public LshPattern(int[][] buckets, int chunk) {
        if (buckets.length < 1) {
            throw new IllegalArgumentException("need at least one hash round");
        }
        int n = buckets[0].length;
        if (chunk < 1 || n % chunk != 0) {
            throw new IllegalArgumentException("chunk " + chunk + " must divide the length " + n);
        }
        chunkOf = new int[buckets.length][n];
        for (int r = 0; r < buckets.length; r++) {
            if (buckets[r].length != n) {
                throw new IllegalArgumentException("round " + r + " hashes " + buckets[r].length + " positions, round 0 " + n);
            }
            int[] sorted = sortedPositions(buckets[r]);
            for (int rank = 0; rank < n; rank++) {
                chunkOf[r][sorted[rank]] = rank / chunk;
            }
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

    /** Number of hash rounds. */
    public int rounds() {
        return chunkOf.length;
    }

    /** N_ij (App. A): the number of rounds r with j ∈ P_i^(r), self included; 0 when j &gt; i. */
    public int rounds(int i, int j) {
        int count = 0;
        for (int r = 0; r < chunkOf.length; r++) {
            if (inRound(r, i, j)) {
                count++;
            }
        }
        return count;
    }

    /** j ∈ P_i^(r): key j is in query i's window in round {@code round} (self included, j ≤ i). */
    public boolean inRound(int round, int i, int j) {
        if (j > i) {
            return false;
        }
        int ci = chunkOf[round][i];
        int cj = chunkOf[round][j];
        return cj == ci || cj == Math.floorMod(ci - 1, chunks);
    }

    @Override
    public boolean allows(int head, int i, int j) {
        if (j != i) {
            return rounds(i, j) > 0;
        }
        for (int other = 0; other < i; other++) {
            if (rounds(i, other) > 0) {
                return false;
            }
        }
        return true; // no other target: the token attends to itself
    }
}
