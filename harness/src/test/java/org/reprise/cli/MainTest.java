package org.reprise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void experiments() throws Exception {
        Files.createDirectories(root.resolve("experiments"));
        Files.copy(Path.of("src/test/resources/experiments-tiny/tiny-copy.yaml"), root.resolve("experiments/tiny-copy.yaml"));
        Files.copy(Path.of("src/test/resources/manifests/invalid/heads-do-not-divide-width.yaml"),
                root.resolve("experiments/heads-do-not-divide-width.yaml"));
    }

    @Test
    void refusesAnExperimentNameThatIsAPath() {
        int code = run("exp", "../etc/passwd");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: -Dexp=../etc/passwd is not an experiment name: expected lower-case"
                + " letters, digits and hyphens (no paths)\n");
    }

    @Test
    void withoutAnExperimentListsTheAvailableOnes() {
        int code = run();

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("No experiment given. Run one with: mvn exec:java -Dexp=NAME")
                .contains("  tiny-copy                A tiny copy run for tests")
                .contains("  heads-do-not-divide-width (invalid manifest: run -Dmode=validate -Dexp=heads-do-not-divide-width)");
    }

    @Test
    void anUnknownExperimentIsAnErrorThatListsTheAvailableOnes() {
        int code = run("exp", "tiny-cpy");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).startsWith("error: no experiment 'tiny-cpy' in experiments");
        assertThat(out.toString()).contains("tiny-copy");
    }

    @Test
    void anInvalidManifestRunsNothingAndWritesNothing() {
        int code = run("exp", "heads-do-not-divide-width");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("experiments/heads-do-not-divide-width.yaml:8:12: original.model.heads: 6 must divide model.width (64)")
                .endsWith("nothing was run.\n");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void validateModeChecksEveryManifestWithoutTraining() {
        int code = run("mode", "validate");

        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(out.toString()).contains("invalid  heads-do-not-divide-width", "ok       experiments/tiny-copy.yaml",
                "1 of 2 manifests valid");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void badCommandLineValuesNameThePropertyAndWhatIsExpected() {
        assertThat(run("exp", "tiny-copy", "seeds", "two")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: -Dseeds=two: expected a count (3 means seeds 1,2,3) or distinct"
                + " non-negative seeds separated by commas\n");
    }

    private int run(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("reprise.root", root.toString());
        props.put("progress", "false");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new Main(new PrintStream(out, true), new PrintStream(err, true)).execute(props);
    }
}
