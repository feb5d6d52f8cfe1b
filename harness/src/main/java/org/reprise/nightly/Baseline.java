package org.reprise.nightly;

/**
 * The reference band of one metric of one experiment's variant, from earlier nightlies.
 *
 * @param mean      mean over the baseline's seeds
 * @param sd        sample standard deviation over them (0 when they agree exactly)
 * @param n         number of seeds
 * @param tolerance δ: tonight's mean may differ from {@code mean} by less than this (equivalence test)
 * @param commit     commit the baseline was measured at
 * @param date       day it was measured (ISO)
 * @param configHash the variant's configuration hash when it was measured; null in bands written before
 *                   it was recorded. A band describes one configuration: once the variant changes, its
 *                   numbers and tolerance no longer apply.
 */
public record Baseline(String experiment, String variant, String metric, double mean, double sd, int n, double tolerance,
                       String commit, String date, String configHash) {
    /** True when the band records a configuration and it differs from {@code hash}. */
    public boolean measuredWithAnotherConfiguration(String hash) {
        return configHash != null && !configHash.equals(hash);
    }

    /** {@code experiment/variant/metric}. */
    public String key() {
        return experiment + "/" + variant + "/" + metric;
    }
}
