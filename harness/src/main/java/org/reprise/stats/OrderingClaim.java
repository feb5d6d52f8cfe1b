package org.reprise.stats;

import java.util.OptionalInt;

/**
 * A qualitative claim that one variant beats another on a metric, e.g. "fixed beats strided on
 * text", checked from the runs themselves.
 *
 * <p>REPRODUCED needs both Welch's one-sided test and the one-sided Mann–Whitney test below α
 * in the claimed direction: Welch uses the magnitudes, Mann–Whitney does not trust normality,
 * and requiring both means a verdict is never issued below the exact floor of a rank test
 * (with 3 vs 3 seeds no ordering can be shown at α = 0.05, however large the gap).
 * NOT_REPRODUCED is the same evidence for the opposite ordering.
 *
 * @param better    label of the variant claimed to be better, for the reason text
 * @param worse     label of the other variant
 * @param direction which way is better for the metric
 * @param alpha     one-sided error rate, e.g. 0.05
 */
public record OrderingClaim(String better, String worse, Direction direction, double alpha) {

    public OrderingClaim {
        Samples.requireAlpha(alpha);
    }

    /**
     * @param claimedBetter per-seed values of {@link #better()}
     * @param claimedWorse  per-seed values of {@link #worse()}
     */
    public ClaimVerdict evaluate(double[] claimedBetter, double[] claimedWorse) {
        java.util.Optional<ClaimVerdict> untestable = Samples.untestablePair(claimedBetter, better, claimedWorse, worse);
        if (untestable.isPresent()) {
            return untestable.get();
        }
        int nA = claimedBetter.length;
        int nB = claimedWorse.length;
        double varA = Samples.variance(claimedBetter);
        double varB = Samples.variance(claimedWorse);
        WelchResult welch = WelchTest.test(claimedBetter, claimedWorse, 1 - 2 * alpha);
        MannWhitneyResult mw = MannWhitneyTest.test(claimedBetter, claimedWorse);
        boolean lower = direction == Direction.LOWER_IS_BETTER;
        double welchFor = lower ? welch.pALess() : welch.pAGreater();
        double welchAgainst = lower ? welch.pAGreater() : welch.pALess();
        double mwFor = lower ? mw.pALess() : mw.pAGreater();
        double mwAgainst = lower ? mw.pAGreater() : mw.pALess();
        double floor = MannWhitneyTest.exactFloorOneSided(nA, nB);
        String evidence = better + " − " + worse + " = " + Fmt.num(welch.difference()) + ", "
                + welch.differenceInterval() + "; one-sided p for the claim: Welch " + Fmt.num(welchFor)
                + ", Mann–Whitney " + Fmt.num(mwFor) + " (" + mw.method() + ")";
        Interval ci = welch.differenceInterval();
        if (floor < alpha && welchFor < alpha && mwFor < alpha) {
            return ClaimVerdict.decided(Verdict.REPRODUCED, evidence + ": " + better + " beats " + worse, ci,
                    welch.difference());
        }
        if (floor < alpha && welchAgainst < alpha && mwAgainst < alpha) {
            return ClaimVerdict.decided(Verdict.NOT_REPRODUCED, evidence + ": the opposite holds, " + worse
                    + " beats " + better + " (one-sided p " + Fmt.num(welchAgainst) + ", " + Fmt.num(mwAgainst) + ")",
                    ci, welch.difference());
        }
        return undecided(evidence, ci, welch.difference(), varA, varB, nA, nB, floor);
    }

    private ClaimVerdict undecided(String evidence, Interval ci, double difference,
            double varA, double varB, int nA, int nB, double floor) {
        String floorNote = floor >= alpha
                ? "; with " + nA + " vs " + nB + " seeds no rank test can go below one-sided p = " + Fmt.num(floor)
                        + ", so no ordering can be shown at α = " + Fmt.num(alpha)
                : "";
        if (difference == 0) {
            return ClaimVerdict.undecided(evidence + floorNote + ": cannot be decided, the means are equal",
                    OptionalInt.empty(), ci, difference);
        }
        int rankMinimum = MannWhitneyTest.seedsNeededForSignificance(alpha, false);
        double gap = Math.abs(difference);
        OptionalInt needed = SeedCount.smallest(m -> m >= rankMinimum
                && gap / Math.sqrt((varA + varB) / m)
                        > StudentT.quantile(1 - alpha, WelchTest.degreesOfFreedom(varA, m, varB, m)),
                Math.max(nA, nB) + 1);
        String outcome = direction.isBetter(difference, 0) ? "REPRODUCED" : "NOT_REPRODUCED";
        String estimate = needed.isPresent()
                ? "about " + needed.getAsInt() + " seeds per variant would make it " + outcome
                : SeedCount.notFound() + " to make it " + outcome;
        return ClaimVerdict.undecided(evidence + floorNote + "; at the observed difference and spread, " + estimate,
                needed, ci, difference);
    }
}
