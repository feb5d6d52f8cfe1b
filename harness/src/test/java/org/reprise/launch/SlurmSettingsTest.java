package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.LauncherSpec;

/** Command line &gt; manifest &gt; user file &gt; Defaults, setting by setting, with each decision printed. */
class SlurmSettingsTest {
    private static LauncherSpec only(String partition, String time, Integer cpus) {
        return new LauncherSpec(partition, null, time, cpus, null, null, null, null, null, null, null, null);
    }

    @Test
    void eachSettingComesFromTheFirstSourceThatGivesIt() {
        var sources = List.of(new SlurmSettings.Source("-Dlauncher.*", only(null, "30", null)),
                new SlurmSettings.Source("experiments/copy-task.yaml launcher", only("gpu", "02:00:00", null)),
                new SlurmSettings.Source("~/.config/reprise/launcher.yaml", only("cpu", null, 4)));

        SlurmSettings.Resolved resolved = SlurmSettings.resolve(sources, 1, "/usr/bin/java");

        SlurmSettings s = resolved.settings();
        assertThat(s.time()).contains("30");
        assertThat(s.partition()).contains("gpu");
        assertThat(s.cpusPerTask()).isEqualTo(4);
        assertThat(s.account()).isEmpty();
        assertThat(s.java()).isEqualTo("/usr/bin/java");
        assertThat(resolved.decisions()).contains(
                "slurm partition: gpu (from experiments/copy-task.yaml launcher)",
                "slurm time: 30 (from -Dlauncher.*)",
                "slurm cpus_per_task: 4 (from ~/.config/reprise/launcher.yaml)",
                "slurm account: the cluster's default (not set)",
                "slurm max_parallel: no limit (not set)",
                "slurm java: /usr/bin/java (default: the JVM that submits)");
    }

    @Test
    void cpusPerTaskDefaultsToTheRunsThreads() {
        SlurmSettings s = SlurmSettings.resolve(List.of(), 3, "java").settings();

        assertThat(s.cpusPerTask()).isEqualTo(3);
        assertThat(s.gpusPerTask()).isZero();
        assertThat(s.maxParallel()).isEqualTo(Optional.empty());
    }

    @Test
    void commandLineSettingsUseTheManifestKeysAndSemicolonSeparatedLists() {
        Map<String, String> props = new HashMap<>(Map.of("launcher.partition", "gpu", "launcher.cpus_per_task", "2",
                "launcher.extra", "--qos=long; --mail-type=END,FAIL", "exp", "copy-task"));

        LauncherSpec spec = LauncherProperties.parse(props);

        assertThat(spec.partition()).isEqualTo("gpu");
        assertThat(spec.cpusPerTask()).isEqualTo(2);
        assertThat(spec.extra()).containsExactly("--qos=long", "--mail-type=END,FAIL");
        assertThat(spec.time()).isNull();
    }

    @Test
    void badCommandLineSettingsNameThePropertyAndWhatIsExpected() {
        assertThatThrownBy(() -> LauncherProperties.parse(Map.of("launcher.time", "soon")))
                .hasMessage("-Dlauncher.time=soon: expected a Slurm time limit: minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]],"
                        + " found 'soon'");
        assertThatThrownBy(() -> LauncherProperties.parse(Map.of("launcher.cpus_per_task", "0")))
                .hasMessage("-Dlauncher.cpus_per_task=0: expected a positive integer");
        assertThatThrownBy(() -> LauncherProperties.parse(Map.of("launcher.partiton", "gpu")))
                .hasMessageStartingWith("-Dlauncher.partiton: unknown launcher setting; did you mean -Dlauncher.partition?");
    }
}
