package org.reprise.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

/** Small files in the real formats (CIFAR binary, IDX, zip, tar.gz), and where the shared real files are. */
final class Fixtures {
    private Fixtures() {
    }

    /** The project's shared/data folder (beside the repository root). */
    static Path sharedData() {
        return Path.of(System.getProperty("reprise.root", ".")).resolve("../shared/data").toAbsolutePath().normalize();
    }

    static byte[] randomBytes(long seed, int n) {
        byte[] bytes = new byte[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return Checksums.sha256(bytes, 0, bytes.length);
    }

    static DataSpec spec(DatasetKind kind, Split split, Map<String, String> options) {
        return new DataSpec(kind, split, options);
    }

    /**
     * CIFAR binary records whose pixel bytes encode where they are: record i, channel c, plane
     * position p holds (i + 7c + p) mod 256, and the label is i mod 10.
     */
    static byte[] cifarRecords(int first, int count) {
        byte[] out = new byte[count * CifarBinary.RECORD_BYTES];
        for (int r = 0; r < count; r++) {
            int i = first + r;
            int base = r * CifarBinary.RECORD_BYTES;
            out[base] = (byte) (i % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    out[base + 1 + c * 1024 + p] = (byte) cifarPixel(i, c, p);
                }
            }
        }
        return out;
    }

    static int cifarPixel(int image, int channel, int planePosition) {
        return (image + 7 * channel + planePosition) % 256;
    }

    /** An IDX image file of {@code count} images of rows×cols, pixel (i, p) = (3i + p) mod 256. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.putInt(Idx.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                buffer.put((byte) ((3 * i + p) % 256));
            }
        }
        return buffer.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(Idx.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % 10));
        }
        return buffer.array();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    static void zip(Path archive, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    static void tarGz(Path archive, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive);
             GZIPOutputStream gz = new GZIPOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (var entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey(), true);
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
    }

    /** A fetcher that "downloads" by copying local files: source URIs are file: URIs. */
    static Downloads.Fetcher copying() {
        return (source, target) -> Files.copy(Path.of(source), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
