package org.reprise.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded percentile bootstrap of the mean.
 *
 * <p>The generator is Commons Math's {@code Well19937c}: its algorithm is fixed by the pinned
 * library version, whereas {@code java.util.SplittableRandom}'s output is not promised across
 * JDK releases, so the same seed gives the same interval on any JVM that runs the harness.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Percentile interval of the mean: resample with replacement {@code resamples} times, take
     * the (1 − level)/2 and (1 + level)/2 quantiles (type 7) of the resampled means.
     *
     * @param sample    at least 2 finite values
     * @param level     confidence level in (0, 1)
     * @param resamples number of resamples, at least 1
     * @param seed      generator seed; the same seed always gives the same interval
     */
    public static BootstrapInterval percentileIntervalOfMean(
            double[] sample, double level, int resamples, long seed) {
        Samples.requireAtLeast(sample, 2, "sample");
        Samples.requireLevel(level, "confidence level");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        RandomGenerator rng = new Well19937c(seed);
        int n = sample.length;
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sample[rng.nextInt(n)];
            }
            means[r] = sum / n;
        }
        java.util.Arrays.sort(means);
        double lower = Samples.quantileOfSorted(means, (1 - level) / 2);
        double upper = Samples.quantileOfSorted(means, (1 + level) / 2);
        return new BootstrapInterval(new Interval(lower, upper, level), seed, resamples);
    }
}
