package org.reprise.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;

/** Runs real child JVMs (a few seconds each): records, resume, and a cell over its memory budget. */
class BenchmarkSweepTest {
    private static final ExperimentManifest BENCH =
            ManifestLoader.load(Path.of("src/test/resources/manifests/valid/small-bench.yaml"), "small-bench.yaml");
    private static final Provenance PROVENANCE = new Provenance("test", "unknown", false, "test", "jvm", "os", "arch", "cpu", 2,
            "host", Map.of(), Map.of());

    @TempDir
    Path results;

    @Test
    void measuresEachCellInAChildJvmAndSkipsFinishedCellsOnRerun() throws Exception {
        BenchmarkPlan plan = BenchmarkPlanner.plan(BENCH, new Overrides(List.of("dense", "strided"), null, null, null, List.of(64)));
        ByteArrayOutputStream first = new ByteArrayOutputStream();

        List<ScalingCell> cells = sweep(first).run(plan);

        assertThat(cells).extracting(ScalingCell::status).containsExactly("COMPLETED", "COMPLETED");
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.timesMs()).hasSize(1);
            assertThat(c.medianMs()).isPositive();
            assertThat(c.peakRssBytes()).isGreaterThan(c.peakAboveBaselineBytes());
            assertThat(c.scope()).isEqualTo("attention");
        });
        assertThat(cells.get(1).stride()).isEqualTo(8);
        ScalingCell stored = Json.MAPPER.readValue(results.resolve("small-bench/strided-64.json").toFile(), ScalingCell.class);
        assertThat(stored.configHash()).isEqualTo(plan.cells().get(1).configHash());
        assertThat(stored.config().model().attention().parameters()).containsEntry("stride", 8L);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        List<ScalingCell> again = sweep(second).run(plan);

        assertThat(second.toString(StandardCharsets.UTF_8)).contains("[1/2] small-bench/dense-64  skipped: already COMPLETED",
                "[2/2] small-bench/strided-64  skipped: already COMPLETED");
        assertThat(again).isEqualTo(cells);
    }

    @Test
    void aCellOverItsMemoryBudgetIsRecordedAndTheSweepGoesOn() throws Exception {
        BenchmarkPlan planned = BenchmarkPlanner.plan(BENCH, new Overrides(List.of("dense"), null, null, null, List.of(64, 256)));
        BenchmarkCell tiny = planned.cells().get(0);
        BenchmarkCell starved = new BenchmarkCell(tiny.experiment(), tiny.variant(), tiny.length(), tiny.config(), tiny.scope(),
                tiny.warmup(), tiny.repetitions(), 1L << 20, tiny.threads(), tiny.configHash());
        BenchmarkPlan plan = new BenchmarkPlan(BENCH, planned.spec(), List.of(starved, planned.cells().get(1)), List.of());

        List<ScalingCell> cells = sweep(new ByteArrayOutputStream()).run(plan);

        assertThat(cells).extracting(ScalingCell::status).containsExactly("OUT_OF_MEMORY", "COMPLETED");
        assertThat(cells.get(0).reason()).matches("resident memory \\d+ MiB passed the budget of 1 MiB");
        assertThat(Files.exists(results.resolve("small-bench/dense-64.json"))).isTrue();
    }

    private BenchmarkSweep sweep(ByteArrayOutputStream sink) {
        return new BenchmarkSweep(results, results.resolve("data"), System.getProperty("java.class.path"), PROVENANCE,
                new PrintStream(sink, true, StandardCharsets.UTF_8));
    }
}
