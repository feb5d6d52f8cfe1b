package org.reprise.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.Split;

/**
 * CIFAR-10, binary version (Krizhevsky 2009), split as Child et al. 2019 §7.1: the first 48,000 of
 * the 50,000 training images (data_batch_1 … 5 in order) train, the last 2,000 validate, and the
 * 10,000 of test_batch test. With {@code data.file} one batch file (such as the 200-record sample in
 * shared/data) is split in the same 96/4 proportion and there is no test set.
 */
public final class Cifar10 {
    /** The archive and the six batch files extracted from it; tests substitute small generated ones. */
    public record Source(DataFile archive, List<DataFile> trainBatches, DataFile testBatch) {
    }

    static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    static final String FOLDER = "cifar10/cifar-10-batches-bin/";
    public static final Source CANONICAL = source(
            new DataFile("cifar10/cifar-10-binary.tar.gz", java.net.URI.create(URL), URL, 170_052_171L, null,
                    "c32a1d4ab5d03f1284b67883e8d87530", false), 10_000);

    /** Sample files with a known checksum, by size (see shared/data/README.md). */
    static final Map<Long, String> KNOWN_SAMPLES = Map.of(
            614_600L, "7c9859cebcbdb4fa86c8bc1aca912d9d6549379aab3719046c304b53c884ecb0");

    private Cifar10() {
    }

    /** The six batch files of {@code records} records each, as extracted from {@code archive}. */
    public static Source source(DataFile archive, int records) {
        List<DataFile> train = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            train.add(batch(archive, "data_batch_" + i + ".bin", records));
        }
        return new Source(archive, train, batch(archive, "test_batch.bin", records));
    }

    private static DataFile batch(DataFile archive, String name, int records) {
        // Only the archive's MD5 is published; the batch files are checked by size and their SHA-256 recorded.
        return new DataFile(FOLDER + name, null, "cifar-10-batches-bin/" + name + " inside " + archive.origin()
                + " (" + archive.expectation() + ")", (long) records * CifarBinary.RECORD_BYTES, null, null, false);
    }

    public static ImageDensityTask open(DataSpec spec, DataStore store, Source source) {
        Map<String, String> sha = new LinkedHashMap<>();
        String file = spec.options().get("file");
        int cap = spec.intOption("train_examples", Integer.MAX_VALUE);
        if (file != null) {
            Path path = requireSample(spec, store);
            ImageSet all = CifarBinary.read(path);
            sha.put(path.getFileName().toString(), Checksums.sha256(path));
            int trainEnd = all.count() * 24 / 25;
            ImageSet train = all.slice(0, Math.min(trainEnd, cap));
            String description = String.format(Locale.ROOT, "sample of CIFAR-10: %,d records of %s (a subset, not comparable to"
                    + " full CIFAR-10 results); train = records [0, %,d), validation = records [%,d, %,d) (the paper's 96/4 proportion)",
                    all.count(), path.getFileName(), train.count(), trainEnd, all.count());
            return new ImageDensityTask(train, all.slice(trainEnd, all.count()), provenance(description, spec, sha));
        }
        List<Path> paths = require(spec, store, source);
        List<ImageSet> parts = new ArrayList<>();
        for (Path path : paths.subList(0, 5)) {
            parts.add(CifarBinary.read(path));
            sha.put(path.getFileName().toString(), Checksums.sha256(path));
        }
        ImageSet all = ImageSet.concat(parts);
        int trainEnd = all.count() - all.count() / 25;
        ImageSet eval;
        if (spec.evalSplit() == Split.TEST) {
            Path test = paths.get(5);
            eval = CifarBinary.read(test);
            sha.put(test.getFileName().toString(), Checksums.sha256(test));
        } else {
            eval = all.slice(trainEnd, all.count());
        }
        ImageSet train = all.slice(0, Math.min(trainEnd, cap));
        String description = String.format(Locale.ROOT, "CIFAR-10 binary version: train = images [0, %,d) of data_batch_1..5%s,"
                + " validation = images [%,d, %,d), test = test_batch.bin", train.count(),
                train.count() < trainEnd ? String.format(Locale.ROOT, " (capped by train_examples; the paper trains on %,d)", trainEnd) : "",
                trainEnd, all.count());
        return new ImageDensityTask(train, eval, provenance(description, spec, sha));
    }

    private static DataProvenance provenance(String description, DataSpec spec, Map<String, String> sha) {
        return new DataProvenance(description + "; evaluated on " + spec.evalSplit().key()
                + "; 3,072-byte sequences in raster order with interleaved channels, (row·32 + column)·3 + channel;"
                + " bits/dim over the 3,071 predicted bytes of each image", sha);
    }

    /**
     * The batch files a run reads (five training batches, then the test batch), extracted from the
     * archive (downloaded first if need be) when any is missing.
     */
    public static List<Path> require(DataSpec spec, DataStore store, Source source) {
        if (spec.options().containsKey("file")) {
            return List.of(requireSample(spec, store));
        }
        List<DataFile> files = new ArrayList<>(source.trainBatches());
        files.add(source.testBatch());
        List<DataFile> missing = files.stream().filter(f -> !Files.isRegularFile(store.home(f))).toList();
        if (!missing.isEmpty()) {
            Path archive;
            try {
                archive = store.require(source.archive(), List.of());
            } catch (DataException e) {
                throw new DataException(missing.get(0).fileName() + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more" : "")
                        + " of CIFAR-10 missing from " + store.home(missing.get(0)).getParent() + "; they are extracted from "
                        + source.archive().fileName() + ". " + e.getMessage(), e);
            }
            try {
                Archives.untarGz(archive, store.home(source.archive()).getParent(),
                        name -> name.startsWith("cifar-10-batches-bin/") && name.endsWith(".bin"));
            } catch (IOException e) {
                throw new DataException(archive + " cannot be extracted (" + e.getMessage() + "): delete it and fetch it again from "
                        + source.archive().origin(), e);
            }
        }
        List<Path> out = new ArrayList<>();
        for (DataFile file : files) {
            Path path = store.home(file);
            if (!Files.isRegularFile(path)) {
                throw new DataException(source.archive().fileName() + " holds no " + file.name().substring("cifar10/".length())
                        + ": delete it and fetch it again from " + source.archive().origin());
            }
            DataStore.check(path, file);
            out.add(path);
        }
        return out;
    }

    private static Path requireSample(DataSpec spec, DataStore store) {
        Path path = store.resolveNamed(spec.options().get("file"));
        if (!Files.isRegularFile(path)) {
            throw new DataException("data.file: " + path + " does not exist. It should be a CIFAR-10 binary batch file (relative"
                    + " paths are read from the data directory " + store.dir() + ", set with -Ddata.dir, then from the project's shared/data folder), such as"
                    + " cifar10/data_batch_1_first200.bin from the project's shared/data folder");
        }
        String known = KNOWN_SAMPLES.get(size(path));
        if (known != null && !known.equals(Checksums.sha256(path))) {
            throw new DataException(path + " has SHA-256 " + Checksums.sha256(path) + ", expected " + known
                    + " (the first records of data_batch_1.bin): the file is corrupt");
        }
        if (spec.evalSplit() == Split.TEST) {
            throw new DataException("data.split: test needs CIFAR-10's test_batch.bin, but data.file names a single batch file ("
                    + path + "); evaluate on validation or drop data.file");
        }
        return path;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new DataException(path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
