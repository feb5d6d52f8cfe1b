package org.reprise.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.Split;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60,000 + 10,000 grey 28×28 images in IDX files,
 * modelled as 784-byte sequences — a real, complete image set small enough for CPU-budget density
 * modelling. Split: the first 58,000 training images train, the last 2,000 validate (mirroring
 * Child et al.'s 2,000-image CIFAR-10 validation set), the 10,000 t10k images test.
 *
 * <p>Files are looked for in {@code <data dir>/fashion-mnist/}, then where Debian's
 * {@code dataset-fashion-mnist} installs them, then downloaded. Their checksums describe the
 * uncompressed content, since Debian and Zalando gzip the same bytes differently.
 */
public final class FashionMnist {
    /** The four IDX files; tests substitute small generated ones. */
    public record Source(DataFile trainImages, DataFile trainLabels, DataFile testImages, DataFile testLabels, List<Path> elsewhere) {
        List<DataFile> all() {
            return List.of(trainImages, trainLabels, testImages, testLabels);
        }
    }

    public static final int VALIDATION_IMAGES = 2_000;
    public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    static final String BASE = "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/";

    public static final Source CANONICAL = new Source(
            file("train-images-idx3-ubyte", 47_040_016L, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            file("train-labels-idx1-ubyte", 60_008L, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            file("t10k-images-idx3-ubyte", 7_840_016L, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            file("t10k-labels-idx1-ubyte", 10_008L, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of(DEBIAN));

    private FashionMnist() {
    }

    private static DataFile file(String name, long size, String sha256) {
        String url = BASE + name + ".gz";
        return new DataFile("fashion-mnist/" + name + ".gz", java.net.URI.create(url), url, size, sha256, null, true);
    }

    public static ImageDensityTask open(DataSpec spec, DataStore store, Source source) {
        Map<String, String> sha = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (DataFile file : source.all()) {
            Path path = store.require(file, source.elsewhere());
            paths.add(path);
            sha.put(file.fileName().replace(".gz", "") + " (uncompressed)", file.sha256() != null ? file.sha256()
                    : Checksums.digest(path, "SHA-256", true).hex());
        }
        ImageSet all = Idx.readImages(paths.get(0), paths.get(1));
        int trainEnd = all.count() - Math.min(VALIDATION_IMAGES, all.count() / 2);
        int cap = spec.intOption("train_examples", Integer.MAX_VALUE);
        ImageSet train = all.slice(0, Math.min(trainEnd, cap));
        ImageSet eval = spec.evalSplit() == Split.TEST ? Idx.readImages(paths.get(2), paths.get(3)) : all.slice(trainEnd, all.count());
        String description = String.format(Locale.ROOT, "Fashion-MNIST from %s: train = images [0, %,d) of train-images%s,"
                + " validation = images [%,d, %,d), test = t10k-images; evaluated on %s; 784-byte sequences in raster order;"
                + " bits/dim over the 783 predicted bytes of each image",
                paths.get(0).getParent(), train.count(),
                train.count() < trainEnd ? String.format(Locale.ROOT, " (capped by train_examples, of %,d)", trainEnd) : "",
                trainEnd, all.count(), spec.evalSplit().key());
        return new ImageDensityTask(train, eval, new DataProvenance(description, sha));
    }

    /** One message per missing or corrupt file (each downloaded first when possible). */
    public static List<String> problems(DataStore store, Source source) {
        List<String> problems = new ArrayList<>();
        for (DataFile file : source.all()) {
            try {
                store.require(file, source.elsewhere());
            } catch (DataException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
