package org.reprise.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's {@code launcher:} section and the user-level launcher file, which take the same keys. */
class LauncherSectionTest {
    private static final String SETTINGS = """
            partition: gpu
            account: proj-42
            time: "1-12:00:00"
            cpus_per_task: 2
            gpus_per_task: 1
            mem: 8G
            max_parallel: 4
            extra: [--qos=long, "--constraint=a100|v100"]
            setup: "module load java/17"
            environment: [HF_HOME, "REPRISE_NOTE=from the manifest"]
            java: /opt/java/17/bin/java
            jvm_options: [-Xmx6g]
            """;

    @Test
    void readsEverySettingOfTheLauncherSection(@TempDir Path dir) throws IOException {
        String manifest = Files.readString(Path.of("src/test/resources/manifests/valid/small-copy.yaml"))
                .replace("name: small-copy", "name: on-a-cluster")
                + "launcher:\n" + SETTINGS.indent(2);
        Files.writeString(dir.resolve("on-a-cluster.yaml"), manifest);

        LauncherSpec launcher = ManifestLoader.load(dir.resolve("on-a-cluster.yaml"), "on-a-cluster.yaml").launcher();

        assertThat(launcher).isEqualTo(new LauncherSpec("gpu", "proj-42", "1-12:00:00", 2, 1, "8G", 4,
                List.of("--qos=long", "--constraint=a100|v100"), List.of("module load java/17"),
                List.of("HF_HOME", "REPRISE_NOTE=from the manifest"), "/opt/java/17/bin/java", List.of("-Xmx6g")));
    }

    @Test
    void aManifestWithoutTheSectionSetsNothing() {
        ExperimentManifest m = ManifestLoader.load(Path.of("src/test/resources/manifests/valid/small-copy.yaml"), "small-copy.yaml");

        assertThat(m.launcher()).isEqualTo(LauncherSpec.EMPTY);
    }

    @Test
    void theUserFileTakesTheSameKeysAtTopLevel(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("launcher.yaml"), SETTINGS);

        LauncherSpec launcher = LauncherBinder.loadFile(dir.resolve("launcher.yaml"), "~/.config/reprise/launcher.yaml");

        assertThat(launcher.partition()).isEqualTo("gpu");
        assertThat(launcher.maxParallel()).isEqualTo(4);
    }

    @Test
    void userFileErrorsNameTheFileTheKeyAndWhatIsExpected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("launcher.yaml"), "partition: gpu\nacount: me\ntime: soon\n");

        ManifestException e = catchThrowableOfType(
                () -> LauncherBinder.loadFile(dir.resolve("launcher.yaml"), "~/.config/reprise/launcher.yaml"),
                ManifestException.class);

        assertThat(e.errors()).extracting(ManifestError::format).containsExactly(
                "~/.config/reprise/launcher.yaml:2:1: acount: unknown key; did you mean 'account'? (known keys: account,"
                        + " cpus_per_task, environment, extra, gpus_per_task, java, jvm_options, max_parallel, mem, partition,"
                        + " setup, time)",
                "~/.config/reprise/launcher.yaml:3:7: time: expected a Slurm time limit: minutes, MM:SS, HH:MM:SS or"
                        + " D-HH[:MM[:SS]], found 'soon'");
    }

    @Test
    void anEmptyUserFileSetsNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("launcher.yaml"), "# nothing yet\n");

        assertThat(LauncherBinder.loadFile(dir.resolve("launcher.yaml"), "launcher.yaml")).isEqualTo(LauncherSpec.EMPTY);
    }
}
