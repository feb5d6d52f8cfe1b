package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.run.ResultsStore;

class ReportModelTest {
    private static ReportModel model;

    @BeforeAll
    static void buildFromFixtures() throws IOException {
        model = ReportModelFactory.build(ReportInputs.load(new ResultsStore(ReportFixtures.ROOT), Path.of("no-experiments"),
                ReportFixtures.EXPERIMENT));
    }

    private static List<String> column(Table table, String header) {
        int i = table.header().indexOf(header);
        return table.rows().stream().map(r -> r.get(i).text()).toList();
    }

    @Test
    void listsFailedAndDivergedSeedsInsteadOfDroppingThem() {
        Table seeds = model.seeds();

        assertThat(column(seeds, "status")).containsExactly("completed", "completed", "failed", "diverged",
                "completed", "completed");
        assertThat(column(seeds, "reason")).contains("OutOfMemoryError: Java heap space", "loss became NaN at step 150");
        assertThat(model.warnings()).containsExactly(
                "small seed 3 failed: OutOfMemoryError: Java heap space — it counts as a missing seed.",
                "small seed 4 diverged: loss became NaN at step 150 — it counts as a missing seed.");
    }

    @Test
    void countsOnlyCompletedSeedsAndSaysWhichAreMissing() {
        Table methodology = model.methodology();

        assertThat(methodology.rows().get(1).get(0).text()).isEqualTo("small");
        assertThat(column(methodology, "accuracy (higher is better)").get(1))
                .isEqualTo("0.9500 ± 0.01414 (n=2); 1 failed, 1 diverged");
        assertThat(column(model.results(), "ours").get(0)).isEqualTo("0.9500 ± 0.01414 (n=2)");
    }

    @Test
    void givesEveryClaimAVerdictWithItsReason() {
        assertThat(model.claims()).extracting(ReportModel.ClaimSummary::id).containsExactly("small-copies", "small-beats-tiny");
        assertThat(model.claims()).allSatisfy(c -> {
            assertThat(c.verdict()).isIn("reproduced", "not reproduced", "inconclusive");
            assertThat(c.reason()).isNotBlank();
        });
        // 2 vs 2 seeds: no rank test can go below one-sided p = 1/6, so the ordering cannot be shown
        assertThat(model.claims().get(1).verdict()).isEqualTo("inconclusive");
    }

    @Test
    void printsNotStatedForSettingsThePaperDoesNotGive() {
        Table methodology = model.methodology();

        assertThat(column(methodology, "LR").get(0)).isEqualTo("not stated");
        assertThat(column(methodology, "batch").get(0)).isEqualTo("not stated");
        assertThat(column(methodology, "LR").get(1)).isEqualTo("0.003");
    }

    @Test
    void ledgerNamesEachDepartureWithTheManifestsReason() {
        Table ledger = model.deviations();

        assertThat(ledger.rows()).anySatisfy(r -> assertThat(List.of(r.get(0).text(), r.get(1).text(), r.get(2).text(),
                r.get(3).text(), r.get(4).text())).containsExactly("small", "model.sequence_length", "1024", "32",
                "length 32 is affordable"));
        assertThat(ledger.rows()).anySatisfy(r -> assertThat(List.of(r.get(1).text(), r.get(4).text()))
                .containsExactly("training.learning_rate", "no reason given in the manifest"));
    }

    @Test
    void saysThereIsNoRepeatedSeedRatherThanInventingAnAudit() {
        assertThat(model.determinism()).singleElement().asString().startsWith("No repeated seed to audit");
    }

    @Test
    void omitsFiguresWhoseDataDoNotExistWithANote() {
        assertThat(model.figures()).extracting(ReportModel.Figure::id).contains("fig-curve-accuracy", "fig-strip-accuracy",
                "fig-attention-0");
        assertThat(model.figures()).allSatisfy(f -> assertThat(f.svg()).startsWith("<svg"));
        assertThat(model.omittedFigures()).anySatisfy(o -> assertThat(o).startsWith("Scaling"));
    }
}
