package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
    @TempDir
    Path dir;

    @Test
    void extractsTheWantedZipEntries() throws IOException {
        Path zip = dir.resolve("a.zip");
        Fixtures.zip(zip, Map.of("enwik8", new byte[] {1, 2, 3}, "other", new byte[] {4}));

        var out = Archives.unzip(zip, dir.resolve("out"), "enwik8"::equals);

        assertThat(out).containsExactly(dir.resolve("out/enwik8"));
        assertThat(Files.readAllBytes(dir.resolve("out/enwik8"))).containsExactly(1, 2, 3);
        assertThat(dir.resolve("out/other")).doesNotExist();
    }

    @Test
    void refusesAZipEntryThatWouldLandOutsideTheFolder() throws IOException {
        Path zip = dir.resolve("evil.zip");
        Fixtures.zip(zip, Map.of("../escaped", new byte[] {1}));

        assertThatThrownBy(() -> Archives.unzip(zip, dir.resolve("out"), name -> true))
                .isInstanceOf(DataException.class)
                .hasMessage(zip + ": entry '../escaped' would land outside " + dir.resolve("out") + "; refusing to extract it");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void refusesATarEntryWithAnAbsolutePathOrParentSteps() throws IOException {
        Path tgz = dir.resolve("evil.tar.gz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/ok.bin", new byte[] {1});
        entries.put("cifar-10-batches-bin/../../escaped.bin", new byte[] {2});
        Fixtures.tarGz(tgz, entries);

        assertThatThrownBy(() -> Archives.untarGz(tgz, dir.resolve("out"), name -> true))
                .hasMessage(tgz + ": entry 'cifar-10-batches-bin/../../escaped.bin' would land outside " + dir.resolve("out")
                        + "; refusing to extract it");
        assertThat(dir.resolve("escaped.bin")).doesNotExist();
    }

    @Test
    void extractsTheWantedTarEntries() throws IOException {
        Path tgz = dir.resolve("ok.tar.gz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/data_batch_1.bin", new byte[] {7, 8});
        entries.put("cifar-10-batches-bin/readme.html", new byte[] {9});
        Fixtures.tarGz(tgz, entries);

        var out = Archives.untarGz(tgz, dir, name -> name.endsWith(".bin"));

        assertThat(out).containsExactly(dir.resolve("cifar-10-batches-bin/data_batch_1.bin"));
        assertThat(Files.readAllBytes(out.get(0))).containsExactly(7, 8);
    }
}
