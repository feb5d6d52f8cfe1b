package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reformer's LSH attention with shared-QK (Kitaev et al. 2020 §2–3, App. A), causal, O(T·m) per round:
 * <ol>
 *   <li>keys are the normalised queries, k_j = q_j / ‖q_j‖ (the {@code k} input is ignored);</li>
 *   <li>angular LSH: h(x) = argmax([xR; −xR]) with a random R [Dh, b/2] per round, fed each step
 *       through the placeholder {@code <scope>.rotations} [Dh, rounds·b/2] ({@link #rotations});</li>
 *   <li>positions are sorted by (bucket, position) — a stable counting sort written as one-hot
 *       prefix sums ({@link PrefixSums}, O(T^1.5·b) by blocked matrix products) — and the rows moved
 *       to their ranks with {@code scatter_add} ({@link RowScatter}: SameDiff's {@code topK} ignores k,
 *       and {@code unsorted_segment_sum} and {@code cumsum} leak native memory);</li>
 *   <li>chunks of m attend to themselves and one chunk back ([B, H, R, nc, m, 2m] scores), masked
 *       causally; a token's own key gets −1e5 (App. A), so it is used only when nothing else is;</li>
 *   <li>with several rounds a key j can be in query i's window in N_ij of them; App. A subtracts
 *       log N_ij from its score in every round, so that the rounds combined below equal one softmax over
 *       the union P_i = ∪_r P_i^(r), each key counted once. N_ij is counted from each position's chunk
 *       index in the other R − 1 rounds, carried through the sort as extra columns (no gradient: it is a
 *       constant of the hashes);</li>
 *   <li>outputs are moved back by scattering each slot to its stored position ({@link RowScatter}; not
 *       {@code gather}, whose gradient is a Java loop that cannot be built twice in one graph) and
 *       rounds combined with weights
 *       softmax_r(logsumexp of round r's corrected scores) (App. A): o_i = Σ_r e^{z_r − z} o_r.</li>
 * </ol>
 * With one bucket there is nothing to hash: one chunk holds every position, which is full causal
 * shared-QK attention.
 */
public final class LshAttention implements Attention {
    /** Added to a token's own score (App. A: large but finite). */
    static final double SELF = -1e5;

    private final int buckets;
    private final int rounds;
    private final int chunk;
    /** Set by {@link #attend}: the rotations placeholder and the head width it needs. */
    private String placeholder;
    private int placeholderWidth;

    /**
     * @param buckets number of hash buckets b (1, or even)
     * @param rounds  hash rounds n_rounds
     * @param chunk   chunk length m (paper: 2T/b); must divide T, or 0 for the paper's choice
     */
    public LshAttention(int buckets, int rounds, int chunk) {
        if (buckets < 1 || (buckets > 1 && buckets % 2 != 0) || rounds < 1 || chunk < 0) {
            throw new IllegalArgumentException("need buckets 1 or even, rounds ≥ 1, chunk ≥ 0; got "
                    + buckets + ", " + rounds + ", " + chunk);
        }
        this.buckets = buckets;
        this.rounds = buckets == 1 ? 1 : rounds;
        this.chunk = chunk;
    }

    /** Chunk length for length t: as given, or min(t, 2t/b) (Kitaev et al. §2: m = 2l / n_buckets). */
    public int chunkLength(int t) {
        return chunk > 0 ? chunk : Math.min(t, 2 * t / buckets);
    }

    public int rounds() {
        return rounds;
    }

    public int buckets() {
        return buckets;
    }

    /** Name of the rotations placeholder under {@code scope}; absent when buckets = 1. */
    public static String rotationsName(String scope) {
        return scope + ".rotations";
    }

    /** Fresh rotations for one step: standard normal [Dh, rounds·b/2] from (seed, step), deterministic. */
    public INDArray rotations(long seed, long step, int headWidth) {
        java.util.Random rng = new java.util.Random(new java.util.SplittableRandom(seed).split().nextLong() ^ (step * 0x9E3779B97F4A7C15L));
        int columns = rounds * (buckets / 2);
        float[] values = new float[headWidth * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        return Nd4j.create(values, new long[] {headWidth, columns}, DataType.FLOAT);
    }

    @Override
    public boolean sharesQueryKey() {
        return true;
    }

    /** Fresh rotations from (seed, scope): the same seed gives the same hashes, a new step's seed new ones. */
    @Override
    public java.util.Map<String, INDArray> stepInputs(long seed) {
        if (placeholder == null) {
            return java.util.Map.of();
        }
        return java.util.Map.of(placeholder, rotations(seed, placeholder.hashCode(), placeholderWidth));
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        int t = s.length();
        int dh = s.headWidth();
        int m = chunkLength(t);
        if (m < 1 || t % m != 0) {
            throw new IllegalArgumentException("LSH chunk " + m + " must divide the sequence length " + t
                    + " (set model.attention.chunk, or buckets so that 2T/buckets divides T)");
        }
        int nc = t / m;
        long n = (long) s.batch() * s.heads() * rounds * t;                              // rows over all rounds
        SDVariable norm = sd.math.sqrt(q.mul(q).sum(true, 3));                           // [B, H, T, 1]
        SDVariable keys = q.div(norm);                                                   // [B, H, T, Dh]

        SDVariable sortedPos = sortedPositions(sd, scope, keys, s);                      // [B, H, R, T] int
        SDVariable segment = sd.castTo(sortedPos, DataType.INT32)
                .add(sd.constant(scope + ".base", rowBase(s).castTo(DataType.INT32)));
        SDVariable segmentFlat = sd.reshape(segment, n);                                 // [N]

        SDVariable position = sd.constant(scope + ".pos", Nd4j.arange(t).castTo(q.dataType())
                .reshape(1, 1, t, 1).broadcast(s.batch(), s.heads(), t, 1));             // [B, H, T, 1]
        boolean correct = correctsDuplicates(nc);
        int others = correct ? rounds - 1 : 0;                                           // chunk index in each other round
        long width = 3L * dh + 1 + others;
        SDVariable rows = sd.concat(3, q, keys, v, position);                             // [B, H, T, 3Dh+1]
        SDVariable perRound;                                                             // [B, H, R, T, W]
        if (correct) {
            SDVariable chunkIndex = chunkColumns(sd, sortedPos, m);                      // [B, H, T, R]
            SDVariable[] withOthers = new SDVariable[rounds];
            for (int r = 0; r < rounds; r++) {
                withOthers[r] = sd.concat(3, rows, otherRounds(sd, chunkIndex, r, s));   // [B, H, T, 3Dh+R]
            }
            perRound = sd.stack(2, withOthers);
        } else {
            perRound = rounds == 1 ? sd.expandDims(rows, 2)
                    : sd.stack(2, java.util.Collections.nCopies(rounds, rows).toArray(new SDVariable[0]));
        }
        SDVariable sorted = RowScatter.scatter(sd, sd.reshape(perRound, n, width), segmentFlat); // slot rank(i) ← row i
        SDVariable chunks = sd.reshape(sorted, s.batch(), s.heads(), rounds, nc, m, width); // [B, H, R, nc, m, W]
        SDVariable qS = part(sd, chunks, s, nc, m, 0, dh);                               // [B, H, R, nc, m, Dh]
        SDVariable kS = part(sd, chunks, s, nc, m, dh, dh);
        SDVariable vS = part(sd, chunks, s, nc, m, 2 * dh, dh);
        SDVariable posS = part(sd, chunks, s, nc, m, 3 * dh, 1);                         // [B, H, R, nc, m, 1]

        SDVariable kBand = lookBack(sd, kS, s, nc, m, dh);                               // [B, H, R, nc, 2m, Dh]
        SDVariable vBand = lookBack(sd, vS, s, nc, m, dh);
        SDVariable posBand = lookBack(sd, posS, s, nc, m, 1);                            // [B, H, R, nc, 2m, 1]
        SDVariable diff = posS.sub(sd.permute(posBand, 0, 1, 2, 3, 5, 4));              // [B, H, R, nc, m, 2m]: i − j
        SDVariable mask = sd.castTo(sd.lt(diff, 0.0), q.dataType()).mul(DenseCausalAttention.MASKED)
                .add(sd.castTo(sd.eq(diff, 0.0), q.dataType()).mul(SELF));
        SDVariable scores = sd.mmul(qS, kBand, false, true, false)                       // [B, H, R, nc, m, 2m]
                .mul(1.0 / Math.sqrt(dh)).add(mask);
        if (correct) {
            SDVariable chunkS = part(sd, chunks, s, nc, m, 3 * dh + 1, others);         // [B, H, R, nc, m, R−1]
            SDVariable chunkBand = lookBack(sd, chunkS, s, nc, m, others);               // [B, H, R, nc, 2m, R−1]
            SDVariable logCount = sd.math.log1p(alsoAttendedIn(sd, chunkS, chunkBand, s, nc, m, q.dataType())); // log N_ij
            scores = scores.sub(noGradient(sd, logCount));                               // App. A: m = log N_ij
        }
        // the row max is subtracted here although softmax should do it: ND4J's float64 softmax does not,
        // and query 0's row (only its own key, at SELF) underflows to 0/0 = NaN
        SDVariable rowMax = noGradient(sd, scores.max(true, 5));                          // [B, H, R, nc, m, 1]
        SDVariable shifted = scores.sub(rowMax);                                         // also the logsumexp's below
        SDVariable weights = sd.nn.softmax(scope + ".weights", shifted, -1);
        SDVariable out = sd.mmul(weights, vBand);                                        // [B, H, R, nc, m, Dh]

        // back to the original order: sorted slot p holds position perm[p] (= its stored position)
        SDVariable perm = sd.castTo(sd.reshape(posS, s.batch(), s.heads(), rounds, t)
                .add(sd.constant(scope + ".base2", rowBase(s).castTo(q.dataType()))), DataType.INT32);
        SDVariable permFlat = sd.reshape(perm, n);                                       // [N]
        SDVariable unsorted = RowScatter.scatter(sd, sd.reshape(out, n, dh), permFlat);   // [N, Dh]
        if (rounds == 1) {
            return sd.reshape(unsorted, s.batch(), s.heads(), t, dh);                     // [B, H, T, Dh]
        }
        SDVariable perRoundOut = sd.reshape(unsorted, s.batch(), s.heads(), rounds, t, dh); // [B, H, R, T, Dh]
        // logsumexp written out: sd.math.logSumExp's gradient loses its dimensions (reduce_sum_bp fails)
        SDVariable logNormaliser = sd.math.log(sd.math.exp(shifted).sum(true, 5)).add(rowMax);
        SDVariable lse = RowScatter.scatter(sd, sd.reshape(logNormaliser, n, 1), permFlat); // [N, 1]
        SDVariable lseByPosition = sd.permute(sd.reshape(lse, s.batch(), s.heads(), rounds, t), 0, 1, 3, 2); // [B, H, T, R]
        SDVariable lseMax = noGradient(sd, lseByPosition.max(true, 3));                  // float64 softmax: see above
        SDVariable roundWeights = sd.reshape(sd.nn.softmax(lseByPosition.sub(lseMax), 3), s.batch(), s.heads(), t, 1, rounds);
        SDVariable combined = sd.mmul(roundWeights, sd.permute(perRoundOut, 0, 1, 3, 2, 4)); // [B, H, T, 1, Dh]
        return sd.reshape(combined, s.batch(), s.heads(), t, dh);                        // [B, H, T, Dh]
    }

    /**
     * True when N_ij varies between pairs, so the correction changes anything. With one round N = 1;
     * with one or two chunks every key is in every round's window (own chunk and the one before cover
     * all), N = R for all pairs, and subtracting log R shifts every round's scores alike, which
     * cancels in each softmax and in the round weights.
     */
    private boolean correctsDuplicates(int chunksPerRound) {
        return rounds > 1 && chunksPerRound > 2;
    }

    /** Chunk index ⌊rank/m⌋ of each position in every round, by position: [B, H, T, R], no gradient. */
    private SDVariable chunkColumns(SameDiff sd, SDVariable sortedPos, int m) {
        SDVariable chunkIndex = sd.math.floor(sortedPos.div(m));                        // [B, H, R, T], exact integers
        return noGradient(sd, sd.permute(chunkIndex, 0, 1, 3, 2));                       // [B, H, T, R]
    }

    /** The chunk columns of the rounds other than r, in the order r + 1, …, r + R − 1 (mod R): [B, H, T, R−1]. */
    private SDVariable otherRounds(SameDiff sd, SDVariable chunkIndex, int r, AttentionShape s) {
        SDVariable after = r + 1 < rounds ? sd.slice(chunkIndex, new int[] {0, 0, 0, r + 1},
                s.batch(), s.heads(), s.length(), rounds - 1 - r) : null;                // rounds r+1 … R−1
        SDVariable before = r > 0 ? sd.slice(chunkIndex, new int[] {0, 0, 0, 0},
                s.batch(), s.heads(), s.length(), r) : null;                             // rounds 0 … r−1
        return after == null ? before : before == null ? after : sd.concat(3, after, before);
    }

    /**
     * N_ij − 1: for each query slot and band slot of round r, the other rounds r' in which the key's
     * chunk is the query's or the one before it (cyclically), i.e. j ∈ P_i^(r') up to causality, which
     * the mask applies alike in every round (round r itself always holds its band, hence the 1).
     * One round at a time keeps the temporaries the size of the scores: [B, H, R, nc, m, 2m]. The
     * counting is done in the narrowest integer type that holds ±nc and R, so these R − 1 passes over
     * score-sized tensors move a quarter of float32's bytes (reformer-lsh-speed ci, LSH-8 at n = 1024:
     * 11.8 s and 9.4 GB a step, against 14.8 s and 11.8 GB counting in float32). The count is exact
     * either way, so results are bit-identical.
     */
    private SDVariable alsoAttendedIn(SameDiff sd, SDVariable chunkS, SDVariable chunkBand, AttentionShape s,
                                      int nc, int m, DataType type) {
        DataType counting = countingType(Math.max(nc, rounds));
        SDVariable queries = sd.castTo(chunkS, counting);                                // exact: integers below nc
        SDVariable keys = sd.castTo(chunkBand, counting);
        // floorMod with a scalar argument is C's remainder (−3 mod 4 = −3); the two-variable form floors
        SDVariable chunkCount = sd.constant(Nd4j.scalar(counting, nc));
        SDVariable one = sd.constant(Nd4j.scalar(counting, 1));
        SDVariable count = null;
        for (int other = 0; other < rounds - 1; other++) {
            SDVariable query = sd.slice(queries, new int[] {0, 0, 0, 0, 0, other},
                    s.batch(), s.heads(), rounds, nc, m, 1);                                // [B, H, R, nc, m, 1]
            SDVariable key = sd.permute(sd.slice(keys, new int[] {0, 0, 0, 0, 0, other},
                    s.batch(), s.heads(), rounds, nc, 2 * m, 1), 0, 1, 2, 3, 5, 4);        // [B, H, R, nc, 1, 2m]
            SDVariable behind = sd.math.floorMod(query.sub(key), chunkCount);            // 0: same chunk, 1: the one before
            SDVariable in = sd.castTo(sd.lte(behind, one), counting);                    // [B, H, R, nc, m, 2m]
            count = count == null ? in : count.add(in);
        }
        return sd.castTo(count, type);
    }

    /** The narrowest signed integer type holding every value in (−limit, limit]. */
    static DataType countingType(int limit) {
        return limit <= Byte.MAX_VALUE ? DataType.BYTE : limit <= Short.MAX_VALUE ? DataType.SHORT : DataType.INT;
    }

    /** Rank of each position in (bucket, position) order, per round: [B, H, R, T] (float, exact integers). */
    private SDVariable sortedPositions(SameDiff sd, String scope, SDVariable keys, AttentionShape s) {
        int t = s.length();
        if (buckets == 1) {
            return sd.constant(scope + ".identity", Nd4j.arange(t).castTo(keys.dataType())
                    .reshape(1, 1, 1, t).broadcast(s.batch(), s.heads(), 1, t));
        }
        int half = buckets / 2;
        SDVariable rotations = sd.placeHolder(rotationsName(scope), keys.dataType(), s.headWidth(), (long) rounds * half);
        placeholder = rotationsName(scope);
        placeholderWidth = s.headWidth();
        // hashing is not differentiated; without the stop SameDiff builds reduce_sum_bp ops here that fail
        SDVariable hashed = noGradient(sd, keys);
        SDVariable projected = sd.reshape(sd.mmul(sd.reshape(hashed, (long) s.batch() * s.heads() * t, s.headWidth()), rotations),
                s.batch(), s.heads(), t, rounds, half);                                  // [B, H, T, R, b/2]
        SDVariable both = sd.concat(4, projected, projected.neg());                      // [B, H, T, R, b]: [xR; −xR]
        SDVariable bucket = sd.permute(sd.argmax(scope + ".buckets", both, false, 4), 0, 1, 3, 2); // [B, H, R, T]
        SDVariable oneHot = sd.oneHot(bucket, buckets, -1, 1.0, 0.0, keys.dataType());  // [B, H, R, T, b]
        long blocks = (long) s.batch() * s.heads() * rounds;
        SDVariable flat = sd.reshape(oneHot, blocks, t, buckets);                        // [M, T, b]
        SDVariable earlier = PrefixSums.exclusive(sd, flat, blocks, t, buckets);          // same bucket, earlier position
        SDVariable earlierSame = sd.reshape(earlier.mul(flat).sum(2), s.batch(), s.heads(), rounds, t); // [B, H, R, T]
        SDVariable counts = oneHot.sum(3);                                               // [B, H, R, b]
        SDVariable bucketStart = sd.reshape(PrefixSums.exclusive(sd, sd.reshape(counts, blocks, buckets, 1), blocks, buckets, 1),
                s.batch(), s.heads(), rounds, buckets);                                  // [B, H, R, b]
        SDVariable start = oneHot.mul(sd.expandDims(bucketStart, 3)).sum(4);            // [B, H, R, T]
        return start.add(earlierSame);
    }

    /** {@code x} as a constant of the backward pass: its gradient is not built (see the StopGradient uses above). */
    private static SDVariable noGradient(SameDiff sd, SDVariable x) {
        return new org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient(sd, x).outputVariable();
    }

    /** Row offset of each (batch, head, round) block in the flattened [N] order: [B, H, R, T]. */
    private INDArray rowBase(AttentionShape s) {
        int t = s.length();
        float[] base = new float[s.batch() * s.heads() * rounds * t];
        for (int block = 0; block < s.batch() * s.heads() * rounds; block++) {
            java.util.Arrays.fill(base, block * t, (block + 1) * t, (float) block * t);
        }
        return Nd4j.create(base, new long[] {s.batch(), s.heads(), rounds, t}, DataType.FLOAT);
    }

    private SDVariable part(SameDiff sd, SDVariable chunks, AttentionShape s, int nc, int m, int from, int width) {
        return sd.slice(chunks, new int[] {0, 0, 0, 0, 0, from}, s.batch(), s.heads(), rounds, nc, m, width);
    }

    /** Each chunk with the one before it (cyclically): [.., nc, m, w] → [.., nc, 2m, w]; one chunk stays itself. */
    private SDVariable lookBack(SameDiff sd, SDVariable x, AttentionShape s, int nc, int m, int width) {
        if (nc == 1) {
            return x;
        }
        SDVariable last = sd.slice(x, new int[] {0, 0, 0, nc - 1, 0, 0}, s.batch(), s.heads(), rounds, 1, m, width);
        SDVariable rest = sd.slice(x, new int[] {0, 0, 0, 0, 0, 0}, s.batch(), s.heads(), rounds, nc - 1, m, width);
        SDVariable previous = sd.concat(3, last, rest);                                  // chunk c − 1 at c
        return sd.concat(4, previous, x);
    }
}
