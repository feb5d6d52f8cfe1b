package org.reprise.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the binary version of CIFAR-10: records of 1 label byte (0–9) followed by 1,024 red, 1,024
 * green and 1,024 blue bytes, each plane row-major 32×32. Planes are interleaved into
 * {@link ImageLayout#CIFAR10} order on the way in.
 */
public final class CifarBinary {
    public static final int RECORD_BYTES = 1 + 3 * 1024;

    private CifarBinary() {
    }

    /** Every record of {@code file}. @throws DataException when the file is not a whole number of valid records */
    public static ImageSet read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (raw.length == 0 || raw.length % RECORD_BYTES != 0) {
            throw new DataException(String.format(Locale.ROOT,
                    "%s has %,d bytes, not a whole number of %,d-byte CIFAR-10 records: it is truncated or not the binary version",
                    file, raw.length, RECORD_BYTES));
        }
        int count = raw.length / RECORD_BYTES;
        ImageLayout layout = ImageLayout.CIFAR10;
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * layout.size()];
        for (int i = 0; i < count; i++) {
            int record = i * RECORD_BYTES;
            labels[i] = raw[record];
            if ((raw[record] & 0xFF) > 9) {
                throw new DataException(String.format(Locale.ROOT,
                        "%s: record %,d has label %d, but CIFAR-10 labels are 0–9: the file is corrupt or not the binary version",
                        file, i, raw[record] & 0xFF));
            }
            for (int channel = 0; channel < 3; channel++) {
                for (int p = 0; p < 1024; p++) {
                    pixels[i * layout.size() + layout.position(p / 32, p % 32, channel)] = raw[record + 1 + channel * 1024 + p];
                }
            }
        }
        return new ImageSet(layout, pixels, labels);
    }
}
