package org.reprise.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Downloads into a temporary file beside the target, checks it, then renames it into place, so a
 * reader never sees a half-downloaded file and a failed download leaves nothing behind.
 */
public final class Downloads {
    /** Copies the resource at a URI into a file. */
    @FunctionalInterface
    public interface Fetcher {
        void fetch(URI source, Path target) throws IOException;
    }

    private Downloads() {
    }

    /** Plain HTTP(S) with redirects (GitHub raw URLs redirect) and a 30 s connect timeout. */
    public static Fetcher http() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return (source, target) -> {
            try {
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(source).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(target));
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    /** A fetcher for machines without network: every download fails, saying so. */
    public static Fetcher offline() {
        return (source, target) -> {
            throw new IOException("downloads are switched off");
        };
    }

    /**
     * Downloads {@code file} to {@code target}, verified against its size and checksums.
     *
     * @throws IOException when the download fails or does not match; {@code target} is then untouched
     *                     and no temporary file remains
     */
    static void fetch(Fetcher fetcher, DataFile file, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, "." + file.fileName() + ".", ".part");
        try {
            fetcher.fetch(file.source(), part);
            var problem = DataStore.problem(part, file);
            if (problem.isPresent()) {
                throw new IOException("the downloaded file " + problem.get());
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
