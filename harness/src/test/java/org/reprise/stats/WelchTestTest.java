package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    /** Closed forms on both sides; t probabilities to ~1e-14, quantiles solved to 1e-12. */
    private static final double REFERENCE_TOLERANCE = 1e-9;

    private static final double[] A = {2.801, 2.795, 2.806, 2.799, 2.803};
    private static final double[] B = {2.812, 2.809, 2.818, 2.806};

    // python3:
    //   a=np.array([2.801,2.795,2.806,2.799,2.803]); b=np.array([2.812,2.809,2.818,2.806])
    //   r=stats.ttest_ind(a, b, equal_var=False)                      # t, p
    //   va,vb=a.var(ddof=1)/5,b.var(ddof=1)/4; df=(va+vb)**2/(va**2/4+vb**2/3)
    //   d=a.mean()-b.mean(); h=stats.t.ppf(0.975, df)*np.sqrt(va+vb)  # CI d-h, d+h
    //   stats.ttest_ind(a, b, equal_var=False, alternative='less').pvalue
    private static final double SCIPY_T = -3.304167159791583;
    private static final double SCIPY_P = 0.01725096168886364;
    private static final double SCIPY_DF = 5.778604868423817;
    private static final double SCIPY_CI_LOWER = -0.018261224468349525;
    private static final double SCIPY_CI_UPPER = -0.002638775531650616;
    private static final double SCIPY_P_LESS = 0.00862548084443182;

    private final WelchResult result = WelchTest.test(A, B, 0.95);

    @Test
    void welchTStatisticMatchesScipy() {
        assertThat(result.t()).isCloseTo(SCIPY_T, within(REFERENCE_TOLERANCE));
    }

    @Test
    void welchDegreesOfFreedomMatchScipy() {
        assertThat(result.degreesOfFreedom()).isCloseTo(SCIPY_DF, within(REFERENCE_TOLERANCE));
    }

    @Test
    void welchTwoSidedPValueMatchesScipy() {
        assertThat(result.pTwoSided()).isCloseTo(SCIPY_P, within(REFERENCE_TOLERANCE));
    }

    @Test
    void welchOneSidedPValuesKeepTheDirection() {
        assertThat(result.pALess()).isCloseTo(SCIPY_P_LESS, within(REFERENCE_TOLERANCE));
        assertThat(result.pAGreater()).isCloseTo(1 - SCIPY_P_LESS, within(REFERENCE_TOLERANCE));
    }

    @Test
    void welchIntervalOfTheDifferenceMatchesScipy() {
        assertThat(result.differenceInterval().lower()).isCloseTo(SCIPY_CI_LOWER, within(REFERENCE_TOLERANCE));
        assertThat(result.differenceInterval().upper()).isCloseTo(SCIPY_CI_UPPER, within(REFERENCE_TOLERANCE));
        assertThat(result.differenceInterval().level()).isEqualTo(0.95);
    }

    @Test
    void swappingTheSamplesNegatesTheDifference() {
        WelchResult swapped = WelchTest.test(B, A, 0.95);

        assertThat(swapped.t()).isCloseTo(-SCIPY_T, within(REFERENCE_TOLERANCE));
        assertThat(swapped.pAGreater()).isCloseTo(SCIPY_P_LESS, within(REFERENCE_TOLERANCE));
    }

    @Test
    void constantComparatorGivesTheOneSampleDegreesOfFreedom() {
        assertThat(WelchTest.degreesOfFreedom(0.5, 5, 0.0, 3)).isEqualTo(4.0);
    }

    @Test
    void refusesTwoConstantSamples() {
        assertThatThrownBy(() -> WelchTest.test(new double[] {1, 1}, new double[] {2, 2}, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("both samples have zero variance: Welch's t is undefined (are the seeds really different?)");
    }

    @Test
    void refusesASingleSeed() {
        assertThatThrownBy(() -> WelchTest.test(new double[] {1}, B, 0.95))
                .hasMessage("a has 1 values; at least 2 are needed");
    }
}
