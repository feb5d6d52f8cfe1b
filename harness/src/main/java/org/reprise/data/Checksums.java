package org.reprise.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Hashes of data files, computed once per file version: the cache key is (path, size, mtime), so a
 * replaced file is hashed again while a sweep of many runs over enwik8 hashes it once.
 */
public final class Checksums {
    /** What was hashed: the file's bytes, or the bytes inside a gzip file. */
    public record Digest(String hex, long bytes) {
    }

    private record Key(Path path, long size, FileTime modified, String algorithm, boolean gunzip) {
    }

    private static final Map<Key, Digest> CACHE = new ConcurrentHashMap<>();

    private Checksums() {
    }

    /** SHA-256 of the file's bytes, lower-case hex. */
    public static String sha256(Path file) {
        return digest(file, "SHA-256", false).hex();
    }

    /**
     * Digest and byte count of a file's content; with {@code gunzip} of its decompressed content.
     *
     * @throws DataException when the file cannot be read or is not valid gzip
     */
    public static Digest digest(Path file, String algorithm, boolean gunzip) {
        try {
            Path real = file.toAbsolutePath().normalize();
            Key key = new Key(real, Files.size(real), Files.getLastModifiedTime(real), algorithm, gunzip);
            Digest cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            Digest fresh;
            try (InputStream raw = Files.newInputStream(real);
                 InputStream in = gunzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                fresh = digest(in, algorithm);
            }
            CACHE.put(key, fresh);
            return fresh;
        } catch (IOException e) {
            throw new DataException(file + " cannot be read" + (gunzip ? " as gzip" : "") + ": " + e.getMessage(), e);
        }
    }

    static Digest digest(InputStream in, String algorithm) throws IOException {
        MessageDigest md = messageDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
            total += n;
        }
        return new Digest(HexFormat.of().formatHex(md.digest()), total);
    }

    public static String sha256(byte[] bytes, int offset, int length) {
        MessageDigest md = messageDigest("SHA-256");
        md.update(bytes, offset, length);
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("the JVM has no " + algorithm, e));
        }
    }
}
