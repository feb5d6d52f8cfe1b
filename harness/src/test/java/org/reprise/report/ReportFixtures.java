package org.reprise.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.data.DataProvenance;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;
import org.reprise.manifest.VariantSpec;
import org.reprise.run.Json;
import org.reprise.run.MemoryPeaks;
import org.reprise.run.Provenance;
import org.reprise.run.RunRecord;
import org.reprise.train.EvalPoint;
import org.reprise.train.RunStatus;
import org.reprise.train.SeedStreams;

/**
 * The report tests' results folder, {@code src/test/resources/report-fixtures/}: experiment
 * {@code fixture-exp} with variant {@code small} (seeds 1 and 2 completed, 3 failed, 4 diverged)
 * and variant {@code tiny} (seeds 1 and 2 completed). The records are made with the real record
 * classes and {@link Json#MAPPER}; rerun {@link #main} from the module directory to rewrite them.
 */
final class ReportFixtures {
    static final Path ROOT = Path.of("src/test/resources/report-fixtures");
    static final String EXPERIMENT = "fixture-exp";
    static final double[] SMALL_ACCURACY = {0.94, 0.96};
    static final double[] TINY_ACCURACY = {0.70, 0.74};

    private ReportFixtures() {
    }

    public static void main(String[] args) throws IOException {
        ExperimentManifest m = ManifestLoader.load(copyAs(ROOT.resolve(EXPERIMENT).resolve("manifest.yaml")), "fixture");
        List<RunRecord> records = new ArrayList<>();
        VariantSpec small = m.variants().get("small");
        VariantSpec tiny = m.variants().get("tiny");
        records.add(completed(small, 1, SMALL_ACCURACY[0], 0.20));
        records.add(completed(small, 2, SMALL_ACCURACY[1], 0.18));
        records.add(ended(small, 3, RunStatus.FAILED, "OutOfMemoryError: Java heap space", 120, 0.5));
        records.add(ended(small, 4, RunStatus.DIVERGED, "loss became NaN at step 150", 150, Double.NaN));
        records.add(completed(tiny, 1, TINY_ACCURACY[0], 0.90));
        records.add(completed(tiny, 2, TINY_ACCURACY[1], 0.85));
        for (RunRecord r : records) {
            Path dir = ROOT.resolve(EXPERIMENT).resolve(r.variant()).resolve("seed-" + r.seed());
            Files.createDirectories(dir);
            Json.MAPPER.writeValue(dir.resolve("run.json").toFile(), r);
        }
    }

    private static Path copyAs(Path snapshot) throws IOException {
        Path copy = Files.createTempDirectory("fixture").resolve(EXPERIMENT + ".yaml");
        Files.copy(snapshot, copy);
        return copy;
    }

    private static RunRecord completed(VariantSpec v, long seed, double accuracy, double loss) {
        List<EvalPoint> history = List.of(
                new EvalPoint(100, 0.003, 3.0, Map.of("accuracy", accuracy * 0.5, "loss", loss * 8), 10 + seed),
                new EvalPoint(200, 0.002, 1.0, Map.of("accuracy", accuracy * 0.9, "loss", loss * 2), 20 + seed),
                new EvalPoint(300, 0.001, 0.5, Map.of("accuracy", accuracy, "loss", loss), 30 + seed));
        return record(v, seed, RunStatus.COMPLETED, null, 300, history);
    }

    private static RunRecord ended(VariantSpec v, long seed, RunStatus status, String reason, long steps, double loss) {
        List<EvalPoint> history = List.of(new EvalPoint(100, 0.003, 3.0, Map.of("accuracy", 0.4, "loss", 4.0), 11));
        if (Double.isNaN(loss)) {
            history = List.of(history.get(0), new EvalPoint(150, 0.003, Double.NaN, Map.of("accuracy", 0.0, "loss", loss), 16));
        }
        return record(v, seed, status, reason, steps, history);
    }

    private static RunRecord record(VariantSpec v, long seed, RunStatus status, String reason, long steps,
                                    List<EvalPoint> history) {
        Map<String, Double> last = status == RunStatus.FAILED ? Map.of() : history.get(history.size() - 1).metrics();
        Provenance provenance = new Provenance("0.1.0-SNAPSHOT", "0123456789abcdef0123456789abcdef01234567", false,
                "mvn exec:java -Dexp=fixture-exp -Dseeds=4", "OpenJDK 64-Bit Server VM 17", "Linux 6", "amd64",
                "Fixture CPU", 2, "fixture-host", Map.of("backend", "CpuBackend", "device", "cpu"),
                Map.of("deeplearning4j/nd4j", "1.0.0-M2.1"));
        return new RunRecord(RunRecord.SCHEMA, EXPERIMENT, v.name(), seed, status, reason,
                "f1x7" + v.name() + "0000000000000000000000000000000000000000000000000000", v.config(),
                SeedStreams.of(seed), 1, v.name().equals("small") ? 43_904 : 12_345, 300, steps, last, history,
                40 + seed, 30 + seed, 15_000 + 100 * seed, new MemoryPeaks(300_000_000, 800_000, 1_900_000_000L), 0,
                new DataProvenance("generated copy task", Map.of()), provenance, "2026-01-01T00:00:0" + seed + "Z",
                "2026-01-01T00:01:0" + seed + "Z", "experiments/fixture-exp.yaml");
    }
}
