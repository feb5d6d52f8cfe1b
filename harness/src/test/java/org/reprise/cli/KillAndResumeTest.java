package org.reprise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.run.Json;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/**
 * SIGKILL in the middle of a sweep, then the same command again: the finished seed is not rerun,
 * the interrupted seed resumes from its checkpoint, and its final metrics equal an uninterrupted run's.
 */
class KillAndResumeTest {
    @Test
    void killedSweepResumesAndMatchesAnUninterruptedRun(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("experiments"));
        Files.copy(Path.of("src/test/resources/experiments-tiny/tiny-copy.yaml"), root.resolve("experiments/tiny-copy.yaml"));
        Path checkpoint = root.resolve("results/tiny-copy/ci/seed-2/checkpoint/trainer.json");

        Process first = harness(root, "results", root.resolve("first.log"));
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (first.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(checkpoint)) {
                first.destroyForcibly(); // SIGKILL on Linux
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        first.waitFor(1, TimeUnit.MINUTES);
        assertThat(killed).as("the sweep was killed after seed 2 wrote a checkpoint").isTrue();
        assertThat(root.resolve("results/tiny-copy/ci/seed-2/run.json")).doesNotExist();

        Process second = harness(root, "results", root.resolve("second.log"));
        Process reference = harness(root, "reference", root.resolve("reference.log"));
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(reference.waitFor(3, TimeUnit.MINUTES)).isTrue();

        String log = Files.readString(root.resolve("second.log"), StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("[1/2] tiny-copy/ci/seed-1  skipped: already COMPLETED");
        assertThat(log).containsPattern("\\[2/2\\] tiny-copy/ci/seed-2  COMPLETED .* resumed from step \\d+");
        RunRecord resumed = record(root.resolve("results/tiny-copy/ci/seed-2/run.json"));
        RunRecord uninterrupted = record(root.resolve("reference/tiny-copy/ci/seed-2/run.json"));
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.resumedFromStep()).isPositive();
        assertThat(resumed.finalMetrics()).isEqualTo(uninterrupted.finalMetrics());
        assertThat(metricsOnly(resumed)).isEqualTo(metricsOnly(uninterrupted));
    }

    /** Runs the CLI in its own JVM, as a user would (one OpenMP thread, so no relaunch is needed). */
    private static Process harness(Path root, String results, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dreprise.root=" + root, "-Dexp=tiny-copy", "-Dvariant=ci", "-Dseeds=1,2",
                "-Dresults.dir=" + root.resolve(results), "-Dprogress=false",
                Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private static RunRecord record(Path file) throws IOException {
        return Json.MAPPER.readValue(file.toFile(), RunRecord.class);
    }

    private static List<Object> metricsOnly(RunRecord r) {
        return r.history().stream().map(p -> (Object) List.of(p.step(), p.trainLoss(), p.metrics())).toList();
    }
}
