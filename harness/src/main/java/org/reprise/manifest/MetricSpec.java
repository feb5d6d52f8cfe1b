package org.reprise.manifest;

/** A metric the experiment reports, its unit (e.g. "bits/byte", "fraction") and which way is better. */
public record MetricSpec(String name, String unit, Direction direction) {
    /** Joins a metric to the further evaluation attention it was measured under: {@code accuracy@lsh-8}. */
    public static final char UNDER = '@';

    /** The name of {@code metric} measured under the further evaluation attention {@code evaluation}. */
    public static String under(String metric, String evaluation) {
        return metric + UNDER + evaluation;
    }

    /** The declared metric a (possibly qualified) name refers to: {@code accuracy} for {@code accuracy@lsh-8}. */
    public static String base(String name) {
        int at = name.indexOf(UNDER);
        return at < 0 ? name : name.substring(0, at);
    }

    /** The evaluation a qualified name was measured under, or null for a metric of the model's own attention. */
    public static String evaluation(String name) {
        int at = name.indexOf(UNDER);
        return at < 0 ? null : name.substring(at + 1);
    }
}
