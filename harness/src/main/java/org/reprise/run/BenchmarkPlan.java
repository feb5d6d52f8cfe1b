package org.reprise.run;

import java.util.List;
import org.reprise.manifest.BenchmarkSpec;
import org.reprise.manifest.ExperimentManifest;

/** A benchmark experiment expanded into cells (variants × lengths), with the decisions that chose them. */
public record BenchmarkPlan(ExperimentManifest manifest, BenchmarkSpec spec, List<BenchmarkCell> cells, List<String> decisions) {
    public BenchmarkPlan {
        cells = List.copyOf(cells);
        decisions = List.copyOf(decisions);
    }
}
