package org.reprise.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.Split;

/**
 * Hutter's enwik8: the first 10^8 bytes of an English Wikipedia XML dump, distributed as
 * {@code enwik8.zip} by Matt Mahoney. Standard split (Child et al. 2019 §7.2, Al-Rfou et al.):
 * first 90M bytes train, next 5M validate, last 5M test. A prefix of enwik8 ({@code data.file})
 * is split 90/5/5 in proportion, and every report says "prefix of N bytes".
 */
public final class Enwik8 {
    /** The archive and the file inside it; tests substitute small generated ones. */
    public record Source(DataFile zip, DataFile text) {
    }

    public static final Source CANONICAL = new Source(
            DataFile.download("enwik8/enwik8.zip", "http://mattmahoney.net/dc/enwik8.zip", 36_445_475L,
                    "547994d9980ebed1288380d652999f38a14fe291a6247c157c3d33d4932534bc"),
            new DataFile("enwik8/enwik8", null, "the single entry of enwik8.zip (http://mattmahoney.net/dc/enwik8.zip)",
                    100_000_000L, "2b49720ec4d78c3c9fabaee6e4179a5e997302b3a70029f30f2d582218c024a8", null, false));

    /** enwik6 = the first 10^6 bytes, whose SHA-256 is published: every longer prefix must start with it. */
    static final int ENWIK6_BYTES = 1_000_000;
    static final String ENWIK6_SHA256 = "369b688978f649681136198fb96db14c1616756260c55fb4b65e9bc049552cad";
    /** Prefixes with a known whole-file checksum (see shared/data/README.md). */
    static final Map<Long, String> KNOWN_PREFIXES = Map.of(
            4_154_399L, "d502ac7ecb9dd47a062e7d19b8dcd3c753b07c142e48b13dcd521cb747116bdd",
            100_000_000L, "2b49720ec4d78c3c9fabaee6e4179a5e997302b3a70029f30f2d582218c024a8");

    private Enwik8() {
    }

    /** Train, validation and test ranges of an n-byte stream: boundaries ⌊0.9 n⌋ and ⌊0.95 n⌋ (90M and 95M for enwik8). */
    public static List<ByteStreamTask.Range> split(long n) {
        long trainEnd = n * 9 / 10;
        long validEnd = n * 19 / 20;
        return List.of(new ByteStreamTask.Range(0, trainEnd), new ByteStreamTask.Range(trainEnd, validEnd),
                new ByteStreamTask.Range(validEnd, n));
    }

    public static ByteStreamTask open(DataSpec spec, int length, DataStore store, Source source) {
        String prefix = spec.options().get("file");
        Path file = prefix != null ? requirePrefix(store, prefix) : requireFull(store, source);
        byte[] bytes = read(file);
        String sha = Checksums.sha256(file);
        List<ByteStreamTask.Range> ranges = split(bytes.length);
        ByteStreamTask.Range eval = spec.evalSplit() == Split.TEST ? ranges.get(2) : ranges.get(1);
        String what = prefix == null
                ? String.format(Locale.ROOT, "enwik8, %,d bytes", bytes.length)
                : String.format(Locale.ROOT, "prefix of %,d bytes of enwik8 (%s; a subset, not comparable to full-enwik8 results%s)",
                        bytes.length, file.getFileName(), bytes.length < ENWIK6_BYTES ? "; too short to check against enwik6" : "");
        String description = what + "; split 90/5/5: train " + ranges.get(0) + ", validation " + ranges.get(1)
                + ", test " + ranges.get(2) + "; evaluated on " + spec.evalSplit().key()
                + "; bytes as tokens, every position predicts the next byte";
        return new ByteStreamTask(bytes, ranges.get(0), eval, length,
                new DataProvenance(description, Map.of(file.getFileName().toString(), sha)));
    }

    /** The files a run on {@code spec} reads, checked (and downloaded when missing) without loading them. */
    public static void require(DataSpec spec, DataStore store, Source source) {
        String prefix = spec.options().get("file");
        if (prefix != null) {
            requirePrefix(store, prefix);
        } else {
            requireFull(store, source);
        }
    }

    /** The extracted enwik8, extracting (and first downloading) enwik8.zip when it is absent. */
    static Path requireFull(DataStore store, Source source) {
        Path text = store.home(source.text());
        if (!Files.isRegularFile(text)) {
            Path zip = store.require(source.zip(), List.of());
            try {
                Archives.unzip(zip, text.getParent(), name -> name.equals(source.text().fileName()));
            } catch (IOException e) {
                throw new DataException(zip + " cannot be extracted (" + e.getMessage() + "): delete it and fetch it again from "
                        + source.zip().origin(), e);
            }
            if (!Files.isRegularFile(text)) {
                throw new DataException(zip + " holds no entry '" + source.text().fileName() + "': delete it and fetch it again from "
                        + source.zip().origin());
            }
        }
        DataStore.check(text, source.text());
        return text;
    }

    /** A prefix file named by {@code data.file} (relative to the data directory), checked against what is known of enwik8. */
    static Path requirePrefix(DataStore store, String name) {
        Path file = store.resolveNamed(name);
        if (!Files.isRegularFile(file)) {
            throw new DataException("data.file: " + file + " does not exist. It should be a prefix of enwik8 (relative paths are"
                    + " read from the data directory " + store.dir() + ", set with -Ddata.dir, then from the project's shared/data folder), such as"
                    + " enwik8/enwik8-prefix-4154399 from the project's shared/data folder");
        }
        long size = size(file);
        String known = KNOWN_PREFIXES.get(size);
        if (known != null) {
            String actual = Checksums.sha256(file);
            if (!actual.equals(known)) {
                throw new DataException(file + " has SHA-256 " + actual + ", expected " + known
                        + " for the first " + String.format(Locale.ROOT, "%,d", size) + " bytes of enwik8: the file is corrupt or not a prefix of enwik8");
            }
        } else if (size > 100_000_000L) {
            throw new DataException(String.format(Locale.ROOT, "%s has %,d bytes, more than enwik8's 100,000,000: it is not a prefix of enwik8", file, size));
        } else if (size >= ENWIK6_BYTES) {
            byte[] head = new byte[ENWIK6_BYTES];
            try (var in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, ENWIK6_BYTES);
            } catch (IOException e) {
                throw new DataException(file + " cannot be read: " + e.getMessage(), e);
            }
            String actual = Checksums.sha256(head, 0, ENWIK6_BYTES);
            if (!actual.equals(ENWIK6_SHA256)) {
                throw new DataException(file + " is not a prefix of enwik8: its first 1,000,000 bytes have SHA-256 " + actual
                        + ", expected enwik6's " + ENWIK6_SHA256);
            }
        }
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
