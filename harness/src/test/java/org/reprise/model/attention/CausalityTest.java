package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.reprise.model.Engine;
import org.reprise.pattern.Component;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.FixedPattern.SummaryRule;
import org.reprise.pattern.StridedPattern;
import org.reprise.pattern.StridedPattern.WindowRule;

/** Changing q, k, v after position i leaves the efficient attention's outputs at positions ≤ i unchanged. */
class CausalityTest {
    private static final int T = 64;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    static Stream<Arguments> causalAttentions() {
        Stream.Builder<Arguments> b = Stream.builder();
        b.add(Arguments.of("dense", new DenseCausalAttention()));
        for (Component c : Component.values()) {
            b.add(Arguments.of("strided " + c, new StridedAttention(new StridedPattern(8, WindowRule.PAPER, c))));
            b.add(Arguments.of("fixed " + c, new FixedAttention(FixedPattern.of(16, 4, SummaryRule.PAPER, c))));
        }
        b.add(Arguments.of("window", new SlidingWindowAttention(new org.reprise.pattern.SlidingWindowPattern(4, 2, 1, 2, 3))));
        b.add(Arguments.of("bigbird", new BigBirdAttention(8, 1, 2, 3)));
        b.add(Arguments.of("fixed multi-head", new HeadSplitAttention(
                new FixedAttention(FixedPattern.of(16, 4, SummaryRule.OFFICIAL, Component.LOCAL), new HeadMap(0, 2)),
                new FixedAttention(FixedPattern.of(16, 4, SummaryRule.OFFICIAL, Component.SUMMARY), new HeadMap(1, 2)))));
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causalAttentions")
    void laterPositionsDoNotChangeEarlierOutputs(String name, Attention attention) {
        AttentionShape shape = new AttentionShape(1, 2, T, 8);
        INDArray[] x = AttentionHarness.inputs(shape, 5);
        INDArray before = AttentionHarness.run(attention, shape, x[0], x[1], x[2], x[3]).output();

        for (int i : new int[] {0, 7, 8, 15, 16, 33, 62}) {
            INDArray[] changed = new INDArray[3];
            for (int n = 0; n < 3; n++) {
                changed[n] = x[n].dup();
                changed[n].get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(i + 1, T), NDArrayIndex.all())
                        .assign(Nd4j.randn(changed[n].dataType(), 1, 2, T - i - 1, 8).mul(3));
            }
            INDArray after = AttentionHarness.run(attention, shape, changed[0], changed[1], changed[2], x[3]).output();

            INDArray prefixBefore = before.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, i + 1), NDArrayIndex.all());
            INDArray prefixAfter = after.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, i + 1), NDArrayIndex.all());
            assertThat(AttentionHarness.maxAbsDiff(prefixBefore, prefixAfter)).as("%s: outputs ≤ %d", name, i).isEqualTo(0.0);
            assertThat(AttentionHarness.maxAbsDiff(before, after)).as("%s: later outputs do change", name).isGreaterThan(0.0);
        }
    }
}
