package org.reprise.data;

import java.net.URI;
import java.util.Locale;

/**
 * A file a dataset reads, with everything needed to find, fetch and check it.
 *
 * @param name   path under the data directory, '/'-separated (e.g. {@code enwik8/enwik8.zip})
 * @param source where to download it from, or null when it is not downloaded directly (extracted from an archive)
 * @param origin where it comes from, for people (a URL, or "data_batch_1.bin inside cifar-10-binary.tar.gz from …")
 * @param size   expected size in bytes, or −1 when not known
 * @param sha256 expected SHA-256 (lower-case hex), or null when not known
 * @param md5    expected MD5 (lower-case hex), or null when not known (CIFAR-10 publishes only an MD5)
 * @param gzip   whether {@code size} and the hashes describe the gunzipped content rather than the file
 */
public record DataFile(String name, URI source, String origin, long size, String sha256, String md5, boolean gzip) {

    /** A file downloaded as is from {@code source}. */
    public static DataFile download(String name, String source, long size, String sha256) {
        return new DataFile(name, URI.create(source), source, size, sha256, null, false);
    }

    /** The file name without its folder. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** "expected 36,445,475 bytes, SHA-256 5479…" — what a correct copy looks like. */
    public String expectation() {
        StringBuilder text = new StringBuilder("expected ");
        String content = gzip ? " (uncompressed)" : "";
        if (size >= 0) {
            text.append(String.format(Locale.ROOT, "%,d bytes%s", size, content));
        }
        if (sha256 != null) {
            text.append(size >= 0 ? ", " : "").append("SHA-256 ").append(sha256).append(size >= 0 ? "" : content);
        }
        if (md5 != null) {
            text.append(size >= 0 || sha256 != null ? ", " : "").append("MD5 ").append(md5);
        }
        return text.length() == "expected ".length() ? "no published checksum" : text.toString();
    }
}
