package org.reprise.stats;

import java.util.Arrays;
import java.util.OptionalInt;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A qualitative claim that a metric rises (or falls) with a numeric factor across at least 3
 * levels, e.g. "LSH accuracy rises with the number of hashing rounds".
 *
 * <p>Tested with the least-squares slope of the metric on the factor, over every seed's value
 * (not the level means, so the spread between seeds counts): REPRODUCED when the (1 − 2α)
 * slope interval lies entirely on the claimed side of zero, NOT_REPRODUCED when entirely on the
 * other side. A slope was chosen over Spearman's ρ or Jonckheere–Terpstra because it reuses
 * the t machinery and yields an interval and a seed-count estimate; the price is that it tests a
 * trend, not that every step up is an increase, and it is most powerful for a straight line, so
 * pass log2(rounds) rather than rounds when the factor doubles from level to level.
 *
 * @param metric label of the metric, for the reason text
 * @param factor label of the factor
 * @param trend  the claimed direction of change
 * @param alpha  one-sided error rate, e.g. 0.05
 */
public record MonotoneTrendClaim(String metric, String factor, Trend trend, double alpha) {

    /** Claimed direction of the metric as the factor grows. */
    public enum Trend { RISES, FALLS }

    /** Fewer levels cannot tell a trend from two arbitrary points. */
    public static final int MIN_LEVELS = 3;

    public MonotoneTrendClaim {
        Samples.requireAlpha(alpha);
    }

    /**
     * @param factorValues factor level of each observation (e.g. rounds, or log2 rounds)
     * @param metricValues metric value of each observation (one per seed per level)
     */
    public ClaimVerdict evaluate(double[] factorValues, double[] metricValues) {
        Samples.requireFinite(factorValues, factor);
        Samples.requireFinite(metricValues, metric);
        if (factorValues.length != metricValues.length) {
            throw new IllegalArgumentException(factor + " and " + metric + " must have equal sizes, got "
                    + factorValues.length + " and " + metricValues.length);
        }
        long levels = Arrays.stream(factorValues).distinct().count();
        if (levels < MIN_LEVELS) {
            return ClaimVerdict.cannotTest(levels + " distinct " + factor + " level(s): a trend needs at least "
                    + MIN_LEVELS);
        }
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < factorValues.length; i++) {
            regression.addData(factorValues[i], metricValues[i]);
        }
        int n = factorValues.length;
        double slope = regression.getSlope();
        double se = regression.getSlopeStdErr();
        double level = 1 - 2 * alpha;
        Interval ci = Interval.around(slope, se == 0 ? 0 : StudentT.twoSidedCritical(level, n - 2) * se, level);
        double sign = trend == Trend.RISES ? 1 : -1;
        String evidence = "slope of " + metric + " on " + factor + " = " + Fmt.num(slope) + ", " + ci + " over "
                + n + " runs at " + levels + " levels";
        if (sign * ci.lower() > 0 && sign * ci.upper() > 0) {
            return ClaimVerdict.decided(Verdict.REPRODUCED, evidence + ": " + metric + " "
                    + trend.name().toLowerCase(java.util.Locale.ROOT) + " with " + factor, ci, slope);
        }
        if (sign * ci.lower() < 0 && sign * ci.upper() < 0) {
            return ClaimVerdict.decided(Verdict.NOT_REPRODUCED, evidence + ": the trend goes the other way", ci, slope);
        }
        if (slope == 0) {
            return ClaimVerdict.undecided(evidence + ": cannot be decided, the fitted slope is zero",
                    OptionalInt.empty(), ci, slope);
        }
        // more seeds per level shrink the slope's standard error like 1/√(seeds), design fixed
        double perLevel = (double) n / levels;
        OptionalInt needed = SeedCount.smallest(m -> StudentT.quantile(1 - alpha, m * levels - 2)
                * se * Math.sqrt(perLevel / m) < Math.abs(slope), (int) Math.ceil(perLevel) + 1);
        String outcome = sign * slope > 0 ? "REPRODUCED" : "NOT_REPRODUCED";
        String estimate = needed.isPresent()
                ? "about " + needed.getAsInt() + " seeds per level would make it " + outcome
                : SeedCount.notFound() + " per level to make it " + outcome;
        return ClaimVerdict.undecided(evidence + ": the interval contains zero; at the observed slope and scatter, "
                + estimate, needed, ci, slope);
    }
}
