package org.reprise.stats;

import java.util.OptionalInt;

/**
 * A paper's number checked against our seeds: ours − paper must lie within a tolerance δ
 * (in the metric's unit).
 *
 * <p>The verdict is read from the (1 − 2α) interval of ours − paper, which is how two one-sided
 * tests at level α are carried out: for {@link ClaimKind#EQUIVALENT} the interval strictly
 * inside (−δ, +δ) is REPRODUCED, strictly outside it (entirely above +δ or below −δ) is
 * NOT_REPRODUCED, anything straddling a bound is INCONCLUSIVE. {@link ClaimKind#NOT_WORSE}
 * uses only the bound on the worse side (+δ when lower is better, −δ when higher is better).
 *
 * <p>When the paper gives its sd and n ≥ 2, the paper's mean is itself uncertain and the
 * interval is Welch's (our variance/n plus theirs, Welch–Satterthwaite df); otherwise the
 * paper's value is a constant and the interval is our one-sample t interval minus it.
 *
 * @param paper     the paper's value
 * @param tolerance δ > 0, in the metric's unit
 * @param direction which way is better for this metric
 * @param kind      equivalence or non-inferiority
 * @param alpha     error rate of each one-sided test, e.g. 0.05 (giving a 90% interval)
 */
public record PaperClaim(PaperValue paper, double tolerance, Direction direction, ClaimKind kind, double alpha) {

    public PaperClaim {
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        Samples.requireAlpha(alpha);
    }

    /**
     * Verdict from our per-seed values.
     *
     * @param ours finite values, one per seed; fewer than 2 gives INCONCLUSIVE
     */
    public ClaimVerdict evaluate(double[] ours) {
        Samples.requireFinite(ours, "ours");
        int n = ours.length;
        if (n < 2) {
            return ClaimVerdict.cannotTest(n + " seed(s): the spread across seeds cannot be estimated,"
                    + " so no interval exists; run at least 2 seeds (a single run never reproduces a claim)");
        }
        double level = 1 - 2 * alpha;
        double difference = Samples.mean(ours) - paper.value();
        double variance = Samples.variance(ours);
        Interval ci = Interval.around(difference, halfWidth(variance, n), level);
        String what = Fmt.percent(level) + " interval of ours − paper " + ci.bounds()
                + ", δ = " + Fmt.num(tolerance) + "; " + paperTreatment()
                + (variance == 0 ? "; zero spread across seeds (check the seeds differ)" : "");
        if (isInside(ci)) {
            return ClaimVerdict.decided(Verdict.REPRODUCED, what + ": " + insideText(), ci, difference);
        }
        if (isOutside(ci)) {
            return ClaimVerdict.decided(Verdict.NOT_REPRODUCED, what + ": " + outsideText(), ci, difference);
        }
        return undecided(what, ci, difference, variance, n);
    }

    private ClaimVerdict undecided(String what, Interval ci, double difference, double variance, int n) {
        double margin = margin(difference);
        if (margin == 0) {
            return ClaimVerdict.undecided(what + ": cannot be decided, the observed difference equals the tolerance"
                    + " bound, so no number of seeds moves the interval off it", OptionalInt.empty(), ci, difference);
        }
        String outcome = wouldBeInside(difference) ? "REPRODUCED" : "NOT_REPRODUCED";
        if (paper.hasUsableSpread()) {
            int paperN = paper.n().getAsInt();
            double paperSe = paper.sd().getAsDouble() / Math.sqrt(paperN);
            double floor = StudentT.quantile(1 - alpha, paperN - 1) * paperSe;
            if (floor >= margin) {
                return ClaimVerdict.undecided(what + ": cannot be decided by more seeds of ours, the paper's own"
                        + " standard error keeps the interval at least ±" + Fmt.num(floor) + " wide, more than the "
                        + Fmt.num(margin) + " between the observed difference and the bound",
                        OptionalInt.empty(), ci, difference);
            }
        }
        OptionalInt needed = SeedCount.smallest(m -> halfWidth(variance, m) < margin, n + 1);
        String estimate = needed.isPresent()
                ? "about " + needed.getAsInt() + " seeds would make it " + outcome
                : SeedCount.notFound() + " to make it " + outcome;
        return ClaimVerdict.undecided(what + ": straddles a bound; at the observed difference and sd, " + estimate,
                needed, ci, difference);
    }

    /** Half-width of the (1 − 2α) interval with m seeds of ours at variance {@code variance}. */
    double halfWidth(double variance, int m) {
        double ours = variance / m;
        double theirs = 0;
        double df = m - 1;
        if (paper.hasUsableSpread()) {
            int paperN = paper.n().getAsInt();
            double sd = paper.sd().getAsDouble();
            theirs = sd * sd / paperN;
            if (ours + theirs > 0) {
                df = WelchTest.degreesOfFreedom(variance, m, sd * sd, paperN);
            }
        }
        double se = Math.sqrt(ours + theirs);
        return se == 0 ? 0 : StudentT.quantile(1 - alpha, df) * se;
    }

    private boolean isInside(Interval ci) {
        return switch (kind) {
            case EQUIVALENT -> ci.liesStrictlyWithin(-tolerance, tolerance);
            case NOT_WORSE -> direction == Direction.LOWER_IS_BETTER ? ci.upper() < tolerance : ci.lower() > -tolerance;
        };
    }

    private boolean isOutside(Interval ci) {
        return switch (kind) {
            case EQUIVALENT -> ci.lower() > tolerance || ci.upper() < -tolerance;
            case NOT_WORSE -> direction == Direction.LOWER_IS_BETTER ? ci.lower() > tolerance : ci.upper() < -tolerance;
        };
    }

    private boolean wouldBeInside(double difference) {
        return switch (kind) {
            case EQUIVALENT -> Math.abs(difference) < tolerance;
            case NOT_WORSE -> direction == Direction.LOWER_IS_BETTER ? difference < tolerance : difference > -tolerance;
        };
    }

    /** Distance from the observed difference to the bound the interval must clear. */
    private double margin(double difference) {
        return switch (kind) {
            case EQUIVALENT -> Math.min(Math.abs(difference - tolerance), Math.abs(difference + tolerance));
            case NOT_WORSE -> Math.abs(difference - (direction == Direction.LOWER_IS_BETTER ? tolerance : -tolerance));
        };
    }

    private String insideText() {
        return kind == ClaimKind.EQUIVALENT
                ? "lies within ±δ, equivalent by two one-sided tests at α = " + Fmt.num(alpha)
                : "clears the " + worseBound() + " bound, not worse by more than δ at α = " + Fmt.num(alpha);
    }

    private String outsideText() {
        return kind == ClaimKind.EQUIVALENT
                ? "lies entirely outside ±δ"
                : "lies entirely beyond the " + worseBound() + " bound: worse than the paper by more than δ";
    }

    private String worseBound() {
        return direction == Direction.LOWER_IS_BETTER ? "+δ" : "−δ";
    }

    private String paperTreatment() {
        if (paper.hasUsableSpread()) {
            return "paper " + paper + " enters with its standard error (Welch)";
        }
        if (paper.sd().isPresent()) {
            return "paper sd given without n >= 2, so its value " + Fmt.num(paper.value()) + " is treated as exact";
        }
        return "paper value " + Fmt.num(paper.value()) + " treated as exact";
    }
}
