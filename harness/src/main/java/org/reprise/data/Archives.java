package org.reprise.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts zip and tar.gz archives, refusing any entry whose name would place it outside the
 * target folder ("zip slip": {@code ../x}, absolute paths). Each entry is written to a temporary
 * file and renamed into place, so an interrupted extraction leaves no truncated file.
 */
public final class Archives {
    private Archives() {
    }

    /** Extracts the regular-file entries of a zip archive that {@code wanted} accepts; returns their paths. */
    public static List<Path> unzip(Path archive, Path folder, Predicate<String> wanted) throws IOException {
        List<Path> out = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = inside(archive, folder, entry.getName());
                if (!entry.isDirectory() && wanted.test(entry.getName())) {
                    write(zip, target);
                    out.add(target);
                }
            }
        }
        return out;
    }

    /** Extracts the regular-file entries of a gzip-compressed tar archive that {@code wanted} accepts. */
    public static List<Path> untarGz(Path archive, Path folder, Predicate<String> wanted) throws IOException {
        List<Path> out = new ArrayList<>();
        try (InputStream gz = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = inside(archive, folder, entry.getName());
                if (entry.isFile() && wanted.test(entry.getName())) {
                    write(tar, target);
                    out.add(target);
                }
            }
        }
        return out;
    }

    /** {@code folder/name}, or a refusal when that would lie outside {@code folder}. */
    static Path inside(Path archive, Path folder, String name) {
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new DataException(archive + ": entry '" + name + "' would land outside " + base + "; refusing to extract it");
        }
        return target;
    }

    private static void write(InputStream in, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
