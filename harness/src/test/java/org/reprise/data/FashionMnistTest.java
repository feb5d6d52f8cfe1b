package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

class FashionMnistTest {
    @TempDir
    Path dir;

    /** Four generated gzip IDX files (60 + 10 images of 28×28) in {@code folder}, described with their content checksums. */
    private FashionMnist.Source generated(Path folder, List<Path> elsewhere) throws IOException {
        Files.createDirectories(folder);
        byte[][] contents = {Fixtures.idxImages(60, 28, 28), Fixtures.idxLabels(60), Fixtures.idxImages(10, 28, 28), Fixtures.idxLabels(10)};
        String[] names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
        DataFile[] files = new DataFile[4];
        for (int i = 0; i < 4; i++) {
            Path gz = folder.resolve(names[i] + ".gz");
            Files.write(gz, Fixtures.gzip(contents[i]));
            files[i] = new DataFile("fashion-mnist/" + names[i] + ".gz", URI.create("http://127.0.0.1:9/" + names[i]), "upstream " + names[i],
                    contents[i].length, Fixtures.sha256(contents[i]), null, true);
        }
        return new FashionMnist.Source(files[0], files[1], files[2], files[3], elsewhere);
    }

    private static DataSpec spec(Split split, Map<String, String> options) {
        return Fixtures.spec(DatasetKind.FASHION_MNIST, split, options);
    }

    @Test
    void readsGzippedIdxImagesAndLabels() throws IOException {
        generated(dir.resolve("fashion-mnist"), List.of());

        ImageSet images = Idx.readImages(dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz"),
                dir.resolve("fashion-mnist/train-labels-idx1-ubyte.gz"));

        assertThat(images.layout()).isEqualTo(ImageLayout.FASHION_MNIST);
        assertThat(images.count()).isEqualTo(60);
        assertThat(images.pixel(5, 100)).isEqualTo((3 * 5 + 100) % 256);
        assertThat(images.labels()[13]).isEqualTo((byte) 3);
    }

    @Test
    void holdsOutTheLastTrainingImagesForValidation() throws IOException {
        FashionMnist.Source source = generated(dir.resolve("fashion-mnist"), List.of());

        ImageDensityTask task = FashionMnist.open(spec(Split.VALIDATION, Map.of()), new DataStore(dir, Downloads.offline()), source);

        // 60 images: min(2,000, 60 / 2) = 30 validate
        assertThat(task.trainImages()).isEqualTo(30);
        assertThat(task.sequenceLength()).isEqualTo(784);
        assertThat(task.evalBatches(100, 7).stream().mapToLong(Batch::scoredPositions).sum()).isEqualTo(30 * 783);
        assertThat(task.evalBatches(1, 1).get(0).inputs()[0]).isEqualTo(3 * 30 % 256);
        assertThat(task.provenance().sha256()).containsOnlyKeys("train-images-idx3-ubyte (uncompressed)",
                "train-labels-idx1-ubyte (uncompressed)", "t10k-images-idx3-ubyte (uncompressed)", "t10k-labels-idx1-ubyte (uncompressed)");
    }

    @Test
    void evaluatesOnTheTenThousandTestImagesWhenAsked() throws IOException {
        FashionMnist.Source source = generated(dir.resolve("fashion-mnist"), List.of());

        ImageDensityTask task = FashionMnist.open(spec(Split.TEST, Map.of()), new DataStore(dir, Downloads.offline()), source);

        assertThat(task.evalBatches(100, 4).stream().mapToLong(Batch::scoredPositions).sum()).isEqualTo(10 * 783);
    }

    @Test
    void findsTheFilesWhereDebianInstallsThem() throws IOException {
        FashionMnist.Source source = generated(dir.resolve("usr-share"), List.of(dir.resolve("usr-share")));

        ImageDensityTask task = FashionMnist.open(spec(Split.VALIDATION, Map.of()), new DataStore(dir.resolve("empty"), Downloads.offline()), source);

        assertThat(task.provenance().description()).startsWith("Fashion-MNIST from " + dir.resolve("usr-share") + ": train = images [0, 30)");
    }

    @Test
    void rejectsATruncatedGzipNamingTheFile() throws IOException {
        FashionMnist.Source source = generated(dir.resolve("fashion-mnist"), List.of());
        Path labels = dir.resolve("fashion-mnist/t10k-labels-idx1-ubyte.gz");
        byte[] gz = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(gz, gz.length - 12));

        assertThatThrownBy(() -> FashionMnist.open(spec(Split.TEST, Map.of()), new DataStore(dir, Downloads.offline()), source))
                .hasMessage(labels + " is truncated or corrupt (Unexpected end of ZLIB input stream): delete it and fetch it again"
                        + " from upstream t10k-labels-idx1-ubyte");
    }

    @Test
    void rejectsContentWithTheWrongChecksum() throws IOException {
        FashionMnist.Source source = generated(dir.resolve("fashion-mnist"), List.of());
        Path images = dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz");
        byte[] other = Fixtures.idxImages(60, 28, 28);
        other[5000] ^= 1;
        Files.write(images, Fixtures.gzip(other));

        assertThatThrownBy(() -> FashionMnist.open(spec(Split.VALIDATION, Map.of()), new DataStore(dir, Downloads.offline()), source))
                .hasMessage(images + " has SHA-256 " + Fixtures.sha256(other) + " of uncompressed content, expected "
                        + source.trainImages().sha256() + ": delete it and fetch it again from upstream train-images-idx3-ubyte");
    }

    @Test
    void rejectsAnIdxFileWithTheWrongMagicNumber() throws IOException {
        Path file = dir.resolve("labels-as-images");
        Files.write(file, Fixtures.idxLabels(5));

        assertThatThrownBy(() -> Idx.readImages(file, file))
                .hasMessage(file + " starts with 0x00000801, expected the IDX magic number 0x00000803 (3-D unsigned bytes):"
                        + " it is not an IDX image file");
    }

    @Test
    void rejectsAnIdxFileShorterThanItsHeaderPromises() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Files.write(images, Arrays.copyOf(Fixtures.idxImages(3, 28, 28), 16 + 2 * 784));
        Files.write(labels, Fixtures.idxLabels(3));

        assertThatThrownBy(() -> Idx.readImages(images, labels))
                .hasMessage(images + " is truncated: its header promises 3 images of 28×28 (2,352 bytes) but it holds 1,568");
    }

    @Test
    void offlineListsEveryMissingFileWithItsSourceAndChecksum() {
        List<String> problems = FashionMnist.problems(new DataStore(dir, Downloads.offline()),
                new FashionMnist.Source(FashionMnist.CANONICAL.trainImages(), FashionMnist.CANONICAL.trainLabels(),
                        FashionMnist.CANONICAL.testImages(), FashionMnist.CANONICAL.testLabels(), List.of(dir.resolve("nowhere"))));

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).isEqualTo("train-images-idx3-ubyte.gz is missing: not in " + dir.resolve("fashion-mnist")
                + " or " + dir.resolve("nowhere") + ", and the download from " + FashionMnist.BASE + "train-images-idx3-ubyte.gz failed"
                + " (IOException: downloads are switched off). Put it at " + dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz")
                + " (or set -Ddata.dir); it comes from " + FashionMnist.BASE + "train-images-idx3-ubyte.gz; expected 47,040,016 bytes"
                + " (uncompressed), SHA-256 c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888.");
    }

    @Test
    void readsTheRealDebianFilesAndVerifiesTheirChecksums() {
        assumeTrue(Files.isRegularFile(FashionMnist.DEBIAN.resolve("train-images-idx3-ubyte.gz")),
                "skipped: Fashion-MNIST is not installed in " + FashionMnist.DEBIAN + " (apt-get install dataset-fashion-mnist)");

        ImageDensityTask task = FashionMnist.open(spec(Split.TEST, Map.of()), new DataStore(dir, Downloads.offline()), FashionMnist.CANONICAL);

        assertThat(task.trainImages()).isEqualTo(58_000);
        assertThat(task.evalBatches(10_000, 1_000)).hasSize(10);
        assertThat(task.provenance().description()).isEqualTo("Fashion-MNIST from " + FashionMnist.DEBIAN + ": train = images"
                + " [0, 58,000) of train-images, validation = images [58,000, 60,000), test = t10k-images; evaluated on test;"
                + " 784-byte sequences in raster order; bits/dim over the 783 predicted bytes of each image");
    }
}
