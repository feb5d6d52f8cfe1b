package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PaperClaimTest {

    private static final double ALPHA = 0.05;
    private static final double REFERENCE_TOLERANCE = 1e-9;

    /** Three seeds, mean 2.802, sd 0.002: 0.004 above the paper's 2.798. */
    private static final double[] OURS = {2.800, 2.804, 2.802};
    private static final PaperValue PAPER_EXACT = PaperValue.exact(2.798);

    // python3: o=np.array([2.800,2.804,2.802]); d=o.mean()-2.798; h=stats.t.ppf(0.95, 2)*o.std(ddof=1)/np.sqrt(3)
    //   -> d = 0.0039999999999995595, 90% interval [0.0006282910783033907, 0.007371708921695728]
    private static final double EXACT_LOWER = 0.0006282910783033907;
    private static final double EXACT_UPPER = 0.007371708921695728;
    /** How far past a bound the boundary cases sit: 1e-5, far above the 1e-9 agreement. */
    private static final double NUDGE = 1e-5;

    private static ClaimVerdict equivalence(PaperValue paper, double tolerance, double[] ours) {
        return new PaperClaim(paper, tolerance, Direction.LOWER_IS_BETTER, ClaimKind.EQUIVALENT, ALPHA).evaluate(ours);
    }

    @Test
    void ninetyPercentIntervalOfTheDifferenceMatchesScipy() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, 0.01, OURS);

        assertThat(verdict.interval().orElseThrow().lower()).isCloseTo(EXACT_LOWER, within(REFERENCE_TOLERANCE));
        assertThat(verdict.interval().orElseThrow().upper()).isCloseTo(EXACT_UPPER, within(REFERENCE_TOLERANCE));
        assertThat(verdict.interval().orElseThrow().level()).isCloseTo(0.90, within(1e-15));
        assertThat(verdict.observed().getAsDouble()).isCloseTo(0.004, within(REFERENCE_TOLERANCE));
    }

    @Test
    void intervalJustInsideTheToleranceIsReproduced() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, EXACT_UPPER + NUDGE, OURS);

        assertThat(verdict.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict.seedsNeeded()).isEmpty();
        assertThat(verdict.reason()).contains("equivalent by two one-sided tests");
    }

    @Test
    void intervalStraddlingTheUpperBoundIsInconclusive() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, EXACT_UPPER - NUDGE, OURS);

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void intervalJustAboveTheToleranceIsNotReproduced() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, EXACT_LOWER - NUDGE, OURS);

        assertThat(verdict.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict.reason()).contains("lies entirely outside ±δ");
    }

    @Test
    void intervalStraddlingTheLowerEdgeOfTheOutsideIsInconclusive() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, EXACT_LOWER + NUDGE, OURS);

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void seedCountToReproduceMatchesTheScipyLoop() {
        // python3: s=o.std(ddof=1); margin=min(abs(d-delta), abs(d+delta))
        //   next(m for m in range(4, 1001) if stats.t.ppf(0.95, m-1)*s/np.sqrt(m) < margin)
        //   -> 13 for delta=0.005 (inside: REPRODUCED), 5 for delta=0.002 (outside: NOT_REPRODUCED)
        ClaimVerdict towardsInside = equivalence(PAPER_EXACT, 0.005, OURS);
        ClaimVerdict towardsOutside = equivalence(PAPER_EXACT, 0.002, OURS);

        assertThat(towardsInside.seedsNeeded()).hasValue(13);
        assertThat(towardsInside.reason()).contains("about 13 seeds would make it REPRODUCED");
        assertThat(towardsOutside.seedsNeeded()).hasValue(5);
        assertThat(towardsOutside.reason()).contains("about 5 seeds would make it NOT_REPRODUCED");
    }

    @Test
    void observedDifferenceOnTheBoundCannotBeDecidedBySeeds() {
        ClaimVerdict verdict = equivalence(PaperValue.exact(1.0), 1.0, new double[] {1.0, 2.0, 3.0});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).isEmpty();
        assertThat(verdict.reason()).contains("cannot be decided, the observed difference equals the tolerance bound");
    }

    @Test
    void paperSpreadWidensTheIntervalWelchStyle() {
        // Child et al.: 2.798 ± 0.004 over 3 seeds. python3: o2=np.array([2.801,2.795,2.806])
        //   va,vb=o2.var(ddof=1)/3,0.004**2/3; df=(va+vb)**2/(va**2/2+vb**2/2); d=o2.mean()-2.798
        //   h=stats.t.ppf(0.95, df)*np.sqrt(va+vb) -> df 3.650637694851182,
        //   interval [-0.0059471271131767214, 0.011280460446510356]
        PaperValue child = PaperValue.withSpread(2.798, 0.004, 3);

        ClaimVerdict verdict = equivalence(child, 0.02, new double[] {2.801, 2.795, 2.806});

        assertThat(verdict.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict.interval().orElseThrow().lower()).isCloseTo(-0.0059471271131767214, within(REFERENCE_TOLERANCE));
        assertThat(verdict.interval().orElseThrow().upper()).isCloseTo(0.011280460446510356, within(REFERENCE_TOLERANCE));
        assertThat(verdict.reason()).contains("enters with its standard error (Welch)");
    }

    @Test
    void seedCountWithThePapersSpreadMatchesTheScipyLoop() {
        // python3 (continuing): hw=lambda m: stats.t.ppf(0.95, (va_m+vb)**2/(va_m**2/(m-1)+vb**2/2))*np.sqrt(va_m+vb)
        //   with va_m=o2.var(ddof=1)/m; next(m for m in range(4,1001) if hw(m) < min(abs(d-0.0098), abs(d+0.0098))) -> 5
        ClaimVerdict verdict = equivalence(PaperValue.withSpread(2.798, 0.004, 3), 0.0098, new double[] {2.801, 2.795, 2.806});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).hasValue(5);
    }

    @Test
    void paperSpreadWiderThanTheMarginCannotBeDecidedByOurSeeds() {
        // the paper's own term alone: stats.t.ppf(0.95, 2)*0.004/np.sqrt(3) = 0.006743417843392331,
        // larger than the 0.005333 between d = 0.002667 and δ = 0.008
        ClaimVerdict verdict = equivalence(PaperValue.withSpread(2.798, 0.004, 3), 0.008, new double[] {2.801, 2.795, 2.806});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).isEmpty();
        assertThat(verdict.reason()).contains("cannot be decided by more seeds of ours");
    }

    @Test
    void paperSdWithoutItsRunCountIsTreatedAsExact() {
        PaperValue sdOnly = new PaperValue(2.798, java.util.OptionalDouble.of(0.004), java.util.OptionalInt.empty());

        ClaimVerdict verdict = equivalence(sdOnly, 0.01, OURS);

        assertThat(verdict.interval().orElseThrow().upper()).isCloseTo(EXACT_UPPER, within(REFERENCE_TOLERANCE));
        assertThat(verdict.reason()).contains("paper sd given without n >= 2");
    }

    @Test
    void oneSeedIsInconclusiveNeverReproduced() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, 1.0, new double[] {2.798});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.interval()).isEmpty();
        assertThat(verdict.reason()).startsWith("1 seed(s): the spread across seeds cannot be estimated");
    }

    @Test
    void zeroSpreadAcrossSeedsIsFlaggedInTheReason() {
        ClaimVerdict verdict = equivalence(PAPER_EXACT, 0.01, new double[] {2.8, 2.8, 2.8});

        assertThat(verdict.interval().orElseThrow().width()).isZero();
        assertThat(verdict.reason()).contains("zero spread across seeds (check the seeds differ)");
    }

    @Test
    void notWorseForLowerIsBetterUsesOnlyTheUpperBound() {
        PaperClaim claim = new PaperClaim(PAPER_EXACT, EXACT_UPPER + NUDGE, Direction.LOWER_IS_BETTER,
                ClaimKind.NOT_WORSE, ALPHA);
        PaperClaim tight = new PaperClaim(PAPER_EXACT, EXACT_LOWER - NUDGE, Direction.LOWER_IS_BETTER,
                ClaimKind.NOT_WORSE, ALPHA);
        double[] better = {2.790, 2.794, 2.792}; // 0.006 below the paper: far better is never "not reproduced"

        assertThat(claim.evaluate(OURS).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(tight.evaluate(OURS).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(tight.evaluate(better).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(equivalence(PAPER_EXACT, EXACT_LOWER - NUDGE, better).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void notWorseForHigherIsBetterUsesOnlyTheLowerBound() {
        // ours is 0.004 above the paper; for an accuracy that is better, so any δ passes
        PaperClaim claim = new PaperClaim(PAPER_EXACT, 1e-4, Direction.HIGHER_IS_BETTER, ClaimKind.NOT_WORSE, ALPHA);
        double[] worse = {2.790, 2.794, 2.792};

        assertThat(claim.evaluate(OURS).verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(claim.evaluate(worse).verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }
}
