package org.reprise.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.StatUtils;

/** Input checks and the few descriptive quantities every class here needs. */
final class Samples {

    private Samples() {
    }

    /**
     * Rejects null, NaN and infinite values: a diverged seed is a recorded failure that the
     * report shows, not a number to average.
     */
    static double[] requireFinite(double[] sample, String name) {
        if (sample == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < sample.length; i++) {
            if (!Double.isFinite(sample[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + sample[i]
                        + ": drop failed or diverged seeds before computing statistics");
            }
        }
        return sample;
    }

    static double[] requireAtLeast(double[] sample, int n, String name) {
        requireFinite(sample, name);
        if (sample.length < n) {
            throw new IllegalArgumentException(
                    name + " has " + sample.length + " values; at least " + n + " are needed");
        }
        return sample;
    }

    static double mean(double[] sample) {
        return StatUtils.mean(sample);
    }

    /** Unbiased (n − 1) variance. */
    static double variance(double[] sample) {
        return StatUtils.variance(sample);
    }

    static double[] sorted(double[] sample) {
        double[] copy = sample.clone();
        Arrays.sort(copy);
        return copy;
    }

    /**
     * Quantile of already sorted values with linear interpolation between order statistics
     * (Hyndman–Fan type 7, the default of R's {@code quantile} and NumPy's {@code percentile}),
     * chosen so that a reader can check a number with either tool.
     */
    static double quantileOfSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static void requireLevel(double level, String name) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + level);
        }
    }

    static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
    }

    /**
     * The checks every two-variant claim starts with: finite values, at least 2 seeds per variant,
     * some spread. Empty when the samples can be tested, else the CANNOT_TEST verdict saying why.
     */
    static java.util.Optional<ClaimVerdict> untestablePair(double[] a, String labelA, double[] b, String labelB) {
        requireFinite(a, labelA);
        requireFinite(b, labelB);
        if (a.length < 2 || b.length < 2) {
            return java.util.Optional.of(ClaimVerdict.cannotTest(a.length + " vs " + b.length
                    + " seeds: at least 2 per variant are needed"));
        }
        if (variance(a) + variance(b) == 0) {
            return java.util.Optional.of(ClaimVerdict.cannotTest("both " + labelA + " and " + labelB
                    + " have zero spread across seeds: check that the seeds differ"));
        }
        return java.util.Optional.empty();
    }
}
