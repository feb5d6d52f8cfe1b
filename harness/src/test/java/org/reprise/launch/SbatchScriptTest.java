package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scripts against golden files in {@code src/test/resources/launch/golden/} (rewrite them with
 * {@code -Dgolden.update=true} and review the diff), and the script's bash run for real with a stand-in java.
 */
class SbatchScriptTest {
    private static final Path GOLDEN = Path.of("src/test/resources/launch/golden");
    /** A root with a space, a single quote, a double quote and a hash: every character the two quotings treat specially. */
    private static final Path AWKWARD_ROOT = Path.of("/scratch/lab #2/ada's \"reprise\" copy");

    static List<ArrayTask> table() {
        return List.of(new ArrayTask(0, "ci", 1, "1111aaaa"), new ArrayTask(1, "ci", 2, "2222bbbb"),
                new ArrayTask(2, "long", 1, "3333cccc"), new ArrayTask(3, "long", 2, "4444dddd"));
    }

    static SlurmSettings defaults(String java) {
        return new SlurmSettings(Optional.empty(), Optional.empty(), Optional.empty(), 1, 0, Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), java, List.of());
    }

    private static SbatchScript wholeSweep() {
        Path root = Path.of("/home/ada/reprise");
        Path launch = root.resolve("results/copy-task/.launch/submission-1");
        return new SbatchScript("copy-task", table(), List.of(0, 1, 2, 3), defaults("/usr/lib/jvm/java-17/bin/java"), 1,
                root, root.resolve("results"), Path.of("/home/ada/.cache/reprise/data"), launch.resolve("classpath"),
                launch.resolve("logs"), Map.of());
    }

    private static SbatchScript resubmissionWithEverySetting(Path root, String java) {
        SlurmSettings settings = new SlurmSettings(Optional.of("gpu"), Optional.of("proj-42"), Optional.of("1-12:00:00"), 2, 1,
                Optional.of("8G"), Optional.of(2), List.of("--qos=long", "--constraint=a100|v100"),
                List.of("module load java/17", "echo \"set up on $(hostname)\""), List.of(), java, List.of("-Xmx6g", "-Dnote=a b"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HF_HOME", "/scratch/ada's cache");
        environment.put("REPRISE_NOTE", "say \"hi\" & $HOME; `date`");
        Path launch = root.resolve("results/copy-task/.launch/submission-2");
        return new SbatchScript("copy-task", table(), List.of(0, 2, 3), settings, 2, root, root.resolve("results"),
                root.resolve("data 100%"), launch.resolve("classpath"), launch.resolve("logs"), environment);
    }

    @Test
    void aWholeSweepIsOneArrayOverEveryCell() throws IOException {
        assertGolden("whole-sweep.sbatch", wholeSweep().render());
    }

    @Test
    void aResubmissionRunsOnlyItsIndicesWithEverySettingQuoted() throws IOException {
        assertGolden("resubmission-every-setting.sbatch",
                resubmissionWithEverySetting(AWKWARD_ROOT, "/opt/java 17/bin/java").render());
    }

    @Test
    void bashHandsTheTaskExactlyItsCellAndTheUnmangledPaths(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("lab #2/ada's \"reprise\" copy"));
        Path args = dir.resolve("args.txt");
        Path java = dir.resolve("fake java");
        Files.writeString(java, "#!/bin/bash\nprintf '%s\\n' \"$@\" > " + ShellQuote.bash(args.toString()) + "\n"
                + "printf 'OMP=%s HF_HOME=%s NOTE=%s PWD=%s\\n' \"$OMP_NUM_THREADS\" \"$HF_HOME\" \"$REPRISE_NOTE\" \"$PWD\" >> "
                + ShellQuote.bash(args.toString()) + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        SbatchScript script = resubmissionWithEverySetting(root, java.toString());
        Files.createDirectories(script.classpathFile().getParent());
        Files.writeString(script.classpathFile(), "/jars/a b.jar:/jars/c.jar\n");
        Path file = dir.resolve("job.sbatch");
        Files.writeString(file, script.render().replace("module load java/17\n", ""));

        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        bash.environment().put("SLURM_ARRAY_TASK_ID", "2");
        bash.environment().put("SLURM_ARRAY_JOB_ID", "77");
        Process p = bash.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
        assertThat(Files.readString(dir.resolve("out.log"))).startsWith("set up on ")
                .contains("reprise: task 77_2 runs copy-task/long/seed-1 on ");
        assertThat(Files.readAllLines(args, StandardCharsets.UTF_8)).containsExactly(
                "-Xmx6g", "-Dnote=a b", "-cp", "/jars/a b.jar:/jars/c.jar", "-Dreprise.root=" + root, "-Dexp=copy-task",
                "-Dvariant=long", "-Dreprise.cell.seed=1", "-Dthreads=2", "-Dresults.dir=" + root.resolve("results"),
                "-Ddata.dir=" + root.resolve("data 100%"), "-Dprogress=false", "-Dreprise.cell=true",
                "-Dreprise.cell.hash=3333cccc", "org.reprise.cli.Main",
                "OMP=2 HF_HOME=/scratch/ada's cache NOTE=say \"hi\" & $HOME; `date` PWD=" + root);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertThat(actual).as("golden file %s (rewrite with -Dgolden.update=true)", file).isEqualTo(Files.readString(file));
    }
}
