package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Non-inferiority against another variant. Reference by hand: ours {4.50, 4.52, 4.48} against
 * theirs {4.47, 4.49, 4.45}: difference 0.03, each sd 0.02, SE = √(2·0.0004/3) = 0.016330,
 * Welch df = 4, t(0.95, 4) = 2.131847, so the one-sided 95% bounds are 0.03 ∓ 0.034813.
 */
class MarginClaimTest {
    private static final double[] OURS = {4.50, 4.52, 4.48};
    private static final double[] THEIRS = {4.47, 4.49, 4.45};
    private static final double HALF_WIDTH = 2.131847 * Math.sqrt(2 * 0.0004 / 3);

    private static ClaimVerdict lowerIsBetter(double margin, double[] ours, double[] theirs) {
        return new MarginClaim("shared", "separate", margin, Direction.LOWER_IS_BETTER, 0.05).evaluate(ours, theirs);
    }

    @Test
    void boundsAreWelchsOneSidedIntervalOnHowMuchWorse() {
        ClaimVerdict v = lowerIsBetter(0.1, OURS, THEIRS);
        assertThat(v.observed().getAsDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(v.interval().orElseThrow().lower()).isCloseTo(0.03 - HALF_WIDTH, within(1e-6));
        assertThat(v.interval().orElseThrow().upper()).isCloseTo(0.03 + HALF_WIDTH, within(1e-6));
    }

    @Test
    void reproducedWhenTheUpperBoundIsBelowTheMargin() {
        assertThat(lowerIsBetter(0.03 + HALF_WIDTH + 1e-4, OURS, THEIRS).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(lowerIsBetter(0.03 + HALF_WIDTH - 1e-4, OURS, THEIRS).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void notReproducedWhenWorseByMoreThanTheMarginWithConfidence() {
        double[] worse = {4.60, 4.62, 4.58};                                  // 0.13 worse, same spread
        assertThat(lowerIsBetter(0.13 - HALF_WIDTH - 1e-4, worse, THEIRS).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(lowerIsBetter(0.13 - HALF_WIDTH + 1e-4, worse, THEIRS).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void inconclusiveVerdictsEstimateTheSeedsThatWouldDecide() {
        ClaimVerdict v = lowerIsBetter(0.05, OURS, THEIRS);
        assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(v.seedsNeeded()).isPresent();
        assertThat(v.seedsNeeded().getAsInt()).isGreaterThan(3);
        assertThat(v.reason()).contains("would make it REPRODUCED");
    }

    @Test
    void higherIsBetterTurnsTheDifferenceAround() {
        // accuracy: ours lower by 0.03 is 0.03 worse
        double[] ours = {0.47, 0.49, 0.45};
        double[] theirs = {0.50, 0.52, 0.48};
        ClaimVerdict v = new MarginClaim("a", "b", 0.1, Direction.HIGHER_IS_BETTER, 0.05).evaluate(ours, theirs);
        assertThat(v.observed().getAsDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(v.verdict()).isEqualTo(Verdict.REPRODUCED);
        ClaimVerdict better = new MarginClaim("b", "a", 0.0, Direction.HIGHER_IS_BETTER, 0.05).evaluate(theirs, ours);
        assertThat(better.observed().getAsDouble()).isCloseTo(-0.03, within(1e-12));
    }

    @Test
    void fewerThanTwoSeedsCannotBeTested() {
        assertThat(lowerIsBetter(0.1, new double[] {4.5}, THEIRS).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
