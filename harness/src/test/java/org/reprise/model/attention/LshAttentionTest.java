package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.model.Engine;
import org.reprise.pattern.AttentionPattern;
import org.reprise.pattern.LshPattern;

/** Reformer LSH attention (Kitaev et al. 2020) against masked dense shared-QK attention. */
class LshAttentionTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @Test
    void oneBucketEqualsFullSharedQkAttentionWithoutSelf() {
        AttentionShape shape = new AttentionShape(2, 2, 48, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 3);
        LshPattern full = new LshPattern(new int[48], 48);

        AttentionHarness.Result lsh = AttentionHarness.run(new LshAttention(1, 1, 0), shape, x[0], x[1], x[2], x[3]);
        AttentionHarness.Result dense = sharedQkReference((h, i, j) -> full.allows(0, i, j), shape, x);

        assertClose(lsh, dense);
        for (int i = 1; i < 48; i++) {
            assertThat(full.allows(0, i, i)).as("a token with earlier targets skips itself").isFalse();
        }
        assertThat(full.allows(0, 0, 0)).as("the first token has only itself").isTrue();
    }

    /**
     * ND4J 1.0.0-M2.1's unsorted_segment_sum and cumsum leak native memory on every call (forward and
     * backward; see {@link RowScatter}): a reversible 8-layer LSH model grew 175 MiB per training step.
     * Neither the forward graph nor its gradient may use them, with one round or several.
     */
    @ParameterizedTest(name = "buckets={0} rounds={1}")
    @CsvSource({"8, 1", "8, 3"})
    void usesNoOpThatLeaksNativeMemory(int buckets, int rounds) {
        AttentionShape shape = new AttentionShape(1, 2, 64, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 5);
        LshAttention lsh = new LshAttention(buckets, rounds, 16);
        SameDiff sd = AttentionHarness.build(lsh, shape, x[0], x[1], x[2], x[3]);
        Map<String, INDArray> rotations = Map.of(LshAttention.rotationsName("attn"), lsh.rotations(1, 0, 8));
        sd.calculateGradients(rotations, "q", "v");

        java.util.Set<String> ops = new java.util.TreeSet<>();
        for (SameDiff graph : new SameDiff[] {sd, sd.getFunction("grad")}) {
            for (var op : graph.ops()) {
                ops.add(op.opName());
            }
        }
        assertThat(ops).as("ops of the LSH graph and its gradient")
                .contains("scatter_add", "gather")
                .noneMatch(name -> name.startsWith("unsorted_segment") || name.startsWith("segment_")
                        || name.startsWith("cumsum"));
    }

    @Test
    void hashesAreTheArgmaxOfTheRotatedNormalisedQueries() {
        AttentionShape shape = new AttentionShape(1, 2, 64, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 4);
        LshAttention lsh = new LshAttention(8, 2, 16);
        INDArray rotations = lsh.rotations(7, 0, 8);

        int[][][] buckets = graphBuckets(lsh, shape, x, rotations);

        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 64; i++) {
                for (int r = 0; r < 2; r++) {
                    assertThat(buckets[h][r][i]).as("head %d round %d position %d", h, r, i)
                            .isEqualTo(javaHash(x[0], h, i, rotations, r, 8));
                }
            }
        }
    }

    @Test
    void oneRoundEqualsMaskedDenseWithTheChunkedSortedPattern() {
        AttentionShape shape = new AttentionShape(1, 2, 64, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 5);
        LshAttention lsh = new LshAttention(8, 1, 16);
        INDArray rotations = lsh.rotations(11, 3, 8);
        int[][][] buckets = graphBuckets(lsh, shape, x, rotations);
        LshPattern[] perHead = {new LshPattern(buckets[0][0], 16), new LshPattern(buckets[1][0], 16)};

        AttentionHarness.Result fast = AttentionHarness.run(lsh, shape, x[0], x[1], x[2], x[3],
                Map.of(LshAttention.rotationsName("attn"), rotations));
        AttentionHarness.Result dense = sharedQkReference((h, i, j) -> perHead[h].allows(h, i, j), shape, x);

        assertClose(fast, dense);
        long distinct = java.util.Arrays.stream(buckets[0][0]).distinct().count();
        assertThat(distinct).as("the hash spreads positions over buckets").isGreaterThan(2);
    }

    @Test
    void identicalRoundsCombineToTheSingleRoundResult() {
        AttentionShape shape = new AttentionShape(1, 1, 32, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 6);
        INDArray one = new LshAttention(4, 1, 8).rotations(1, 0, 8);
        INDArray twice = Nd4j.concat(1, one, one);

        INDArray single = AttentionHarness.run(new LshAttention(4, 1, 8), shape, x[0], x[1], x[2], x[3],
                Map.of(LshAttention.rotationsName("attn"), one)).output();
        INDArray doubled = AttentionHarness.run(new LshAttention(4, 2, 8), shape, x[0], x[1], x[2], x[3],
                Map.of(LshAttention.rotationsName("attn"), twice)).output();

        assertThat(AttentionHarness.maxAbsDiff(single, doubled)).isLessThanOrEqualTo(1e-5);
    }

    /**
     * The last case has 160 chunks of one slot, more than a byte holds, so N_ij is counted in 16-bit
     * integers (the others count in bytes); it must still hold pairs that share a window in two rounds.
     */
    @ParameterizedTest(name = "buckets {0}, rounds {1}, chunk {2}, length {3}")
    @CsvSource({"4, 2, 8, 32", "2, 4, 8, 32", "8, 3, 4, 32", "4, 3, 1, 160"})
    void severalRoundsEqualOneSoftmaxOverTheUnionOfTheirSets(int buckets, int rounds, int chunk, int length) {
        // App. A: with m = log N_ij subtracted, Σ_r e^{z_r − z} o_r = softmax over P_i = ∪_r P_i^(r)
        AttentionShape shape = new AttentionShape(2, 2, length, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 8);
        LshAttention lsh = new LshAttention(buckets, rounds, chunk);
        INDArray rotations = lsh.rotations(5, 1, 8);
        LshPattern[][] union = patterns(lsh, shape, x, rotations, chunk);
        long duplicates = 0;
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < i; j++) {
                duplicates += union[0][0].rounds(i, j) > 1 ? 1 : 0;
            }
        }
        assertThat(duplicates).as("pairs that share a window in several rounds").isPositive();

        AttentionHarness.Result fast = AttentionHarness.run(lsh, shape, x[0], x[1], x[2], x[3],
                Map.of(LshAttention.rotationsName("attn"), rotations));
        AttentionHarness.Result dense = AttentionHarness.run(unionReference(union), shape, x[0], x[1], x[2], x[3]);

        assertClose(fast, dense);
    }

    @Test
    void duplicatesAcrossRoundsAreCountedOnceSoTheUncorrectedCombinationIsWrong() {
        // 2 buckets, 4 rounds, 4 chunks: most pairs share a window in several rounds but not all
        AttentionShape shape = new AttentionShape(2, 2, 32, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 8);
        LshAttention lsh = new LshAttention(2, 4, 8);
        INDArray rotations = lsh.rotations(5, 1, 8);
        LshPattern[][] union = patterns(lsh, shape, x, rotations, 8);
        int[] histogram = new int[5];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < i; j++) {
                histogram[union[0][0].rounds(i, j)]++;
            }
        }

        AttentionHarness.Result dense = AttentionHarness.run(unionReference(union), shape, x[0], x[1], x[2], x[3]);
        AttentionHarness.Result uncorrected = AttentionHarness.run(perRoundReference(union), shape, x[0], x[1], x[2], x[3]);

        assertThat(histogram[2] + histogram[3]).as("pairs in 2 or 3 of 4 rounds, N_ij histogram %s",
                java.util.Arrays.toString(histogram)).isGreaterThan(100);
        assertThat(AttentionHarness.maxAbsDiff(uncorrected.output(), dense.output()))
                .as("rounds combined without log N_ij differ from the union softmax").isGreaterThan(0.05);
    }

    @Test
    void countsInTheNarrowestIntegerTypeThatHoldsTheChunkCount() {
        assertThat(LshAttention.countingType(127)).isEqualTo(DataType.BYTE);
        assertThat(LshAttention.countingType(128)).isEqualTo(DataType.SHORT);
        assertThat(LshAttention.countingType(32_767)).isEqualTo(DataType.SHORT);
        assertThat(LshAttention.countingType(32_768)).isEqualTo(DataType.INT);
    }

    /**
     * ND4J's float64 softmax does not subtract the row maximum, so query 0 (only its own key, at −1e5)
     * and the round weights gave NaN in float64 while float32 was fine; gradient checks need float64.
     */
    @ParameterizedTest(name = "buckets {0}, rounds {1}, chunk {2}")
    @CsvSource({"1, 1, 0", "4, 1, 3", "4, 2, 3", "4, 3, 6"})
    void float64GivesTheFloat32Result(int buckets, int rounds, int chunk) {
        AttentionShape shape = new AttentionShape(2, 2, 12, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 4);
        Map<String, INDArray> rotations = rotationInputs(new LshAttention(buckets, rounds, chunk), shape, x);
        AttentionHarness.Result single = AttentionHarness.run(new LshAttention(buckets, rounds, chunk), shape,
                x[0], x[1], x[2], x[3], rotations);
        INDArray[] wide = new INDArray[4];
        for (int i = 0; i < 4; i++) {
            wide[i] = x[i].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        }
        Map<String, INDArray> wideRotations = new java.util.HashMap<>();
        rotations.forEach((name, value) -> wideRotations.put(name, value.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)));

        AttentionHarness.Result dbl = AttentionHarness.run(new LshAttention(buckets, rounds, chunk), shape,
                wide[0], wide[1], wide[2], wide[3], wideRotations);

        assertThat(dbl.output().isNaN().any() || dbl.dq().isNaN().any()).as("NaN in float64").isFalse();
        assertThat(AttentionHarness.maxAbsDiff(dbl.output().castTo(single.output().dataType()), single.output())).as("output")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(dbl.dq().castTo(single.dq().dataType()), single.dq())).as("d/dq")
                .isLessThanOrEqualTo(TOLERANCE);
    }

    /** The rotations an attention draws for step seed 7, after building it once to learn its placeholder. */
    private static Map<String, INDArray> rotationInputs(LshAttention lsh, AttentionShape shape, INDArray[] x) {
        AttentionHarness.build(lsh, shape, x[0], x[1], x[2], x[3]);
        return lsh.stepInputs(7);
    }

    @Test
    void rotationsAreFreshForEachStepSeedAndReproducible() {
        LshAttention lsh = new LshAttention(8, 2, 16);
        AttentionShape shape = new AttentionShape(1, 1, 64, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 1);
        AttentionHarness.build(lsh, shape, x[0], x[1], x[2], x[3]);

        INDArray step1 = lsh.stepInputs(101).get(LshAttention.rotationsName("attn"));
        INDArray step1Again = lsh.stepInputs(101).get(LshAttention.rotationsName("attn"));
        INDArray step2 = lsh.stepInputs(102).get(LshAttention.rotationsName("attn"));

        assertThat(step1.shape()).containsExactly(8, 8); // [Dh, rounds · buckets/2]
        assertThat(step1Again).isEqualTo(step1);
        assertThat(step2).isNotEqualTo(step1);
    }

    @Test
    void everyKeyAnLshQueryReachesIsAtOrBeforeIt() {
        int[] buckets = new java.util.Random(3).ints(200, 0, 6).toArray();
        LshPattern pattern = new LshPattern(buckets, 20);

        for (int i = 0; i < 200; i++) {
            for (int j = i + 1; j < 200; j++) {
                assertThat(pattern.allows(0, i, j)).isFalse();
            }
            assertThat(pattern.keys(0, i, 200)).isNotEmpty();
        }
    }


    private static void assertClose(AttentionHarness.Result fast, AttentionHarness.Result reference) {
        assertThat(AttentionHarness.maxAbsDiff(fast.output(), reference.output())).as("output").isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(fast.dq(), reference.dq())).as("d/dq (max |dq| %s)",
                        reference.dq().amaxNumber()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(fast.dv(), reference.dv())).as("d/dv").isLessThanOrEqualTo(TOLERANCE);
        assertThat(reference.dq().amaxNumber().doubleValue()).as("gradients are not trivially zero").isGreaterThan(0.01);
    }

    /** Dense attention with keys q/‖q‖ and the given pattern as mask. */
    private static AttentionHarness.Result sharedQkReference(AttentionPattern pattern, AttentionShape shape, INDArray[] x) {
        Attention reference = (sd, scope, q, k, v, s) -> new MaskedDenseAttention(pattern)
                .attend(sd, scope, q, q.div(sd.math.sqrt(q.mul(q).sum(true, 3))), v, s);
        return AttentionHarness.run(reference, shape, x[0], x[1], x[2], x[3]);
    }

    /** [head][round][position] buckets as the graph computes them (batch 1). */
    private static int[][][] graphBuckets(LshAttention lsh, AttentionShape shape, INDArray[] x, INDArray rotations) {
        return graphBuckets(lsh, shape, x, rotations, 0);
    }

    /** [head][round][position] buckets of batch row {@code row} as the graph computes them. */
    private static int[][][] graphBuckets(LshAttention lsh, AttentionShape shape, INDArray[] x, INDArray rotations, int row) {
        SameDiff sd = AttentionHarness.build(lsh, shape, x[0], x[1], x[2], x[3]);
        INDArray b = sd.outputSingle(Map.of(LshAttention.rotationsName("attn"), rotations), "attn.buckets"); // [B, H, T, R]
        int[][][] out = new int[shape.heads()][lsh.rounds()][shape.length()];
        for (int h = 0; h < shape.heads(); h++) {
            for (int r = 0; r < lsh.rounds(); r++) {
                for (int i = 0; i < shape.length(); i++) {
                    out[h][r][i] = b.getInt(row, h, i, r);
                }
            }
        }
        return out;
    }

    /** [batch][head] union-of-rounds patterns from the graph's own buckets. */
    private static LshPattern[][] patterns(LshAttention lsh, AttentionShape shape, INDArray[] x, INDArray rotations, int chunk) {
        LshPattern[][] out = new LshPattern[shape.batch()][shape.heads()];
        for (int b = 0; b < shape.batch(); b++) {
            int[][][] buckets = graphBuckets(lsh, shape, x, rotations, b);
            for (int h = 0; h < shape.heads(); h++) {
                out[b][h] = new LshPattern(buckets[h], chunk);
            }
        }
        return out;
    }

    /**
     * Plain reference of App. A: dense shared-QK scores, one softmax over the union P_i of the rounds'
     * sets (each key once), a token's own key at −1e5; mask [B, H, T, T].
     */
    private static Attention unionReference(LshPattern[][] union) {
        return (sd, scope, q, k, v, s) -> {
            SDVariable keys = q.div(sd.math.sqrt(q.mul(q).sum(true, 3)));
            SDVariable mask = sd.constant(maskOf(union, s, -1, (p, r, i, j) -> p.rounds(i, j) > 0));
            SDVariable scores = sd.mmul(q, keys, false, true, false).mul(1 / Math.sqrt(s.headWidth())).add(mask);
            return sd.mmul(sd.nn.softmax(scores, 3), v);                                       // [B, H, T, Dh]
        };
    }

    /**
     * What the rounds give without the duplicate correction: each round's softmax over its own set,
     * combined with weights softmax_r of the rounds' log-normalisers.
     */
    private static Attention perRoundReference(LshPattern[][] union) {
        return (sd, scope, q, k, v, s) -> {
            SDVariable keys = q.div(sd.math.sqrt(q.mul(q).sum(true, 3)));
            SDVariable raw = sd.mmul(q, keys, false, true, false).mul(1 / Math.sqrt(s.headWidth()));
            int rounds = union[0][0].rounds();
            SDVariable[] outs = new SDVariable[rounds];
            SDVariable[] logZ = new SDVariable[rounds];
            for (int r = 0; r < rounds; r++) {
                SDVariable scores = raw.add(sd.constant(maskOf(union, s, r, (p, round, i, j) -> p.inRound(round, i, j))));
                outs[r] = sd.mmul(sd.nn.softmax(scores, 3), v);                                   // [B, H, T, Dh]
                SDVariable max = scores.max(true, 3);
                logZ[r] = sd.math.log(sd.math.exp(scores.sub(max)).sum(true, 3)).add(max);        // [B, H, T, 1]
            }
            SDVariable weights = sd.nn.softmax(sd.concat(3, logZ), 3);                            // [B, H, T, R]
            SDVariable out = null;
            for (int r = 0; r < rounds; r++) {
                SDVariable w = sd.slice(weights, new int[] {0, 0, 0, r}, s.batch(), s.heads(), s.length(), 1);
                out = out == null ? outs[r].mul(w) : out.add(outs[r].mul(w));
            }
            return out;
        };
    }

    private interface Reach {
        boolean test(LshPattern pattern, int round, int i, int j);
    }

    /** Additive mask [B, H, T, T]: −1e5 on the diagonal (App. A), 0 where reached, −1e9 elsewhere. */
    private static INDArray maskOf(LshPattern[][] union, AttentionShape s, int round, Reach reach) {
        int t = s.length();
        float[] mask = new float[s.batch() * s.heads() * t * t];
        for (int b = 0; b < s.batch(); b++) {
            for (int h = 0; h < s.heads(); h++) {
                int base = (b * s.heads() + h) * t * t;
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        mask[base + i * t + j] = j == i ? -1e5f : reach.test(union[b][h], round, i, j) ? 0f : -1e9f;
                    }
                }
            }
        }
        return Nd4j.create(mask, new long[] {s.batch(), s.heads(), t, t}, org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    /** h(x) = argmax([xR; −xR]) for x = q/‖q‖ (Kitaev et al. §2, angular LSH), written in plain Java. */
    private static int javaHash(INDArray q, int head, int i, INDArray rotations, int round, int buckets) {
        int dh = (int) q.size(3);
        double norm = 0;
        for (int d = 0; d < dh; d++) {
            norm += q.getDouble(0, head, i, d) * q.getDouble(0, head, i, d);
        }
        norm = Math.sqrt(norm);
        int half = buckets / 2;
        double best = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int c = 0; c < buckets; c++) {
            double dot = 0;
            for (int d = 0; d < dh; d++) {
                dot += q.getDouble(0, head, i, d) / norm * rotations.getDouble(d, round * half + (c % half));
            }
            double value = c < half ? dot : -dot;
            if (value > best) {
                best = value;
                arg = c;
            }
        }
        return arg;
    }
}
