package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTestTest {

    /** Exact p-values are ratios of exact integers; only the final division rounds. */
    private static final double EXACT_TOLERANCE = 1e-12;
    /** The normal approximation goes through erfc on both sides. */
    private static final double APPROXIMATION_TOLERANCE = 1e-9;

    private static final double[] X = {1.2, 3.4, 2.2, 5.1, 4.0};
    private static final double[] Y = {0.5, 1.9, 2.8, 0.7};

    @Test
    void exactPValuesMatchScipyInEveryDirection() {
        // python3: for alt in ['two-sided','greater','less']:
        //   stats.mannwhitneyu([1.2,3.4,2.2,5.1,4.0], [0.5,1.9,2.8,0.7], method='exact', alternative=alt)
        //   -> U=17.0; p = 0.1111111111111111, 0.05555555555555555, 0.9682539682539684
        MannWhitneyResult result = MannWhitneyTest.test(X, Y);

        assertThat(result.method()).isEqualTo(MannWhitneyResult.Method.EXACT);
        assertThat(result.uA()).isEqualTo(17.0);
        assertThat(result.pTwoSided()).isCloseTo(0.1111111111111111, within(EXACT_TOLERANCE));
        assertThat(result.pAGreater()).isCloseTo(0.05555555555555555, within(EXACT_TOLERANCE));
        assertThat(result.pALess()).isCloseTo(0.9682539682539684, within(EXACT_TOLERANCE));
    }

    @Test
    void swappingTheSamplesSwapsTheDirection() {
        MannWhitneyResult swapped = MannWhitneyTest.test(Y, X);

        assertThat(swapped.uA()).isEqualTo(3.0);
        assertThat(swapped.pALess()).isCloseTo(0.05555555555555555, within(EXACT_TOLERANCE));
        assertThat(swapped.a12()).isCloseTo(0.15, within(EXACT_TOLERANCE));
    }

    @Test
    void tiedSamplesUseTheTieCorrectedNormalApproximationLikeScipy() {
        // python3: x=[3,1,4,1,5,9,2,6,5,3,5,8]; y=[2,7,1,8,2,8,1,8,2,8,4,5,9]
        //   stats.mannwhitneyu(x, y, method='asymptotic', alternative=alt) for alt in two-sided, greater, less
        //   -> U=70.0; p = 0.6802157031462313, 0.6797946472082197, 0.3401078515731156
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
        double[] y = {2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9};

        MannWhitneyResult result = MannWhitneyTest.test(x, y);

        assertThat(result.method()).isEqualTo(MannWhitneyResult.Method.NORMAL_APPROXIMATION);
        assertThat(result.uA()).isEqualTo(70.0);
        assertThat(result.pTwoSided()).isCloseTo(0.6802157031462313, within(APPROXIMATION_TOLERANCE));
        assertThat(result.pAGreater()).isCloseTo(0.6797946472082197, within(APPROXIMATION_TOLERANCE));
        assertThat(result.pALess()).isCloseTo(0.3401078515731156, within(APPROXIMATION_TOLERANCE));
    }

    @Test
    void threeVersusThreeSeedsCanNeverReachFivePercent() {
        // python3: stats.mannwhitneyu([1,2,3],[4,5,6], method='exact').pvalue -> 0.1
        MannWhitneyResult completeSeparation = MannWhitneyTest.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThat(completeSeparation.pTwoSided()).isCloseTo(0.1, within(EXACT_TOLERANCE));
        assertThat(MannWhitneyTest.exactFloorTwoSided(3, 3)).isCloseTo(0.1, within(EXACT_TOLERANCE));
        assertThat(MannWhitneyTest.exactFloorOneSided(3, 3)).isCloseTo(0.05, within(EXACT_TOLERANCE));
    }

    @Test
    void fourSeedsPerGroupAreNeededForFivePercent() {
        // python3: stats.mannwhitneyu([1,2,3,4],[5,6,7,8], method='exact').pvalue -> 0.02857142857142857 (2/70)
        assertThat(MannWhitneyTest.exactFloorTwoSided(4, 4)).isCloseTo(0.02857142857142857, within(EXACT_TOLERANCE));
        assertThat(MannWhitneyTest.seedsNeededForSignificance(0.05)).isEqualTo(4);
        assertThat(MannWhitneyTest.seedsNeededForSignificance(0.05, false)).isEqualTo(4);
        // 2/C(8,4) = 0.0286 is not below 0.01, 2/C(10,5) = 0.0079 is
        assertThat(MannWhitneyTest.seedsNeededForSignificance(0.01)).isEqualTo(5);
    }

    @Test
    void exactNullDistributionSumsToTheNumberOfArrangements() {
        long[] counts = MannWhitneyTest.exactCounts(7, 9);

        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(11440L); // C(16, 7)
        assertThat(counts[0]).isEqualTo(1L);
        assertThat(counts[63]).isEqualTo(1L);
        assertThat(counts[10]).isEqualTo(counts[53]); // symmetric about 7·9/2
    }
}
