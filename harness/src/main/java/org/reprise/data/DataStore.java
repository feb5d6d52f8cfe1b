package org.reprise.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data directory: finds a dataset's files there (or in a few well-known places), checks them,
 * and downloads what is missing. Every failure is a {@link DataException} that names the file,
 * where to put it, where it comes from and what it must hash to.
 */
public final class DataStore {
    private final Path dir;
    private final Downloads.Fetcher fetcher;

    /**
     * @param dir     the data directory ({@code -Ddata.dir}); need not exist yet
     * @param fetcher how missing files are downloaded ({@link Downloads#http()} in production)
     */
    public DataStore(Path dir, Downloads.Fetcher fetcher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.fetcher = fetcher;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The project's read-only shared data folder ({@code <repository>/../shared/data}), where the
     * project's machines keep real pieces of enwik8 and CIFAR-10 for offline runs; empty elsewhere.
     */
    public static List<Path> sharedFolders() {
        String root = System.getProperty("reprise.root");
        if (root == null) {
            return List.of();
        }
        Path shared = Path.of(root).resolve("../shared/data").normalize();
        return Files.isDirectory(shared) ? List.of(shared) : List.of();
    }

    /**
     * A file named relative to the data directory ({@code data.file} in a manifest): the data
     * directory's copy if there is one, else the shared folder's, else the data-directory path
     * (which does not exist, for the caller's error message).
     */
    public Path resolveNamed(String name) {
        Path own = dir.resolve(name).normalize();
        if (Files.isRegularFile(own)) {
            return own;
        }
        return sharedFolders().stream().map(f -> f.resolve(name).normalize()).filter(Files::isRegularFile).findFirst().orElse(own);
    }

    /** Where {@code file} lives in this data directory (whether or not it is there). */
    public Path home(DataFile file) {
        return dir.resolve(file.name());
    }

    /** The first existing copy of {@code file}: in the data directory, else in {@code elsewhere} (folders). */
    public Optional<Path> find(DataFile file, List<Path> elsewhere) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(home(file));
        elsewhere.forEach(folder -> candidates.add(folder.resolve(file.fileName())));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * A verified copy of {@code file}, downloaded into the data directory when no copy exists.
     *
     * @throws DataException when a copy is corrupt, or none exists and none can be downloaded
     */
    public Path require(DataFile file, List<Path> elsewhere) {
        Optional<Path> found = find(file, elsewhere);
        if (found.isPresent()) {
            check(found.get(), file);
            return found.get();
        }
        Path home = home(file);
        if (file.source() == null) {
            throw new DataException(missing(file, elsewhere) + ". " + whereToPut(file));
        }
        try {
            Downloads.fetch(fetcher, file, home);
        } catch (IOException e) {
            throw new DataException(missing(file, elsewhere) + ", and the download from " + file.source() + " failed ("
                    + describe(e) + "). " + whereToPut(file), e);
        }
        return home;
    }

    /** @throws DataException naming {@code path} when it does not match {@code file}'s size and checksums */
    public static void check(Path path, DataFile file) {
        problem(path, file).ifPresent(p -> {
            throw new DataException(path + " " + p + ": delete it and fetch it again from " + file.origin());
        });
    }

    /** What is wrong with {@code path} as a copy of {@code file} ("is truncated: 10 of 20 bytes"), if anything. */
    static Optional<String> problem(Path path, DataFile file) {
        long size;
        Checksums.Digest sha = null;
        try {
            if (file.gzip()) {
                sha = Checksums.digest(path, "SHA-256", true);
                size = sha.bytes();
            } else {
                size = Files.size(path);
            }
        } catch (DataException e) {
            return Optional.of("is truncated or corrupt (" + e.getCause().getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String content = file.gzip() ? " of uncompressed content" : "";
        if (file.size() >= 0 && size < file.size()) {
            return Optional.of(String.format(Locale.ROOT, "is truncated: %,d of %,d bytes%s", size, file.size(), content));
        }
        if (file.size() >= 0 && size > file.size()) {
            return Optional.of(String.format(Locale.ROOT, "has %,d bytes%s, expected %,d", size, content, file.size()));
        }
        if (file.sha256() != null) {
            String actual = sha != null ? sha.hex() : Checksums.digest(path, "SHA-256", false).hex();
            if (!actual.equals(file.sha256())) {
                return Optional.of("has SHA-256 " + actual + content + ", expected " + file.sha256());
            }
        }
        if (file.md5() != null) {
            String actual = Checksums.digest(path, "MD5", file.gzip()).hex();
            if (!actual.equals(file.md5())) {
                return Optional.of("has MD5 " + actual + content + ", expected " + file.md5());
            }
        }
        return Optional.empty();
    }

    private String missing(DataFile file, List<Path> elsewhere) {
        StringBuilder text = new StringBuilder(file.fileName()).append(" is missing: not in ").append(home(file).getParent());
        elsewhere.forEach(folder -> text.append(" or ").append(folder));
        return text.toString();
    }

    private String whereToPut(DataFile file) {
        return "Put it at " + home(file) + " (or set -Ddata.dir); it comes from " + file.origin() + "; " + file.expectation() + ".";
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
