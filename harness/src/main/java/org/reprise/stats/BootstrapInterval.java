package org.reprise.stats;

/**
 * A percentile bootstrap interval of the mean, with what is needed to recompute it exactly.
 *
 * @param interval  the percentile interval, in the sample's unit
 * @param seed      seed of the {@code Well19937c} generator that drew the resamples
 * @param resamples number of bootstrap resamples
 */
public record BootstrapInterval(Interval interval, long seed, int resamples) {

    @Override
    public String toString() {
        return "bootstrap " + interval + " (seed=" + seed + ", B=" + resamples + ")";
    }
}
