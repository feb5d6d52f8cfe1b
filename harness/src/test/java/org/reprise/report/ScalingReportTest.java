package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.run.AtomicFiles;
import org.reprise.run.ScalingCell;

class ScalingReportTest {
    @Test
    void fitsExponentsShowsOutOfMemoryAndRatiosToDense(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results/scaling-fixture");
        for (int n : new int[] {1024, 2048, 4096, 8192}) {
            // dense: time ∝ n², memory ∝ n²; strided: time ∝ n, memory ∝ n; dense runs out of memory at 8192
            write(results, cell("dense", n, n == 8192 ? "OUT_OF_MEMORY" : "COMPLETED", 64.0 * n * n / (1024.0 * 1024), 1L * n * n));
            write(results, cell("strided", n, "COMPLETED", n / 16.0, 1024L * n));
        }

        ScalingReport.Model model = ScalingReport.build(results, "scaling-fixture");
        Path html = new ReportBuilder(dir.resolve("results"), dir.resolve("experiments"), dir.resolve("reports"))
                .buildExperiment("scaling-fixture");

        Table costs = model.tables().get(0);
        assertThat(row(costs, "dense")).contains("out of memory").anyMatch(c -> c.startsWith("2.00 "));
        assertThat(row(costs, "strided")).anyMatch(c -> c.startsWith("1.00 ["));
        assertThat(row(model.tables().get(1), "strided")).contains("1.0× / 1.00", "2.0× / 0.50", "4.0× / 0.25", "—");
        assertThat(model.figures()).hasSize(2);
        assertThat(Files.readString(html)).contains("<svg", "strided (slope 1.00)", "dense (slope 2.00)");
        assertThat(html.resolveSibling("scaling.tex")).exists();
    }

    @Test
    void showsTheManifestsTitleAndThePapersReportedRows(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results/attention-scaling");
        write(results, cell("dense", 1024, "COMPLETED", 10, 1 << 20));
        var manifest = org.reprise.manifest.ManifestLoader.load(Path.of("../experiments/attention-scaling.yaml"),
                "experiments/attention-scaling.yaml");

        ScalingReport.Model model = ScalingReport.build(results, "attention-scaling", manifest);

        assertThat(model.title()).isEqualTo(manifest.title());
        Table reported = model.tables().stream().filter(t -> t.id().equals("reported")).findFirst().orElseThrow();
        assertThat(reported.rows()).hasSize(manifest.original().reported().size());
        assertThat(row(reported, "steps_per_second")).containsExactly("steps_per_second", "8.1", "Transformer, 1K",
                "Tay et al. 2021, Table 2");
    }

    private static List<String> row(Table table, String pattern) {
        return table.rows().stream().filter(r -> r.get(0).text().equals(pattern)).findFirst().orElseThrow()
                .stream().map(Cell::text).toList();
    }

    private static ScalingCell cell(String pattern, int n, String status, double ms, long bytes) {
        boolean ok = status.equals("COMPLETED");
        return new ScalingCell("scaling-fixture", pattern, n, 0, 0, 1, 1, 64, 1, 3, status, ok ? null : "resident memory over budget",
                List.of(ms), ok ? ms : Double.NaN, ok ? bytes : 0, ok ? bytes : 0, 0, Map.of(), "2026-11-22T00:00:00Z",
                "attention", null, "hash-" + pattern + n, 0, null);
    }

    private static void write(Path dir, ScalingCell c) throws Exception {
        AtomicFiles.writeJson(dir.resolve(c.pattern() + "-" + c.length() + ".json"), c);
    }
}
