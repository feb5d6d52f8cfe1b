package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.model.Engine;
import org.reprise.pattern.AttentionPattern;
import org.reprise.pattern.SlidingWindowPattern;
import org.reprise.pattern.Component;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.FixedPattern.SummaryRule;
import org.reprise.pattern.HeadSplitPattern;
import org.reprise.pattern.StridedPattern;
import org.reprise.pattern.StridedPattern.WindowRule;

/**
 * The block-sparse attentions equal dense attention masked with the same pattern (STYLE #15):
 * outputs and the gradients of sum(output · R) w.r.t. q, k, v, within 1e-4 in float32.
 */
class BlockSparseEqualsMaskedDenseTest {
    private static final double TOLERANCE = 1e-4;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (Component component : Component.values()) {
            for (WindowRule rule : WindowRule.values()) {
                StridedPattern p = new StridedPattern(8, rule, component);
                cases.add(Arguments.of("strided l=8 " + rule + " " + component, new StridedAttention(p), p, 64, 2));
            }
            for (SummaryRule rule : SummaryRule.values()) {
                FixedPattern p = FixedPattern.of(16, 4, rule, component);
                cases.add(Arguments.of("fixed l=16 c=4 " + rule + " " + component, new FixedAttention(p), p, 64, 4));
            }
        }
        StridedPattern single = new StridedPattern(32, WindowRule.OFFICIAL, Component.MERGED);
        cases.add(Arguments.of("strided, one block", new StridedAttention(single), single, 32, 1));
        FixedPattern shared = new FixedPattern(16, 4, SummaryRule.OFFICIAL, 1, Component.MERGED);
        cases.add(Arguments.of("fixed, all heads share a sub-block", new FixedAttention(shared), shared, 64, 3));
        StridedPattern larger = new StridedPattern(16, WindowRule.OFFICIAL, Component.MERGED);
        cases.add(Arguments.of("strided l=16 T=256", new StridedAttention(larger), larger, 256, 2));
        FixedPattern largerFixed = FixedPattern.of(32, 8, SummaryRule.OFFICIAL, Component.MERGED);
        cases.add(Arguments.of("fixed l=32 c=8 T=256", new FixedAttention(largerFixed), largerFixed, 256, 2));
        // 32 blocks: 16 query groups of 2 blocks, so a group's summary keys end inside it (FixedAttention.queryGroups)
        FixedPattern grouped = FixedPattern.of(8, 2, SummaryRule.OFFICIAL, Component.MERGED);
        cases.add(Arguments.of("fixed l=8 c=2 T=256 in groups of 2 blocks", new FixedAttention(grouped), grouped, 256, 2));

        StridedPattern sl = new StridedPattern(8, WindowRule.OFFICIAL, Component.LOCAL);
        StridedPattern sc = new StridedPattern(8, WindowRule.OFFICIAL, Component.SUMMARY);
        cases.add(Arguments.of("strided multi-head", new HeadSplitAttention(new StridedAttention(sl), new StridedAttention(sc)),
                new HeadSplitPattern(sl, sc), 64, 4));
        FixedPattern fl = FixedPattern.of(16, 4, SummaryRule.OFFICIAL, Component.LOCAL);
        FixedPattern fs = FixedPattern.of(16, 4, SummaryRule.OFFICIAL, Component.SUMMARY);
        cases.add(Arguments.of("fixed multi-head",
                new HeadSplitAttention(new FixedAttention(fl, new HeadMap(0, 2)), new FixedAttention(fs, new HeadMap(1, 2))),
                new HeadSplitPattern(fl, fs), 64, 6));
        for (int[] wdg : new int[][] {{8, 1, 0}, {4, 2, 0}, {4, 2, 3}, {8, 1, 5}, {2, 4, 1}}) {
            SlidingWindowPattern p = new SlidingWindowPattern(wdg[0], wdg[1], 2, 4, wdg[2]);
            cases.add(Arguments.of("window w=" + wdg[0] + " dilation " + wdg[1] + " on 2 of 4 heads, global " + wdg[2],
                    new SlidingWindowAttention(p), p, 64, 4));
        }
        SlidingWindowPattern allDilated = new SlidingWindowPattern(4, 2, 2, 2, 2);
        cases.add(Arguments.of("window, every head dilated", new SlidingWindowAttention(allDilated), allDilated, 64, 2));
        for (int[] gr : new int[][] {{0, 0}, {2, 0}, {0, 2}, {1, 3}}) {
            BigBirdAttention a = new BigBirdAttention(8, gr[0], gr[1], 23);
            cases.add(Arguments.of("bigbird b=8 g=" + gr[0] + " r=" + gr[1], a, a.pattern(128), 128, 2));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsAndGradientsEqualTheMaskedDenseReference(String name, Attention efficient, AttentionPattern pattern,
                                                          int length, int heads) {
        AttentionShape shape = new AttentionShape(2, heads, length, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 11);

        AttentionHarness.Result fast = AttentionHarness.run(efficient, shape, x[0], x[1], x[2], x[3]);
        AttentionHarness.Result reference = AttentionHarness.run(new MaskedDenseAttention(pattern), shape, x[0], x[1], x[2], x[3]);

        assertThat(AttentionHarness.maxAbsDiff(fast.output(), reference.output())).as("output").isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(fast.dq(), reference.dq())).as("d/dq").isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(fast.dk(), reference.dk())).as("d/dk").isLessThanOrEqualTo(TOLERANCE);
        assertThat(AttentionHarness.maxAbsDiff(fast.dv(), reference.dv())).as("d/dv").isLessThanOrEqualTo(TOLERANCE);
        assertThat(reference.dv().amaxNumber().doubleValue()).as("gradients are not trivially zero").isGreaterThan(0.1);
    }
}
