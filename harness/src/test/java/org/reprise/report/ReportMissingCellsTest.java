package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.run.AtomicFiles;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;

/** A sweep still under way (or with lost tasks): planned cells without a record are listed as missing, never dropped. */
class ReportMissingCellsTest {
    @Test
    void marksPlannedCellsWithoutARecordAsMissing(@TempDir Path dir) throws IOException {
        Path results = copyFixture(dir);
        String hash = new ResultsStore(results).readExperiment(ReportFixtures.EXPERIMENT).get(0).configHash();
        plan(results, List.of(new PlannedCell("small", 1, hash), new PlannedCell("small", 5, hash),
                new PlannedCell("tiny", 3, hash)));
        ReportBuilder builder = new ReportBuilder(results, dir.resolve("experiments"), dir.resolve("reports"));

        ReportModel model = builder.model(ReportFixtures.EXPERIMENT);
        String html = Files.readString(builder.buildExperiment(ReportFixtures.EXPERIMENT));

        Table seeds = model.seeds();
        int status = seeds.header().indexOf("status");
        assertThat(seeds.rows()).filteredOn(r -> r.get(status).text().equals("missing"))
                .extracting(r -> r.get(0).text() + "/" + r.get(1).text()).containsExactly("small/5", "tiny/3");
        assertThat(model.warnings()).contains(
                "small seed 5 missing: planned by the last sweep but no record has arrived — it counts as a missing seed.",
                "tiny seed 3 missing: planned by the last sweep but no record has arrived — it counts as a missing seed.");
        assertThat(model.methodology().rows().get(1).get(0).text()).isEqualTo("small");
        assertThat(model.methodology().rows().stream().map(r -> r.get(r.size() - 1).text()))
                .anySatisfy(text -> assertThat(text).endsWith("; 1 failed, 1 diverged, 1 missing"));
        assertThat(html).contains("class=\"status-missing\"");
    }

    @Test
    void withoutAPlanFileNothingIsMissing() throws IOException {
        ReportModel model = ReportModelFactory.build(ReportInputs.load(new ResultsStore(ReportFixtures.ROOT),
                Path.of("no-experiments"), ReportFixtures.EXPERIMENT));

        assertThat(model.warnings()).noneMatch(w -> w.contains("missing:"));
    }

    private static void plan(Path results, List<PlannedCell> cells) throws IOException {
        AtomicFiles.writeJson(results.resolve(ReportFixtures.EXPERIMENT).resolve(ResultsStore.PLAN),
                new ResultsStore.PlanFile(ResultsStore.PLAN_SCHEMA, ReportFixtures.EXPERIMENT, cells));
    }

    private static Path copyFixture(Path dir) throws IOException {
        Path source = ReportFixtures.ROOT.resolve(ReportFixtures.EXPERIMENT);
        Path target = dir.resolve("results").resolve(ReportFixtures.EXPERIMENT);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return dir.resolve("results");
    }
}
