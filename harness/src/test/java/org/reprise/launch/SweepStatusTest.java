package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.launch.SlurmClient.Accounting;
import org.reprise.launch.SlurmClient.TaskState;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunPlan;
import org.reprise.train.RunStatus;

/** Each cell's state from the queue, accounting and the records, with the queue winning over an older record. */
class SweepStatusTest {
    @TempDir
    Path root;
    private final FakeSlurm slurm = new FakeSlurm();

    private SweepStatus status(RunPlan plan) throws Exception {
        Path results = root.resolve("results");
        return SweepStatus.collect("slurm-copy", plan.cells().stream().map(PlannedCell::of).toList(), new ResultsStore(results),
                new SubmissionLog(results, "slurm-copy").read(), slurm);
    }

    private RunPlan submitted() throws Exception {
        RunPlan plan = LaunchFixtures.plan();
        new SlurmLauncher(slurm, LaunchFixtures.context(root, new PrintStream(new ByteArrayOutputStream()), Map.of()))
                .submit(plan, LaunchFixtures.MANIFEST, SbatchScriptTest.defaults("java"), false);
        return plan;
    }

    @Test
    void joinsTheQueueWithTheRecords() throws Exception {
        RunPlan plan = submitted();
        Path results = root.resolve("results");
        LaunchFixtures.writeRecord(results, plan.cells().get(0), RunStatus.COMPLETED, null);
        LaunchFixtures.writeRecord(results, plan.cells().get(1), RunStatus.FAILED, "OutOfMemoryError: Java heap space");
        slurm.queue.put("100_1", new TaskState("PENDING", "BeginTime")); // requeued after the failure
        slurm.queue.put("100_2", new TaskState("RUNNING", ""));
        slurm.queue.put("100_3", new TaskState("CANCELLED", ""));

        SweepStatus status = status(plan);

        assertThat(status.cells()).extracting(CellStatus::state).containsExactly(CellState.COMPLETED, CellState.PENDING,
                CellState.RUNNING, CellState.FAILED);
        String log = results.resolve("slurm-copy/.launch/submission-1/logs/100_3.log").toString();
        assertThat(status.format()).isEqualTo("""
                slurm-copy: 4 cells: 1 pending, 1 running, 1 completed, 1 failed
                  quick/seed-1  completed  100_0  accuracy 0.5000
                  quick/seed-2  pending    100_1  Slurm: PENDING (BeginTime)
                  slow/seed-1   running    100_2  Slurm: RUNNING
                  slow/seed-2   failed     100_3  the task ended CANCELLED without writing a record; see its log
                                log: %s
                """.formatted(log));
        assertThat(status.settled()).isFalse();
    }

    @Test
    void saysWhenAccountingIsUnavailableAndCountsForgottenTasksAsMissing() throws Exception {
        RunPlan plan = submitted();
        for (int i = 0; i < 3; i++) {
            LaunchFixtures.writeRecord(root.resolve("results"), plan.cells().get(i), RunStatus.COMPLETED, null);
        }

        SweepStatus status = status(plan);

        assertThat(status.cells().get(3).state()).isEqualTo(CellState.MISSING);
        assertThat(status.cells().get(3).detail()).isEqualTo("no record, and Slurm no longer reports task 100_3");
        assertThat(status.note()).isEqualTo("accounting (sacct) is unavailable, so tasks Slurm has forgotten show as missing:"
                + " Slurm accounting storage is disabled");
        assertThat(status.settled()).isTrue();
        assertThat(status.allCompleted()).isFalse();
    }

    @Test
    void accountingNamesHowAForgottenTaskEnded() throws Exception {
        RunPlan plan = submitted();
        slurm.accounting = new Accounting(true, "", Map.of("100_3", new TaskState("TIMEOUT", "exit 0:0")));

        SweepStatus status = status(plan);

        assertThat(status.cells().get(3).state()).isEqualTo(CellState.FAILED);
        assertThat(status.cells().get(3).detail()).isEqualTo("the task ended TIMEOUT (exit 0:0) without writing a record; see its log");
        assertThat(status.note()).isEmpty();
    }

    @Test
    void withoutSubmissionsTheRecordsAloneDecide() throws Exception {
        RunPlan plan = LaunchFixtures.plan();
        LaunchFixtures.writeRecord(root.resolve("results"), plan.cells().get(0), RunStatus.DIVERGED, "loss became NaN at step 7");

        SweepStatus status = status(plan);

        assertThat(status.cells()).extracting(c -> c.state().label() + " " + c.detail()).containsExactly(
                "diverged loss became NaN at step 7", "missing not submitted", "missing not submitted", "missing not submitted");
        assertThat(status.headline()).isEqualTo("slurm-copy: 4 cells: 1 diverged, 3 missing");
        assertThat(List.of(status.cells().get(0).task(), status.cells().get(0).log())).containsExactly("", "");
    }
}
