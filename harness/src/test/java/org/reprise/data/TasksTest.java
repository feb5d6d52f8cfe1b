package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

class TasksTest {
    @TempDir
    Path dir;

    @Test
    void preflightFindsNothingToFetchForGeneratedTasks() {
        DataStore offline = new DataStore(dir, Downloads.offline());

        assertThat(Tasks.preflight(Fixtures.spec(DatasetKind.COPY, Split.VALIDATION, Map.of()), offline)).isEmpty();
        assertThat(Tasks.preflight(Fixtures.spec(DatasetKind.LISTOPS, Split.VALIDATION, Map.of()), offline)).isEmpty();
    }

    @Test
    void preflightReportsAMissingDatasetWithTheFullMessage() {
        DataStore offline = new DataStore(dir, Downloads.offline());

        List<String> problems = Tasks.preflight(Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of()), offline);

        assertThat(problems).containsExactly("enwik8.zip is missing: not in " + dir.resolve("enwik8") + ", and the download from"
                + " http://mattmahoney.net/dc/enwik8.zip failed (IOException: downloads are switched off). Put it at "
                + dir.resolve("enwik8/enwik8.zip") + " (or set -Ddata.dir); it comes from http://mattmahoney.net/dc/enwik8.zip;"
                + " expected 36,445,475 bytes, SHA-256 547994d9980ebed1288380d652999f38a14fe291a6247c157c3d33d4932534bc.");
    }

    @Test
    void preflightPassesForTheSharedPrefixWhenPresent() {
        Path shared = Fixtures.sharedData();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(shared.resolve("enwik8")),
                "skipped: no shared data in " + shared);

        assertThat(Tasks.preflight(Fixtures.spec(DatasetKind.ENWIK8, Split.TEST, Map.of("file", "enwik8/enwik8-prefix-4154399")),
                new DataStore(shared, Downloads.offline()))).isEmpty();
    }
}
