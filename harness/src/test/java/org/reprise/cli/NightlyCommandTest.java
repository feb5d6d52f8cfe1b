package org.reprise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.nightly.NightlySummary;

/** The nightly end to end: record baselines from one night, then a second night passes against them. */
class NightlyCommandTest {
    @Test
    void baselinesRecordedOneNightMakeTheNextIdenticalNightPass(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("experiments"));
        Files.copy(Path.of("src/test/resources/experiments-tiny/tiny-copy.yaml"), root.resolve("experiments/tiny-copy.yaml"));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        int update = nightly(root, first, "update.baselines", "true");
        int gate = nightly(root, second);

        assertThat(update).as(first.toString()).isEqualTo(NightlySummary.PASSED);
        assertThat(first.toString()).contains("NIGHTLY INCONCLUSIVE", "NO_BASELINE", "baselines rewritten from tonight's runs: 2 bands");
        assertThat(root.resolve("ci/baselines/tiny-copy.json")).exists();
        assertThat(gate).as(second.toString()).isEqualTo(NightlySummary.PASSED);
        assertThat(second.toString()).contains("NIGHTLY PASSED: all 2 metrics equivalent to their baselines",
                "[1/2] tiny-copy/ci/seed-1  skipped: already COMPLETED");
        try (Stream<Path> nights = Files.list(root.resolve("results/nightly"))) {
            Path night = nights.findFirst().orElseThrow();
            assertThat(night.resolve("summary.txt")).content().startsWith("NIGHTLY PASSED");
            assertThat(night.resolve("tiny-copy/ci/seed-2/run.json")).exists();
        }
    }

    private static int nightly(Path root, ByteArrayOutputStream out, String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("reprise.root", root.toString());
        props.put("mode", "nightly");
        props.put("seeds", "2");
        props.put("progress", "false");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return new Main(new PrintStream(out, true), new PrintStream(out, true)).execute(props);
    }
}
