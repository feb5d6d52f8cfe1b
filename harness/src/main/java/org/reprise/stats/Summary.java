package org.reprise.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Descriptive summary of one variant × metric across seeds, in the metric's unit.
 *
 * <p>What cannot be estimated is empty, never invented: with n = 0 everything is n/a; with
 * n = 1 the mean, min, max and median are the single value and sd, standard error and both
 * intervals are n/a; the bootstrap needs {@value #MIN_N_FOR_BOOTSTRAP} values.
 *
 * @param n             number of values (seeds)
 * @param confidence    confidence level of both intervals, e.g. 0.95
 * @param tInterval     Student t interval of the mean
 * @param bootstrap     seeded percentile bootstrap interval of the mean
 */
public record Summary(
        int n,
        OptionalDouble mean,
        OptionalDouble sd,
        OptionalDouble standardError,
        OptionalDouble min,
        OptionalDouble max,
        OptionalDouble median,
        double confidence,
        Optional<Interval> tInterval,
        Optional<BootstrapInterval> bootstrap) {

    /** An sd needs two values. */
    public static final int MIN_N_FOR_SPREAD = 2;
    /**
     * With two values the resampled mean takes only three values, so its percentiles are not
     * an interval worth printing.
     */
    public static final int MIN_N_FOR_BOOTSTRAP = 3;

    /**
     * Summarises one sample.
     *
     * @param sample             finite values, one per seed (may be empty)
     * @param confidence         level of the t and bootstrap intervals, in (0, 1)
     * @param bootstrapResamples resamples for the bootstrap interval, at least 1
     * @param bootstrapSeed      seed for the bootstrap, recorded in the result
     */
    public static Summary of(double[] sample, double confidence, int bootstrapResamples, long bootstrapSeed) {
        Samples.requireFinite(sample, "sample");
        Samples.requireLevel(confidence, "confidence level");
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrapResamples);
        }
        int n = sample.length;
        if (n == 0) {
            OptionalDouble na = OptionalDouble.empty();
            return new Summary(0, na, na, na, na, na, na, confidence, Optional.empty(), Optional.empty());
        }
        double[] sorted = Samples.sorted(sample);
        double mean = Samples.mean(sample);
        OptionalDouble sd = OptionalDouble.empty();
        OptionalDouble se = OptionalDouble.empty();
        Optional<Interval> t = Optional.empty();
        if (n >= MIN_N_FOR_SPREAD) {
            double s = Math.sqrt(Samples.variance(sample));
            double standardError = s / Math.sqrt(n);
            sd = OptionalDouble.of(s);
            se = OptionalDouble.of(standardError);
            t = Optional.of(Interval.around(
                    mean, StudentT.twoSidedCritical(confidence, n - 1) * standardError, confidence));
        }
        Optional<BootstrapInterval> boot = n >= MIN_N_FOR_BOOTSTRAP
                ? Optional.of(Bootstrap.percentileIntervalOfMean(sample, confidence, bootstrapResamples, bootstrapSeed))
                : Optional.empty();
        return new Summary(n, OptionalDouble.of(mean), sd, se,
                OptionalDouble.of(sorted[0]), OptionalDouble.of(sorted[n - 1]),
                OptionalDouble.of(Samples.quantileOfSorted(sorted, 0.5)),
                confidence, t, boot);
    }

    @Override
    public String toString() {
        return "Summary[n=" + n + ", mean=" + Fmt.num(mean) + ", sd=" + Fmt.num(sd)
                + ", se=" + Fmt.num(standardError) + ", min=" + Fmt.num(min) + ", median=" + Fmt.num(median)
                + ", max=" + Fmt.num(max) + ", t " + Fmt.opt(tInterval) + ", " + Fmt.opt(bootstrap) + "]";
    }
}
