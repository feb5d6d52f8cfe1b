package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.launch.SlurmClient.TaskState;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunPlan;
import org.reprise.train.RunStatus;

class SlurmLauncherTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FakeSlurm slurm = new FakeSlurm();

    private SlurmLauncher launcher(Map<String, String> environment) {
        return new SlurmLauncher(slurm, LaunchFixtures.context(root, new PrintStream(out, true), environment));
    }

    private static SlurmSettings settings(List<String> environment) {
        SlurmSettings d = SbatchScriptTest.defaults("/usr/bin/java");
        return new SlurmSettings(d.partition(), d.account(), d.time(), 1, 0, d.memory(), Optional.of(2), d.extra(), d.setup(),
                environment, d.java(), d.jvmOptions());
    }

    @Test
    void submitsEveryCellAsOneArrayAndRecordsTheSubmission() throws Exception {
        RunPlan plan = LaunchFixtures.plan();

        var result = launcher(Map.of()).submit(plan, LaunchFixtures.MANIFEST, settings(List.of()), false);

        assertThat(result.jobId()).contains("100");
        String script = Files.readString(slurm.submitted.get(0));
        assertThat(script).contains("#SBATCH --array=0-3%2\n", "variants=('quick' 'quick' 'slow' 'slow')\n", "seeds=(1 2 1 2)\n");
        Path launch = root.resolve("results/slurm-copy/.launch");
        assertThat(slurm.submitted.get(0)).isEqualTo(launch.resolve("submission-1/job.sbatch"));
        assertThat(launch.resolve("submission-1/classpath")).hasContent("/jars/reprise.jar");
        List<Submission> recorded = new SubmissionLog(root.resolve("results"), "slurm-copy").read();
        assertThat(recorded).singleElement().satisfies(s -> {
            assertThat(s.jobId()).isEqualTo("100");
            assertThat(s.array()).isEqualTo("0-3");
            assertThat(s.submittedAt()).isEqualTo("2025-01-02T03:04:05Z");
            assertThat(s.tasks()).extracting(ArrayTask::cell)
                    .containsExactly("quick/seed-1", "quick/seed-2", "slow/seed-1", "slow/seed-2");
        });
        assertThat(new ResultsStore(root.resolve("results")).readPlan("slurm-copy")).contains(
                plan.cells().stream().map(PlannedCell::of).toList());
        assertThat(root.resolve("results/slurm-copy/manifest.yaml")).hasSameTextualContentAs(LaunchFixtures.MANIFEST);
        assertThat(out.toString()).contains("submitted job 100: array 0-3, 4 cells (quick/seed-1, quick/seed-2, slow/seed-1,"
                + " slow/seed-2)");
    }

    @Test
    void aResubmissionSkipsCompletedAndQueuedCellsAndRunsOnlyTheRest() throws Exception {
        RunPlan plan = LaunchFixtures.plan();
        launcher(Map.of()).submit(plan, LaunchFixtures.MANIFEST, settings(List.of()), false);
        Path results = root.resolve("results");
        LaunchFixtures.writeRecord(results, plan.cells().get(0), RunStatus.COMPLETED, null);
        LaunchFixtures.writeRecord(results, plan.cells().get(1), RunStatus.FAILED, "OutOfMemoryError: Java heap space");
        slurm.queue.put("100_2", new TaskState("RUNNING", ""));
        slurm.queue.put("100_3", new TaskState("CANCELLED", ""));

        var result = launcher(Map.of()).submit(plan, LaunchFixtures.MANIFEST, settings(List.of()), false);

        assertThat(result.jobId()).contains("101");
        assertThat(result.tasks()).extracting(ArrayTask::index).containsExactly(1, 3);
        assertThat(Files.readString(slurm.submitted.get(1))).contains("#SBATCH --array=1,3%2\n");
        assertThat(slurm.submitted.get(1)).isEqualTo(root.resolve("results/slurm-copy/.launch/submission-2/job.sbatch"));
        assertThat(out.toString()).contains("  skip quick/seed-1: already COMPLETED with this configuration\n",
                "  skip slow/seed-1: already running as task 100_2\n", "submitted job 101: array 1,3, 2 cells");
        assertThat(new SubmissionLog(results, "slurm-copy").read()).hasSize(2);
    }

    @Test
    void nothingIsSubmittedWhenEveryCellIsDone() throws Exception {
        RunPlan plan = LaunchFixtures.plan();
        for (var cell : plan.cells()) {
            LaunchFixtures.writeRecord(root.resolve("results"), cell, RunStatus.COMPLETED, null);
        }

        var result = launcher(Map.of()).submit(plan, LaunchFixtures.MANIFEST, settings(List.of()), false);

        assertThat(result.jobId()).isEmpty();
        assertThat(slurm.submitted).isEmpty();
        assertThat(out.toString()).endsWith("nothing to submit: every cell of the plan is completed, queued or running\n");
    }

    @Test
    void aDryRunWritesTheScriptAndSubmitsNothing() throws Exception {
        var result = launcher(Map.of()).submit(LaunchFixtures.plan(), LaunchFixtures.MANIFEST, settings(List.of()), true);

        Path script = root.resolve("results/slurm-copy/.launch/dry-run/job.sbatch");
        assertThat(result.script()).contains(script);
        assertThat(script).content().startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-3%2");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(slurm.submitted).isEmpty();
        assertThat(root.resolve("results/slurm-copy/.launch/submissions.json")).doesNotExist();
        assertThat(root.resolve("results/slurm-copy/plan.json")).doesNotExist();
        assertThat(out.toString()).contains("dry run: wrote " + script + " (array 0-3, 4 cells); nothing was submitted."
                + " Submit it with: sbatch " + script);
    }

    @Test
    void passesNamedVariablesWithTheirValuesAtSubmission() throws Exception {
        launcher(Map.of("HF_HOME", "/scratch/hf cache")).submit(LaunchFixtures.plan(), LaunchFixtures.MANIFEST,
                settings(List.of("HF_HOME", "NOTE=a b")), false);

        assertThat(Files.readString(slurm.submitted.get(0))).contains("export HF_HOME='/scratch/hf cache'\nexport NOTE='a b'\n");
    }

    @Test
    void passesTheVariablesThatChangeTheNumbersWheneverTheyAreSetHere() throws Exception {
        launcher(Map.of("OPENBLAS_CORETYPE", "Haswell", "JAVA_TOOL_OPTIONS", "-Xint")).submit(LaunchFixtures.plan(),
                LaunchFixtures.MANIFEST, settings(List.of()), false);

        assertThat(Files.readString(slurm.submitted.get(0))).contains("export OPENBLAS_NUM_THREADS=1\nexport OPENBLAS_CORETYPE='Haswell'\n")
                .doesNotContain("JAVA_TOOL_OPTIONS");
        assertThat(out.toString()).contains("  tasks' environment: OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1,"
                + " OPENBLAS_CORETYPE=Haswell (nothing else is inherited from this shell)\n");
    }

    @Test
    void refusesToPassAVariableThatIsNotSetOrThatDecidesTheThreads() {
        assertThatThrownBy(() -> launcher(Map.of()).submit(LaunchFixtures.plan(), LaunchFixtures.MANIFEST,
                settings(List.of("HF_HOME")), false)).isInstanceOf(LaunchException.class).hasMessage(
                "launcher environment: HF_HOME is not set in this shell, so it cannot be passed to the tasks; set it,"
                        + " or give it as HF_HOME=value");
        assertThatThrownBy(() -> launcher(Map.of()).submit(LaunchFixtures.plan(), LaunchFixtures.MANIFEST,
                settings(List.of("OMP_NUM_THREADS=4")), false)).isInstanceOf(LaunchException.class).hasMessage(
                "launcher environment: OMP_NUM_THREADS is set from -Dthreads (it is part of each run's configuration);"
                        + " remove it from the environment list");
        assertThat(slurm.submitted).isEmpty();
    }
}
