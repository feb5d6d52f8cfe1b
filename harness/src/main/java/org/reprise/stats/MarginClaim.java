package org.reprise.stats;

import java.util.OptionalInt;

/**
 * A claim that one variant is not worse than another by more than a margin δ, e.g. Reformer's
 * "shared-QK attention does not perform worse" than separate Q and K (Kitaev et al. 2020, Fig. 3),
 * checked from the runs themselves as a one-sided non-inferiority test on the difference of means.
 *
 * <p>With w = how much worse the claimed variant is (ours − other when lower is better, other − ours
 * when higher is better) and Welch's one-sided (1 − α) bounds on w: REPRODUCED when the upper bound
 * is below δ, NOT_REPRODUCED when the lower bound is above δ (worse by more than the margin, with
 * the same confidence), INCONCLUSIVE otherwise, with the seeds that would decide it at the observed
 * spread.
 *
 * @param claimed   label of the variant claimed to be not worse
 * @param other     label of the variant it is compared with
 * @param margin    δ ≥ 0 in the metric's unit
 * @param direction which way is better for the metric
 * @param alpha     one-sided error rate, e.g. 0.05
 */
public record MarginClaim(String claimed, String other, double margin, Direction direction, double alpha) {

    public MarginClaim {
        Samples.requireAlpha(alpha);
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number ≥ 0, got " + margin);
        }
    }

    /**
     * @param ours   per-seed values of {@link #claimed()}
     * @param theirs per-seed values of {@link #other()}
     */
    public ClaimVerdict evaluate(double[] ours, double[] theirs) {
        java.util.Optional<ClaimVerdict> untestable = Samples.untestablePair(ours, claimed, theirs, other);
        if (untestable.isPresent()) {
            return untestable.get();
        }
        int nA = ours.length;
        int nB = theirs.length;
        double varA = Samples.variance(ours);
        double varB = Samples.variance(theirs);
        WelchResult welch = WelchTest.test(ours, theirs, 1 - 2 * alpha);
        boolean lower = direction == Direction.LOWER_IS_BETTER;
        // how much worse the claimed variant is, and its one-sided (1 − α) bounds
        double worse = lower ? welch.difference() : -welch.difference();
        Interval d = welch.differenceInterval();
        Interval worseInterval = lower ? d : new Interval(-d.upper(), -d.lower(), d.level());
        String evidence = claimed + " is worse than " + other + " by " + Fmt.num(worse) + ", " + worseInterval
                + " (positive = worse); margin δ = " + Fmt.num(margin);
        if (worseInterval.upper() < margin) {
            return ClaimVerdict.decided(Verdict.REPRODUCED, evidence + ": not worse by more than δ", worseInterval, worse);
        }
        if (worseInterval.lower() > margin) {
            return ClaimVerdict.decided(Verdict.NOT_REPRODUCED, evidence + ": worse by more than δ", worseInterval, worse);
        }
        double gap = Math.abs(margin - worse);
        String outcome = worse < margin ? "REPRODUCED" : "NOT_REPRODUCED";
        OptionalInt needed = gap == 0 ? OptionalInt.empty() : SeedCount.smallest(m -> gap / Math.sqrt((varA + varB) / m)
                > StudentT.quantile(1 - alpha, WelchTest.degreesOfFreedom(varA, m, varB, m)), Math.max(nA, nB) + 1);
        String estimate = needed.isPresent()
                ? "about " + needed.getAsInt() + " seeds per variant would make it " + outcome
                : SeedCount.notFound() + " to decide it";
        return ClaimVerdict.undecided(evidence + ": the interval contains δ; at the observed difference and spread, "
                + estimate, needed, worseInterval, worse);
    }
}
