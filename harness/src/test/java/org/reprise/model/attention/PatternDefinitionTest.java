package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.reprise.pattern.AttentionPattern;
import org.reprise.pattern.BigBirdPattern;
import org.reprise.pattern.SlidingWindowPattern;
import org.reprise.pattern.Component;
import org.reprise.pattern.DensePattern;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.FixedPattern.SummaryRule;
import org.reprise.pattern.HeadSplitPattern;
import org.reprise.pattern.StridedPattern;
import org.reprise.pattern.StridedPattern.WindowRule;

/**
 * Every S_i of every pattern equals the paper's set, written here independently as set-builder
 * loops over the formulas of Child et al. 2019 §4.2–4.3 (with the rules chosen in paper-facts §6).
 */
class PatternDefinitionTest {
    private static final int N = 300;

    @Test
    void denseIsEveryEarlierPosition() {
        for (int i = 0; i < N; i++) {
            TreeSet<Integer> expected = new TreeSet<>();
            for (int j = 0; j <= i; j++) {
                expected.add(j);
            }
            assertThat(new DensePattern().keys(0, i, N)).as("S_%d", i).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void stridedMatchesTheFormulaForBothWindowRules() {
        for (int l : new int[] {1, 4, 7, 16, 17}) {
            for (WindowRule rule : WindowRule.values()) {
                int window = rule == WindowRule.OFFICIAL ? l : l + 1; // {i−l+1..i} or {max(0,i−l)..i}
                for (int i = 0; i < N; i++) {
                    TreeSet<Integer> local = new TreeSet<>();
                    for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                        local.add(j);
                    }
                    TreeSet<Integer> columns = new TreeSet<>();
                    for (int j = i; j >= 0; j -= l) {
                        columns.add(j);
                    }
                    TreeSet<Integer> merged = new TreeSet<>(local);
                    merged.addAll(columns);
                    assertSet(new StridedPattern(l, rule, Component.LOCAL), 0, i, local, "strided local l=" + l + " " + rule);
                    assertSet(new StridedPattern(l, rule, Component.SUMMARY), 0, i, columns, "strided columns l=" + l);
                    assertSet(new StridedPattern(l, rule, Component.MERGED), 0, i, merged, "strided merged l=" + l + " " + rule);
                }
            }
        }
    }

    @Test
    void officialStridedWindowHasExactlyLPositionsAndThePaperOneLPlusOne() {
        int l = 16;
        int i = 100;

        long official = new StridedPattern(l, WindowRule.OFFICIAL, Component.LOCAL).keys(0, i, N).size();
        long paper = new StridedPattern(l, WindowRule.PAPER, Component.LOCAL).keys(0, i, N).size();

        assertThat(official).isEqualTo(l);
        assertThat(paper).isEqualTo(l + 1);
    }

    @Test
    void fixedMatchesTheFormulaWithDistinctSubBlocksPerHead() {
        int[][] strideAndC = {{8, 2}, {16, 4}, {16, 16}, {12, 3}, {32, 8}};
        for (int[] lc : strideAndC) {
            int l = lc[0];
            int c = lc[1];
            for (SummaryRule rule : SummaryRule.values()) {
                int maxGroups = rule == SummaryRule.OFFICIAL ? l / c : (l - 1) / c;
                if (maxGroups < 1) {
                    continue;
                }
                for (int head = 0; head < 5; head++) {
                    int s = head % maxGroups;
                    // official: offsets l−(s+1)c .. l−sc−1; paper: one more position before them
                    int first = l - (s + 1) * c - (rule == SummaryRule.PAPER ? 1 : 0);
                    int last = l - s * c - 1;
                    for (int i = 0; i < N; i++) {
                        TreeSet<Integer> local = new TreeSet<>();
                        for (int j = (i / l) * l; j <= i; j++) {
                            local.add(j);
                        }
                        TreeSet<Integer> summary = new TreeSet<>();
                        for (int block = 0; block * l <= i; block++) {
                            for (int offset = first; offset <= last; offset++) {
                                if (block * l + offset <= i) {
                                    summary.add(block * l + offset);
                                }
                            }
                        }
                        TreeSet<Integer> merged = new TreeSet<>(local);
                        merged.addAll(summary);
                        TreeSet<Integer> summaryHead = new TreeSet<>(summary);
                        summaryHead.add(i);
                        String what = "fixed l=" + l + " c=" + c + " " + rule + " head " + head;
                        assertSet(FixedPattern.of(l, c, rule, Component.LOCAL), head, i, local, what);
                        assertSet(FixedPattern.of(l, c, rule, Component.SUMMARY), head, i, summaryHead, what);
                        assertSet(FixedPattern.of(l, c, rule, Component.MERGED), head, i, merged, what);
                    }
                }
            }
        }
    }

    @Test
    void paperSummaryRuleReproducesThe120To128Example() {
        // "stride 128 and c = 8: all future positions after 128 can attend to 120–128" (1-indexed)
        FixedPattern paper = FixedPattern.of(128, 8, SummaryRule.PAPER, Component.MERGED);
        FixedPattern official = FixedPattern.of(128, 8, SummaryRule.OFFICIAL, Component.MERGED);

        List<Integer> earlierBlock = paper.keys(0, 200, 400).stream().filter(j -> j < 128).toList();
        List<Integer> earlierOfficial = official.keys(0, 200, 400).stream().filter(j -> j < 128).toList();

        assertThat(earlierBlock).containsExactly(119, 120, 121, 122, 123, 124, 125, 126, 127);
        assertThat(earlierOfficial).containsExactly(120, 121, 122, 123, 124, 125, 126, 127);
    }

    @Test
    void headsUseDistinctSubBlocksCountingDownFromTheBlockEnd() {
        FixedPattern pattern = FixedPattern.of(128, 32, SummaryRule.OFFICIAL, Component.MERGED);

        assertThat(pattern.summaryStart(0)).isEqualTo(96);
        assertThat(pattern.summaryStart(1)).isEqualTo(64);
        assertThat(pattern.summaryStart(3)).isEqualTo(0);
        assertThat(pattern.summaryStart(4)).isEqualTo(96);
    }

    @Test
    void multiHeadSplitGivesEvenHeadsTheLocalPartAndOddHeadsTheColumns() {
        StridedPattern local = new StridedPattern(8, WindowRule.OFFICIAL, Component.LOCAL);
        StridedPattern columns = new StridedPattern(8, WindowRule.OFFICIAL, Component.SUMMARY);
        HeadSplitPattern split = new HeadSplitPattern(local, columns);

        for (int i = 0; i < 64; i++) {
            assertThat(split.keys(0, i, 64)).isEqualTo(local.keys(0, i, 64));
            assertThat(split.keys(3, i, 64)).isEqualTo(columns.keys(0, i, 64));
        }
    }

    @Test
    void sparseSetsGrowLikeTheSquareRootWhenTheStrideDoes() {
        // §4.2: |A_i| ∝ √n for l ≈ √n; the largest strided set at n = 256, l = 16 has ≤ 2·16 keys
        StridedPattern strided = new StridedPattern(16, WindowRule.OFFICIAL, Component.MERGED);
        int largest = 0;
        for (int i = 0; i < 256; i++) {
            largest = Math.max(largest, strided.keys(0, i, 256).size());
        }
        assertThat(largest).isEqualTo(16 + 15);
    }

    @Test
    void slidingWindowMatchesLongformerWithDilationAndGlobalTokens() {
        for (int w : new int[] {1, 3, 8}) {
            for (int d : new int[] {1, 2, 3}) {
                for (int g : new int[] {0, 2}) {
                    SlidingWindowPattern pattern = new SlidingWindowPattern(w, d, 2, 4, g);
                    for (int head = 0; head < 4; head++) {
                        int dh = head >= 2 ? d : 1; // the last 2 heads are dilated
                        for (int i = 0; i < N; i++) {
                            TreeSet<Integer> expected = new TreeSet<>();
                            for (int step = 0; step < w && i - step * dh >= 0; step++) {
                                expected.add(i - step * dh);
                            }
                            for (int j = 0; j < Math.min(g, i + 1); j++) {
                                expected.add(j);
                            }
                            assertSet(pattern, head, i, expected, "window w=" + w + " d=" + d + " g=" + g + " head " + head);
                        }
                    }
                }
            }
        }
    }

    @Test
    void bigBirdIsWindowPlusGlobalPlusTheSeededRandomBlocks() {
        int b = 8;
        int nb = N / b + 1;
        int[][] random = BigBirdPattern.randomBlocks(nb, 2, 3, 17);
        BigBirdPattern pattern = new BigBirdPattern(b, 2, random);
        for (int i = 0; i < N; i++) {
            int q = i / b;
            TreeSet<Integer> expected = new TreeSet<>();
            for (int j = 0; j <= i; j++) {
                int k = j / b;
                boolean window = k == q || k == q - 1;
                boolean global = k < 2;
                boolean chosen = java.util.Arrays.stream(random[q]).anyMatch(x -> x == k);
                if (window || global || chosen) {
                    expected.add(j);
                }
            }
            assertSet(pattern, 0, i, expected, "bigbird");
        }
        for (int q = 0; q < nb; q++) {
            final int query = q;
            assertThat(random[q]).as("random blocks of %d", q).hasSize(Math.min(3, Math.max(0, q - 3)))
                    .doesNotHaveDuplicates();
            assertThat(java.util.Arrays.stream(random[q]).allMatch(k -> k >= 2 && k <= query - 2)).isTrue();
        }
        assertThat(BigBirdPattern.randomBlocks(nb, 2, 3, 17)).isDeepEqualTo(random);
        assertThat(java.util.Arrays.deepEquals(BigBirdPattern.randomBlocks(nb, 2, 3, 18), random)).isFalse();
    }

    private static void assertSet(AttentionPattern pattern, int head, int i, TreeSet<Integer> expected, String what) {
        assertThat(pattern.keys(head, i, N)).as("%s: S_%d", what, i).containsExactlyElementsOf(expected);
    }
}
