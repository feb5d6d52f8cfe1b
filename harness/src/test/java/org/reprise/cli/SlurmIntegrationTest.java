package org.reprise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.launch.CellState;
import org.reprise.launch.ProcessSlurmClient;
import org.reprise.launch.Submission;
import org.reprise.launch.SubmissionLog;
import org.reprise.launch.SweepStatus;
import org.reprise.run.Json;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/**
 * Against a real Slurm on this machine (started by {@code ci/slurm/start-local-slurm.sh}, which
 * {@code .ci/run} runs before the tests): a 2-variant × 2-seed sweep of the copy task as a job array,
 * with one task requeued mid-run as preemption would (it resumes from its checkpoint); its four
 * records and its report; then a third seed whose slow task is cancelled mid-run, and a
 * resubmission that runs only that cell, resumed, leaving every other record byte-identical. The
 * repository root has a space and a quote in its name, so the script's quoting is read by the real
 * sbatch and bash. Skipped without Slurm, unless {@code REPRISE_REQUIRE_SLURM=1}.
 */
class SlurmIntegrationTest {
    private static final long WAIT_SECONDS = 180;

    @TempDir
    Path tmp;
    private Path root;
    private Path results;
    private final ProcessSlurmClient slurm = new ProcessSlurmClient();

    /** Skips (so the report shows it as skipped, with the reason) or, under {@code REPRISE_REQUIRE_SLURM=1}, fails. */
    private static void requireSlurm() {
        String problem = slurmProblem();
        if (problem == null) {
            return;
        }
        if ("1".equals(System.getenv("REPRISE_REQUIRE_SLURM"))) {
            fail("REPRISE_REQUIRE_SLURM=1 but " + problem + "; start it with ci/slurm/start-local-slurm.sh (as root)");
        }
        Assumptions.abort("no local Slurm (" + problem + "); run ci/slurm/start-local-slurm.sh as root to include this test");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void runsASweepAsAJobArrayResumesRequeuedTasksAndResubmitsOnlyAKilledCell() throws Exception {
        requireSlurm();
        root = Files.createDirectories(tmp.resolve("ada's reprise root"));
        results = root.resolve("results");
        Files.createDirectories(root.resolve("experiments"));
        Files.copy(Path.of("src/test/resources/experiments-slurm/slurm-copy.yaml"), root.resolve("experiments/slurm-copy.yaml"));

        // 1. the whole sweep: four cells, two at a time; slow/seed-2 is requeued (as preemption does) mid-run
        String submitted = cli("exp", "slurm-copy", "launcher", "slurm");
        assertThat(submitted).contains("array 0-3, 4 cells (quick/seed-1, quick/seed-2, slow/seed-1, slow/seed-2)");
        String job = lastSubmission().jobId();
        waitForCheckpoint("slow/seed-2");
        requeue(job + "_3");
        SweepStatus first = waitFor(2, s -> s.settled(), "the first array to finish");
        assertThat(first.cells()).extracting(c -> c.cell().id() + " " + c.state())
                .as(first.format() + logs()).containsExactly("quick/seed-1 COMPLETED", "quick/seed-2 COMPLETED",
                        "slow/seed-1 COMPLETED", "slow/seed-2 COMPLETED");
        RunRecord requeued = Json.MAPPER.readValue(results.resolve("slurm-copy/slow/seed-2/run.json").toFile(), RunRecord.class);
        assertThat(requeued.resumedFromStep()).as("the requeued task resumed from its checkpoint" + logs()).isPositive();
        assertThat(Path.of(lastSubmission().logDir()).resolve(job + "_3.log")).content()
                .contains("(restart 0)", "DUE TO JOB REQUEUE", "(restart 1)");
        String status = cli("mode", "status", "exp", "slurm-copy");
        assertThat(status).startsWith("slurm-copy: 4 cells: 4 completed\n").contains("report: ");
        assertThat(root.resolve("reports/slurm-copy/index.html")).exists();
        assertThat(results.resolve("slurm-copy/manifest.yaml")).exists();
        assertSameNumbersAsALocalRun();
        Map<Path, byte[]> before = records();

        // 2. a third seed; its slow task is cancelled once it has checkpointed
        String third = cli("exp", "slurm-copy", "launcher", "slurm", "seeds", "1,2,3");
        assertThat(third).contains("submitted job ").contains("array 2,5, 2 cells (quick/seed-3, slow/seed-3)");
        Submission second = lastSubmission();
        waitForCheckpoint("slow/seed-3");
        run("scancel", second.jobId() + "_5");
        SweepStatus killed = waitFor(3, s -> s.settled(), "the second array to end");
        assertThat(killed.cells().get(5).state()).as(killed.format()).isEqualTo(CellState.FAILED);
        assertThat(killed.cells().get(5).detail()).startsWith("the task ended CANCELLED");
        assertThat(killed.cells().get(2).state()).as(killed.format() + logs()).isEqualTo(CellState.COMPLETED);
        assertThat(results.resolve("slurm-copy/slow/seed-3/run.json")).doesNotExist();
        before.putAll(records());

        // 3. resubmitting runs the killed cell only, from its checkpoint
        String again = cli("exp", "slurm-copy", "launcher", "slurm", "seeds", "1,2,3");
        assertThat(again).contains("  skip quick/seed-3: already COMPLETED with this configuration\n")
                .contains("array 5, 1 cell (slow/seed-3)");
        assertThat(lastSubmission().tasks()).extracting(t -> t.cell()).containsExactly("slow/seed-3");
        SweepStatus done = waitFor(3, s -> s.settled(), "the resubmission to finish");
        assertThat(done.allCompleted()).as(done.format() + logs()).isTrue();
        RunRecord resumed = Json.MAPPER.readValue(results.resolve("slurm-copy/slow/seed-3/run.json").toFile(), RunRecord.class);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.resumedFromStep()).as("resumed from the cancelled task's checkpoint").isPositive();
        Map<Path, byte[]> after = records();
        before.forEach((file, bytes) -> assertThat(after.get(file)).as("%s was not rerun", file).isEqualTo(bytes));
        assertThat(cli("mode", "status", "exp", "slurm-copy", "seeds", "1,2,3"))
                .startsWith("slurm-copy: 6 cells: 6 completed\n");
    }

    /** quick/seed-1 run locally, in its own JVM as a user would, gives the same metric series as its Slurm task. */
    private void assertSameNumbersAsALocalRun() throws Exception {
        Path log = tmp.resolve("local.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dreprise.root=" + root, "-Dexp=slurm-copy",
                "-Dvariant=quick", "-Dseeds=1", "-Dresults.dir=" + tmp.resolve("local"), "-Dprogress=false",
                Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process local = builder.start();
        assertThat(local.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(local.exitValue()).as(Files.readString(log)).isZero();
        RunRecord here = Json.MAPPER.readValue(tmp.resolve("local/slurm-copy/quick/seed-1/run.json").toFile(), RunRecord.class);
        RunRecord there = Json.MAPPER.readValue(results.resolve("slurm-copy/quick/seed-1/run.json").toFile(), RunRecord.class);
        assertThat(there.configHash()).isEqualTo(here.configHash());
        assertThat(there.finalMetrics()).isEqualTo(here.finalMetrics());
        assertThat(there.history().stream().map(p -> List.of(p.step(), p.trainLoss(), p.metrics())).toList())
                .isEqualTo(here.history().stream().map(p -> List.of(p.step(), p.trainLoss(), p.metrics())).toList());
    }

    /** Waits (polling every 100 ms, bounded) until the cell has a checkpoint and no record: it is mid-run. */
    private void waitForCheckpoint(String cell) throws Exception {
        Path checkpoint = results.resolve("slurm-copy").resolve(cell).resolve("checkpoint/trainer.json");
        Path record = results.resolve("slurm-copy").resolve(cell).resolve(ResultsStore.RECORD);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(checkpoint) && !Files.exists(record) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(record).as(cell + " was caught mid-run, after a checkpoint and before its record" + logs()).doesNotExist();
        assertThat(checkpoint).as(cell + " wrote a checkpoint within " + WAIT_SECONDS + " s" + logs()).exists();
    }

    /**
     * Requeues a running task as preemption would, then lets it start again two seconds later (a
     * requeued task otherwise waits out a begin-time delay of about two minutes). Not at once:
     * slurmd revokes the killed instance's job credential with one-second resolution, so a restart
     * allocated within the same second is refused ("Killing non-startable batch JobId=…: Job
     * credential revoked") and the task ends FAILED. That is what Slurm's own delay guards against.
     */
    private void requeue(String task) throws Exception {
        run("scontrol", "requeue", task);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!run("squeue", "--noheader", "--array", "--jobs=" + task, "--format=%T").strip().equals("PENDING")) {
            assertThat(System.nanoTime()).as(task + " is pending again within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        run("scontrol", "update", "JobId=" + task, "StartTime=now+2");
    }

    /** Polls the status of seeds 1..{@code seeds} every second until {@code done}, failing after {@link #WAIT_SECONDS}. */
    private SweepStatus waitFor(int seeds, Predicate<SweepStatus> done, String what) throws Exception {
        List<PlannedCell> plan = new ArrayList<>();
        var all = new ResultsStore(results).readPlan("slurm-copy").orElseThrow();
        for (PlannedCell c : all) {
            if (c.seed() <= seeds) {
                plan.add(c);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            SweepStatus status = status(plan);
            if (done.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT_SECONDS + " s for " + what + ":\n" + status.format() + logs());
            }
            Thread.sleep(1000);
        }
    }

    private SweepStatus status(List<PlannedCell> plan) throws Exception {
        return SweepStatus.collect("slurm-copy", plan, new ResultsStore(results),
                new SubmissionLog(results, "slurm-copy").read(), slurm);
    }

    private Submission lastSubmission() throws IOException {
        List<Submission> all = new SubmissionLog(results, "slurm-copy").read();
        return all.get(all.size() - 1);
    }

    private Map<Path, byte[]> records() throws IOException {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        try (var files = Files.walk(results.resolve("slurm-copy"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals(ResultsStore.RECORD)).sorted().toList()) {
                out.put(f, Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** Every task log, for failure messages. */
    private String logs() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.walk(results.resolve("slurm-copy/.launch"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                out.append("\n--- ").append(f).append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    private String cli(String... keyValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> props = new HashMap<>();
        props.put("reprise.root", root.toString());
        props.put("progress", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        int code = new Main(new PrintStream(out, true), new PrintStream(err, true), slurm).execute(props);
        assertThat(code).as(String.join(" ", keyValues) + "\n" + out + err).isZero();
        return out.toString();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    /** Why no Slurm node can take work here, or null when one can. */
    private static String slurmProblem() {
        try {
            Process p = new ProcessBuilder("sinfo", "--noheader", "--format=%t").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "sinfo did not answer within 20 s";
            }
            if (p.exitValue() != 0) {
                return "sinfo failed: " + out.strip();
            }
            return out.lines().map(l -> l.replaceAll("[*~#$@^-]", "")).anyMatch(l -> l.equals("idle") || l.equals("mix")
                    || l.equals("alloc")) ? null : "no node is up (sinfo: " + out.strip().replace('\n', ' ') + ")";
        } catch (IOException e) {
            return "sinfo cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
