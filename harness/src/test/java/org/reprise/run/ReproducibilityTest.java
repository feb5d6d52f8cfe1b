package org.reprise.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;
import org.reprise.model.Engine;
import org.reprise.model.SameDiffModel;
import org.reprise.train.EvalPoint;
import org.reprise.train.RunStatus;

/** Same seed (and thread count) → bitwise-identical metric series; different seeds → different series. */
class ReproducibilityTest {
    static final Path MANIFEST = Path.of("src/test/resources/experiments-tiny/tiny-copy.yaml");

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @Test
    void sameSeedGivesBitwiseIdenticalSeriesAndOtherSeedsDiffer(@TempDir Path dir) throws Exception {
        List<EvalPoint> first = runSeed(dir.resolve("a"), 1);
        List<EvalPoint> again = runSeed(dir.resolve("b"), 1);
        List<EvalPoint> other = runSeed(dir.resolve("c"), 2);

        assertThat(bits(again)).isEqualTo(bits(first));
        assertThat(bits(other)).isNotEqualTo(bits(first));
        assertThat(first).hasSize(6);
    }

    @Test
    void recordRoundTripsThroughJsonAndRerunSkipsCompletedCells(@TempDir Path dir) throws Exception {
        ExperimentManifest manifest = ManifestLoader.load(MANIFEST, "tiny-copy.yaml");
        RunPlan plan = Planner.plan(manifest, new Overrides(List.of("ci"), List.of(3L), null, null));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner sweep = sweep(dir, new PrintStream(log, true));

        RunRecord written = sweep.run(plan, MANIFEST).get(0);
        RunRecord read = new ResultsStore(dir).read(plan.cells().get(0)).orElseThrow();
        sweep.run(plan, MANIFEST);

        assertThat(read).isEqualTo(written);
        assertThat(read.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(read.parameterCount()).isGreaterThan(0);
        assertThat(read.provenance().engine()).containsEntry("omp_num_threads_env", "1");
        assertThat(log.toString()).contains("[1/1] tiny-copy/ci/seed-3  skipped: already COMPLETED with this configuration");
        assertThat(Files.readString(dir.resolve("tiny-copy/ci/seed-3/metrics.csv")))
                .startsWith("step,learning_rate,train_loss,accuracy,loss,train_seconds\n20,");
        assertThat(dir.resolve("tiny-copy/manifest.yaml")).hasSameTextualContentAs(MANIFEST);
        assertThat(dir.resolve("tiny-copy/ci/seed-3/checkpoint")).as("cleared once completed").doesNotExist();
    }

    static List<EvalPoint> runSeed(Path results, long seed) throws Exception {
        ExperimentManifest manifest = ManifestLoader.load(MANIFEST, "tiny-copy.yaml");
        RunPlan plan = Planner.plan(manifest, new Overrides(List.of("ci"), List.of(seed), null, null));
        RunRecord record = sweep(results, new PrintStream(new ByteArrayOutputStream())).run(plan, MANIFEST).get(0);
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        return record.history();
    }

    static SweepRunner sweep(Path results, PrintStream out) {
        return new SweepRunner(new ResultsStore(results), SameDiffModel.factory(), results.resolve("data"),
                ProvenanceCapture.capture(Path.of("."), "test"), out, false, false);
    }

    /** Every metric of every evaluation as raw IEEE-754 bits, so equality means bitwise equality. */
    static List<List<Long>> bits(List<EvalPoint> history) {
        return history.stream().map(p -> {
            List<Long> row = new java.util.ArrayList<>();
            row.add(p.step());
            row.add(Double.doubleToRawLongBits(p.trainLoss()));
            p.metrics().values().forEach(v -> row.add(Double.doubleToRawLongBits(v)));
            return row;
        }).toList();
    }
}
