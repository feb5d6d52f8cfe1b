package org.reprise.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;
import org.reprise.run.Overrides;
import org.reprise.run.Planner;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunCell;
import org.reprise.run.RunPlan;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/** The launcher tests' experiment (two tiny copy variants × two seeds) and records made without training. */
final class LaunchFixtures {
    static final Path MANIFEST = Path.of("src/test/resources/experiments-slurm/slurm-copy.yaml");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private LaunchFixtures() {
    }

    static ExperimentManifest manifest() {
        return ManifestLoader.load(MANIFEST, "experiments/slurm-copy.yaml");
    }

    /** quick/seed-1, quick/seed-2, slow/seed-1, slow/seed-2: array indices 0 to 3. */
    static RunPlan plan() {
        return Planner.plan(manifest(), Overrides.NONE);
    }

    static LaunchContext context(Path root, PrintStream out, Map<String, String> environment) {
        return new LaunchContext(root, root.resolve("results"), root.resolve("data"), "/jars/reprise.jar", environment,
                CLOCK, out);
    }

    /** Writes a record for {@code cell} as a finished run would. */
    static RunRecord writeRecord(Path results, RunCell cell, RunStatus status, String reason) throws IOException {
        RunRecord record = new RunRecord(RunRecord.SCHEMA, cell.experiment(), cell.variant(), cell.seed(), status, reason,
                cell.configHash(), cell.config(), null, cell.threads(), 100, cell.config().training().steps(),
                cell.config().training().steps(), Map.of("accuracy", 0.5), List.of(), 1, 1, 1, null, 0, null, null,
                null, null, null);
        new ResultsStore(results).write(cell, record);
        return record;
    }
}
