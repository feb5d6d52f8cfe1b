package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {
    private static final byte[] BODY = Fixtures.randomBytes(1, 100);
    private static final String SHA = Fixtures.sha256(BODY);

    @TempDir
    Path dir;
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/good", 200, BODY);
        serve("/truncated", 200, Arrays.copyOf(BODY, 10));
        byte[] wrong = BODY.clone();
        wrong[50] ^= 1;
        serve("/wrong", 200, wrong);
        serve("/gone", 404, new byte[0]);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private DataFile file(String path) {
        return DataFile.download("demo/file.bin", base + path, BODY.length, SHA);
    }

    private DataStore store() {
        return new DataStore(dir, Downloads.http());
    }

    private List<String> leftInDemo() throws IOException {
        try (var files = Files.list(dir.resolve("demo"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void downloadsAMissingFileChecksItAndPutsItInPlace() throws IOException {
        Path path = store().require(file("/good"), List.of());

        assertThat(path).isEqualTo(dir.resolve("demo/file.bin"));
        assertThat(Files.readAllBytes(path)).isEqualTo(BODY);
        assertThat(leftInDemo()).containsExactly("file.bin");
    }

    @Test
    void rejectsATruncatedDownloadAndKeepsNothing() throws IOException {
        assertThatThrownBy(() -> store().require(file("/truncated"), List.of()))
                .isInstanceOf(DataException.class)
                .hasMessage("file.bin is missing: not in " + dir.resolve("demo") + ", and the download from " + base + "/truncated"
                        + " failed (IOException: the downloaded file is truncated: 10 of 100 bytes). Put it at " + dir.resolve("demo/file.bin")
                        + " (or set -Ddata.dir); it comes from " + base + "/truncated; expected 100 bytes, SHA-256 " + SHA + ".");
        assertThat(leftInDemo()).isEmpty();
    }

    @Test
    void rejectsADownloadWithTheWrongChecksumAndKeepsNothing() throws IOException {
        byte[] wrong = BODY.clone();
        wrong[50] ^= 1;

        assertThatThrownBy(() -> store().require(file("/wrong"), List.of()))
                .hasMessageContaining("failed (IOException: the downloaded file has SHA-256 " + Fixtures.sha256(wrong)
                        + ", expected " + SHA + ").");
        assertThat(leftInDemo()).isEmpty();
    }

    @Test
    void reportsAnHttpErrorAndKeepsNothing() throws IOException {
        assertThatThrownBy(() -> store().require(file("/gone"), List.of()))
                .hasMessageContaining("the download from " + base + "/gone failed (IOException: HTTP 404).");
        assertThat(leftInDemo()).isEmpty();
    }

    @Test
    void offlineTheMessageSaysWhichFileWhereToPutItWhereItComesFromAndItsChecksum() {
        DataStore offline = new DataStore(dir, Downloads.offline());

        assertThatThrownBy(() -> offline.require(Enwik8.CANONICAL.zip(), List.of()))
                .hasMessage("enwik8.zip is missing: not in " + dir.resolve("enwik8") + ", and the download from"
                        + " http://mattmahoney.net/dc/enwik8.zip failed (IOException: downloads are switched off). Put it at "
                        + dir.resolve("enwik8/enwik8.zip") + " (or set -Ddata.dir); it comes from http://mattmahoney.net/dc/enwik8.zip;"
                        + " expected 36,445,475 bytes, SHA-256 547994d9980ebed1288380d652999f38a14fe291a6247c157c3d33d4932534bc.");
    }

    @Test
    void rejectsAFileOnDiskWhoseChecksumDiffersNamingIt() throws IOException {
        Path path = dir.resolve("demo/file.bin");
        Files.createDirectories(path.getParent());
        byte[] wrong = BODY.clone();
        wrong[0] ^= 1;
        Files.write(path, wrong);

        assertThatThrownBy(() -> store().require(file("/good"), List.of()))
                .hasMessage(path + " has SHA-256 " + Fixtures.sha256(wrong) + ", expected " + SHA
                        + ": delete it and fetch it again from " + base + "/good");
    }

    @Test
    void rejectsATruncatedFileOnDiskNamingIt() throws IOException {
        Path path = dir.resolve("demo/file.bin");
        Files.createDirectories(path.getParent());
        Files.write(path, Arrays.copyOf(BODY, 99));

        assertThatThrownBy(() -> store().require(file("/good"), List.of()))
                .hasMessage(path + " is truncated: 99 of 100 bytes: delete it and fetch it again from " + base + "/good");
    }

    @Test
    void findsAFileInAnotherFolderBeforeDownloading() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("system"));
        Files.write(elsewhere.resolve("file.bin"), BODY);
        DataFile unreachable = new DataFile("demo/file.bin", URI.create(base + "/gone"), "nowhere", BODY.length, SHA, null, false);

        Path found = store().require(unreachable, List.of(elsewhere));

        assertThat(found).isEqualTo(elsewhere.resolve("file.bin"));
    }
}
