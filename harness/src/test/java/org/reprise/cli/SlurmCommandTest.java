package org.reprise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.launch.SlurmClient;
import org.reprise.manifest.ManifestLoader;
import org.reprise.run.Json;
import org.reprise.run.Overrides;
import org.reprise.run.Planner;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunCell;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/** {@code -Dlauncher=slurm} and {@code -Dmode=status} through Main, with a Slurm that only records submissions. */
class SlurmCommandTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Path> submitted = new ArrayList<>();
    private final Map<String, SlurmClient.TaskState> queue = new HashMap<>();
    private boolean queueDown;
    private final SlurmClient slurm = new SlurmClient() {
        @Override
        public String submit(Path script, Path workingDir) {
            submitted.add(script);
            return "4242";
        }

        @Override
        public Map<String, TaskState> queue(Set<String> jobIds) throws SlurmException {
            if (queueDown) {
                throw new SlurmException("squeue failed (exit 1): slurm_load_jobs error: Unable to contact slurm controller");
            }
            return queue;
        }

        @Override
        public Accounting accounting(Set<String> jobIds) {
            return Accounting.unavailable("Slurm accounting storage is disabled");
        }
    };

    @BeforeEach
    void experiments() throws Exception {
        Files.createDirectories(root.resolve("experiments"));
        Files.copy(Path.of("src/test/resources/experiments-slurm/slurm-copy.yaml"), root.resolve("experiments/slurm-copy.yaml"));
    }

    @Test
    void aDryRunPrintsEachSettingsSourceAndWritesTheScriptOnly() throws Exception {
        Path userFile = root.resolve("my launcher.yaml");
        Files.writeString(userFile, "partition: debug\naccount: lab\n");

        int code = run("exp", "slurm-copy", "launcher", "slurm", "launcher.dry-run", "true", "launcher.config", userFile.toString(),
                "launcher.account", "other-lab");

        assertThat(code).as(err.toString()).isEqualTo(Main.OK);
        assertThat(out.toString()).contains(
                "  slurm partition: debug (from " + userFile + ")\n",
                "  slurm account: other-lab (from -Dlauncher.*)\n",
                "  slurm time: 00:10:00 (from experiments/slurm-copy.yaml launcher)\n",
                "  slurm cpus_per_task: 1 (default: one per thread)\n",
                "dry run: wrote " + root.resolve("results/slurm-copy/.launch/dry-run/job.sbatch"));
        assertThat(submitted).isEmpty();
        assertThat(root.resolve("results/slurm-copy/.launch/dry-run/job.sbatch")).content()
                .contains("#SBATCH --partition=debug\n#SBATCH --account=other-lab\n#SBATCH --time=00:10:00\n");
    }

    @Test
    void aSubmissionReturnsOnceQueuedAndSaysHowToFollowIt() {
        int code = run("exp", "slurm-copy", "launcher", "slurm", "profile", "smoke", "variant", "quick,slow");

        assertThat(code).as(err.toString()).isEqualTo(Main.OK);
        assertThat(submitted).hasSize(1);
        assertThat(out.toString()).contains("submitted job 4242: array 0-1, 2 cells (quick/seed-1, slow/seed-1)",
                "submitted; this command does not wait. Follow it with: mvn exec:java -Dmode=status -Dexp=slurm-copy\n");
    }

    @Test
    void statusBuildsTheReportOnceEveryCellIsDone() throws Exception {
        run("exp", "slurm-copy", "launcher", "slurm");
        for (RunCell cell : Planner.plan(ManifestLoader.load(root.resolve("experiments/slurm-copy.yaml"), "x"), Overrides.NONE).cells()) {
            record(cell, cell.seed() == 2 && cell.variant().equals("slow") ? RunStatus.FAILED : RunStatus.COMPLETED);
        }
        out.reset();

        int code = run("mode", "status", "exp", "slurm-copy");

        assertThat(code).as("one cell failed").isEqualTo(Main.RUN_FAILED);
        assertThat(out.toString()).startsWith("slurm-copy: 4 cells: 3 completed, 1 failed\n")
                .contains("  slow/seed-2   failed     4242_3  boom\n", "report: " + root.resolve("reports/slurm-copy/index.html"));
        assertThat(root.resolve("reports/slurm-copy/index.html")).exists();
    }

    @Test
    void statusWaitsForQueuedCellsBeforeBuildingTheReport() {
        run("exp", "slurm-copy", "launcher", "slurm");
        queue.put("4242_0", new SlurmClient.TaskState("RUNNING", ""));
        queue.put("4242_1", new SlurmClient.TaskState("RUNNING", ""));
        queue.put("4242_2", new SlurmClient.TaskState("PENDING", "JobArrayTaskLimit"));
        out.reset();

        int code = run("mode", "status", "exp", "slurm-copy");

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString()).startsWith("slurm-copy: 4 cells: 1 pending, 2 running, 1 missing\n")
                .contains("  slow/seed-1   pending    4242_2  Slurm: PENDING (JobArrayTaskLimit)\n",
                        "note: accounting (sacct) is unavailable", "the report is built when no cell is pending or running")
                .doesNotContain("report:");
        assertThat(root.resolve("reports")).doesNotExist();
    }

    @Test
    void withoutTheQueueStatusShowsTheRecordsAndBuildsNoReport() {
        run("exp", "slurm-copy", "launcher", "slurm");
        queueDown = true;
        out.reset();

        int code = run("mode", "status", "exp", "slurm-copy");

        assertThat(code).isEqualTo(Main.RUN_FAILED);
        assertThat(err.toString()).isEqualTo("warning: the Slurm queue cannot be read (squeue failed (exit 1): slurm_load_jobs"
                + " error: Unable to contact slurm controller); showing the run records alone\n");
        assertThat(out.toString()).startsWith("slurm-copy: 4 cells: 4 missing\n").endsWith("no report was built: without the"
                + " queue it is unknown whether tasks are still pending or running\n");
        assertThat(root.resolve("reports")).doesNotExist();
    }

    @Test
    void aTaskRunsExactlyOneCell() {
        int code = run("exp", "slurm-copy", "reprise.cell", "true", "reprise.cell.seed", "1");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: -Dreprise.cell=true runs exactly one cell, but -Dvariant and -Dseeds select 2\n");
    }

    @Test
    void aTasksSeedIsOneSeedNotACount() {
        int code = run("exp", "slurm-copy", "reprise.cell", "true", "variant", "quick", "reprise.cell.seed", "2",
                "reprise.cell.hash", "0123abcd");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: slurm-copy/quick/seed-2: the configuration changed");
    }

    @Test
    void aTaskRefusesAConfigurationThatChangedSinceSubmission() {
        int code = run("exp", "slurm-copy", "reprise.cell", "true", "variant", "quick", "reprise.cell.seed", "1",
                "reprise.cell.hash", "0123abcd");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: slurm-copy/quick/seed-1: the configuration changed since this task was"
                + " submitted (hash ").contains("submitted as 0123abcd), e.g. the manifest was edited; nothing was run.");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void anInvalidLauncherFileSubmitsNothingAndNamesEachError() throws Exception {
        Path userFile = root.resolve("launcher.yaml");
        Files.writeString(userFile, "partition: debug\ntime: 2 hours\n");

        int code = run("exp", "slurm-copy", "launcher", "slurm", "launcher.config", userFile.toString());

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: the launcher file is invalid:\n  " + userFile + ":2:7: time: expected a"
                + " Slurm time limit: minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]], found '2 hours'\nnothing was submitted.\n");
        assertThat(submitted).isEmpty();
    }

    @Test
    void aDryRunWithoutTheSlurmLauncherRunsNothing() {
        int code = run("exp", "slurm-copy", "launcher.dry-run", "true");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: -Dlauncher.dry-run=true writes a Slurm batch script; add -Dlauncher=slurm"
                + " (nothing was run)\n");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void aBenchmarkIsNotSubmitted() throws Exception {
        Path repository = Path.of(System.getProperty("reprise.root", ".."));
        Files.copy(repository.resolve("experiments/attention-scaling.yaml"), root.resolve("experiments/attention-scaling.yaml"));

        int code = run("exp", "attention-scaling", "launcher", "slurm");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: attention-scaling is a benchmark, which measures each cell on this machine;"
                + " -Dlauncher=slurm runs training sweeps only (nothing was submitted)\n");
        assertThat(submitted).isEmpty();
    }

    @Test
    void badLauncherOptionsNameThePropertyAndWhatIsExpected() {
        assertThat(run("exp", "slurm-copy", "launcher", "pbs")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: -Dlauncher=pbs: expected one of local, slurm\n");
    }

    private void record(RunCell cell, RunStatus status) throws Exception {
        RunRecord r = Json.MAPPER.readValue(Files.readString(Path.of(
                "src/test/resources/report-fixtures/fixture-exp/tiny/seed-1/run.json")), RunRecord.class);
        new ResultsStore(root.resolve("results")).write(cell, new RunRecord(r.schema(), cell.experiment(), cell.variant(),
                cell.seed(), status, status == RunStatus.FAILED ? "boom" : null, cell.configHash(), cell.config(), r.seeds(),
                cell.threads(), r.parameterCount(), r.plannedSteps(), r.completedSteps(), r.finalMetrics(), r.history(),
                r.wallSeconds(), r.trainSeconds(), r.tokensPerSecond(), r.memory(), 0, r.data(), r.provenance(), r.startedAt(),
                r.finishedAt(), r.manifest()));
    }

    private int run(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("reprise.root", root.toString());
        props.put("progress", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new Main(new PrintStream(out, true), new PrintStream(err, true), slurm).execute(props);
    }
}
