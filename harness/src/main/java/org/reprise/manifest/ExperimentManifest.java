package org.reprise.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment: a paper's original setting, the variants we can afford to run, the metrics and
 * the claims to test. Immutable; built only by {@link ManifestLoader}, which validates it whole.
 *
 * @param source     the manifest file, relative to the repository root
 * @param confidence confidence level for intervals (e.g. 0.95)
 * @param benchmark  the cost sweep of a benchmark experiment, or null for a training experiment
 * @param launcher   the {@code launcher:} section's cluster settings ({@link LauncherSpec#EMPTY} when absent)
 */
public record ExperimentManifest(String name, String title, Paper paper, OriginalSpec original,
                                 Map<String, VariantSpec> variants, List<MetricSpec> metrics,
                                 List<ClaimSpec> claims, double confidence, String source,
                                 BenchmarkSpec benchmark, LauncherSpec launcher) {
    public ExperimentManifest {
        launcher = launcher == null ? LauncherSpec.EMPTY : launcher;
        variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
        metrics = List.copyOf(metrics);
        claims = List.copyOf(claims);
    }

    /** A manifest without a {@code launcher:} section. */
    public ExperimentManifest(String name, String title, Paper paper, OriginalSpec original, Map<String, VariantSpec> variants,
                              List<MetricSpec> metrics, List<ClaimSpec> claims, double confidence, String source,
                              BenchmarkSpec benchmark) {
        this(name, title, paper, original, variants, metrics, claims, confidence, source, benchmark, LauncherSpec.EMPTY);
    }

    /** The benchmark sweep, when this experiment measures cost instead of training. */
    public Optional<BenchmarkSpec> benchmarkSpec() {
        return Optional.ofNullable(benchmark);
    }

    public Optional<MetricSpec> metric(String metricName) {
        return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst();
    }
}
