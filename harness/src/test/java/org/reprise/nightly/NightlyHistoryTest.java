package org.reprise.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.report.NightlyHistoryReport;
import org.reprise.run.AtomicFiles;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunCell;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

class NightlyHistoryTest {
    private static final RegressionGate GATE = new RegressionGate(0.05);
    private static final Baseline BAND = new Baseline("copy-task", "ci", "accuracy", 0.80, 0.01, 3, 0.05, "aaa", "2026-11-01", "hash");

    @Test
    void namesTheFirstCommitWhereAMetricMovedAndPlotsTheTrend(@TempDir Path dir) throws Exception {
        Path nightly = dir.resolve("results/nightly");
        night(nightly, "2026-11-20-1111111aaaaa", 0.80);
        night(nightly, "2026-11-21-2222222bbbbb", 0.81);
        night(nightly, "2026-11-22-3333333ccccc", 0.60);

        NightlyHistory history = NightlyHistory.read(nightly);
        Path html = NightlyHistoryReport.write(history, dir.resolve("reports/nightly"));

        assertThat(history.nights()).extracting(NightlyHistory.Night::commit)
                .containsExactly("1111111aaaaa", "2222222bbbbb", "3333333ccccc");
        NightlyHistory.Move move = history.firstMove("copy-task/ci/accuracy").orElseThrow();
        assertThat(move.first().commit()).isEqualTo("3333333ccccc");
        assertThat(move.lastGood()).map(NightlyHistory.Night::commit).contains("2222222bbbbb");
        assertThat(history.series("copy-task/ci/accuracy").values())
                .zipSatisfy(List.of(0.80, 0.81, 0.60), (a, e) -> assertThat(a).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(history.firstMove("copy-task/ci/loss")).isEmpty();
        assertThat(Files.readString(html)).contains("3333333ccccc (2026-11-22, DRIFT)", "2222222bbbbb (2026-11-21)", "<svg");
    }

    /** A night whose three seeds all score {@code accuracy}, gated against the fixed band. */
    private static void night(Path nightly, String folder, double accuracy) throws Exception {
        Path dir = nightly.resolve(folder);
        ResultsStore store = new ResultsStore(dir);
        List<RunRecord> records = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            RunRecord r = withLoss(RegressionGateTest.run(seed, RunStatus.COMPLETED, accuracy + (seed - 2) * 0.005), folder);
            store.write(new RunCell("copy-task", "ci", seed, null, 1, "h"), r);
            records.add(r);
        }
        AtomicFiles.writeJson(dir.resolve("summary.json"), GATE.evaluate(records, List.of(BAND)));
    }

    private static RunRecord withLoss(RunRecord r, String folder) {
        return new RunRecord(r.schema(), r.experiment(), r.variant(), r.seed(), r.status(), r.reason(), r.configHash(), r.config(),
                r.seeds(), r.threads(), r.parameterCount(), r.plannedSteps(), r.completedSteps(),
                java.util.Map.of("accuracy", r.finalMetrics().get("accuracy"), "loss", 0.1), r.history(), r.wallSeconds(),
                r.trainSeconds(), r.tokensPerSecond(), r.memory(), r.resumedFromStep(), r.data(), r.provenance(),
                folder.substring(0, 10) + "T02:00:00Z", null, null);
    }
}
