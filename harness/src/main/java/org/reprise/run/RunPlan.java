package org.reprise.run;

import java.util.List;
import org.reprise.manifest.ExperimentManifest;

/**
 * The cells to run, in order, and how each choice was made (so the precedence
 * command line &gt; profile &gt; manifest &gt; defaults is visible in the log).
 */
public record RunPlan(ExperimentManifest manifest, List<RunCell> cells, List<String> decisions) {
    public RunPlan {
        cells = List.copyOf(cells);
        decisions = List.copyOf(decisions);
    }
}
