package org.reprise.manifest;

/** A metric the experiment reports, its unit (e.g. "bits/byte", "fraction") and which way is better. */
public record MetricSpec(String name, String unit, Direction direction) {
}
