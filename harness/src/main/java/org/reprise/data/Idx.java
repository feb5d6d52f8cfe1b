package org.reprise.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST's IDX format (LeCun et al.), as Fashion-MNIST ships it: a big-endian header — magic
 * 0x00000801 (labels, 1-D) or 0x00000803 (images, 3-D), then the dimension sizes as 32-bit
 * integers — followed by unsigned bytes. Files ending in {@code .gz} are gunzipped on the way in.
 */
public final class Idx {
    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_MAGIC = 0x00000803;

    private Idx() {
    }

    /** Images as sequences in row-major order (one channel). */
    public static ImageSet readImages(Path images, Path labels) {
        byte[] raw = read(images);
        int[] dims = header(images, raw, IMAGES_MAGIC, 3);
        ImageLayout layout = new ImageLayout(dims[1], dims[2], 1);
        byte[] pixels = body(images, raw, 16, (long) dims[0] * layout.size(), dims[0] + " images of " + dims[1] + "×" + dims[2]);
        byte[] labelBytes = readLabels(labels);
        if (labelBytes.length != dims[0]) {
            throw new DataException(String.format(Locale.ROOT, "%s holds %,d labels but %s holds %,d images: they do not belong together",
                    labels, labelBytes.length, images, dims[0]));
        }
        return new ImageSet(layout, pixels, labelBytes);
    }

    public static byte[] readLabels(Path labels) {
        byte[] raw = read(labels);
        int[] dims = header(labels, raw, LABELS_MAGIC, 1);
        return body(labels, raw, 8, dims[0], dims[0] + " labels");
    }

    private static int[] header(Path file, byte[] raw, int magic, int rank) {
        int headerBytes = 4 + 4 * rank;
        if (raw.length < 4) {
            throw new DataException(String.format(Locale.ROOT, "%s is truncated: %,d bytes, shorter than the %d-byte IDX header",
                    file, raw.length, headerBytes));
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int found = buffer.getInt();
        if (found != magic) {
            throw new DataException(String.format(Locale.ROOT, "%s starts with 0x%08X, expected the IDX magic number 0x%08X (%s):"
                    + " it is not an IDX %s file", file, found, magic, rank == 1 ? "1-D unsigned bytes" : "3-D unsigned bytes",
                    rank == 1 ? "label" : "image"));
        }
        if (raw.length < headerBytes) {
            throw new DataException(String.format(Locale.ROOT, "%s is truncated: %,d bytes, shorter than the %d-byte IDX header",
                    file, raw.length, headerBytes));
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
        }
        return dims;
    }

    private static byte[] body(Path file, byte[] raw, int offset, long expected, String what) {
        long actual = raw.length - offset;
        if (actual != expected) {
            throw new DataException(String.format(Locale.ROOT, "%s is %s: its header promises %s (%,d bytes) but it holds %,d",
                    file, actual < expected ? "truncated" : "too long", what, expected, actual));
        }
        return java.util.Arrays.copyOfRange(raw, offset, raw.length);
    }

    private static byte[] read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataException(file + " cannot be read" + (file.toString().endsWith(".gz") ? " as gzip" : "") + ": "
                    + e.getMessage(), e);
        }
    }
}
