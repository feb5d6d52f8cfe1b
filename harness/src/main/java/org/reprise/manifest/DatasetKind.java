package org.reprise.manifest;

import java.util.Map;
import java.util.Set;

/** Datasets and tasks, each with the metrics it produces and the options its manifest entry accepts. */
public enum DatasetKind implements Choice {
    /** Reformer's duplication task 0w0w (Kitaev et al. 2020 §2.1), generated, no download. */
    COPY(Set.of("loss", "accuracy"), Map.of("symbols", OptionType.POSITIVE_INT), false);

    /** Kinds of value a dataset option takes. */
    public enum OptionType { POSITIVE_INT, TEXT }

    private final Set<String> metrics;
    private final Map<String, OptionType> options;
    private final boolean finite;

    DatasetKind(Set<String> metrics, Map<String, OptionType> options, boolean finite) {
        this.metrics = metrics;
        this.options = options;
        this.finite = finite;
    }

    /** Metric names this dataset's evaluation reports. */
    public Set<String> metrics() {
        return metrics;
    }

    /** Option names allowed under {@code data:} besides {@code dataset} and {@code split}. */
    public Map<String, OptionType> options() {
        return options;
    }

    /** Whether the training split is a fixed set (so epochs make sense) rather than an endless generator. */
    public boolean finite() {
        return finite;
    }
}
