package org.reprise.run;

import java.util.List;
import java.util.Map;
import org.reprise.data.DataProvenance;
import org.reprise.manifest.RunConfig;
import org.reprise.train.EvalPoint;
import org.reprise.train.RunStatus;
import org.reprise.train.SeedStreams;

/**
 * The self-describing record of one run ({@code run.json}): what was run, how it ended, every
 * evaluation, cost, and provenance. Reports are built from these alone.
 *
 * @param schema          record format identifier
 * @param reason          why the run did not complete, else null
 * @param plannedSteps    optimizer steps the configuration asks for
 * @param finalMetrics    metrics of the last evaluation (empty if none ran)
 * @param wallSeconds     wall time of this process's part of the run, including evaluation and set-up
 * @param trainSeconds    training time across all segments of the run, excluding evaluation
 * @param tokensPerSecond training input tokens per training second (this process's segment)
 * @param resumedFromStep step of the checkpoint this run resumed from, 0 if it started fresh
 * @param manifest        the manifest file the configuration came from
 */
public record RunRecord(String schema, String experiment, String variant, long seed, RunStatus status, String reason,
                        String configHash, RunConfig config, SeedStreams seeds, int threads, long parameterCount,
                        long plannedSteps, long completedSteps, Map<String, Double> finalMetrics, List<EvalPoint> history,
                        double wallSeconds, double trainSeconds, double tokensPerSecond, MemoryPeaks memory,
                        long resumedFromStep, DataProvenance data, Provenance provenance, String startedAt,
                        String finishedAt, String manifest) {
    public static final String SCHEMA = "reprise.run/1";

    public boolean completedWith(String hash) {
        return status == RunStatus.COMPLETED && configHash.equals(hash);
    }
}
