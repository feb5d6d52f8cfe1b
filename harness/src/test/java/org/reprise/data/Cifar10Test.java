package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

class Cifar10Test {
    /** Records per generated batch file: 50 training images, split 48 / 2 like 48,000 / 2,000. */
    private static final int RECORDS = 10;

    @TempDir
    Path dir;

    private Cifar10.Source generatedSource() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            entries.put("cifar-10-batches-bin/data_batch_" + i + ".bin", Fixtures.cifarRecords((i - 1) * RECORDS, RECORDS));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", Fixtures.cifarRecords(100, RECORDS));
        entries.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
        Path upstream = Files.createDirectories(dir.resolve("upstream")).resolve("cifar-10-binary.tar.gz");
        Fixtures.tarGz(upstream, entries);
        String md5 = Checksums.digest(upstream, "MD5", false).hex();
        return Cifar10.source(new DataFile("cifar10/cifar-10-binary.tar.gz", upstream.toUri(), "upstream", Files.size(upstream),
                null, md5, false), RECORDS);
    }

    private ImageDensityTask generated(Split split, Map<String, String> options) throws IOException {
        return Cifar10.open(Fixtures.spec(DatasetKind.CIFAR10, split, options),
                new DataStore(dir.resolve("data"), Fixtures.copying()), generatedSource());
    }

    @Test
    void readsColourPlanesIntoRasterOrderWithInterleavedChannels() throws IOException {
        Path file = dir.resolve("two.bin");
        Files.write(file, Fixtures.cifarRecords(0, 2));

        ImageSet images = CifarBinary.read(file);

        ImageLayout layout = images.layout();
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.labels()).containsExactly(0, 1);
        for (int row : new int[] {0, 5, 31}) {
            for (int column : new int[] {0, 17, 31}) {
                for (int channel = 0; channel < 3; channel++) {
                    assertThat(images.pixel(1, layout.position(row, column, channel)))
                            .isEqualTo(Fixtures.cifarPixel(1, channel, row * 32 + column));
                }
            }
        }
    }

    @Test
    void givesEachPositionItsRowColumnAndChannel() {
        ImageLayout layout = ImageLayout.CIFAR10;

        assertThat(layout.size()).isEqualTo(3_072);
        assertThat(new int[] {layout.row(100), layout.column(100), layout.channel(100)}).containsExactly(1, 1, 1);
        assertThat(new int[] {layout.row(3_071), layout.column(3_071), layout.channel(3_071)}).containsExactly(31, 31, 2);
        assertThat(layout.position(1, 1, 1)).isEqualTo(100);
    }

    @Test
    void rejectsATruncatedBatchFile() throws IOException {
        Path file = dir.resolve("short.bin");
        Files.write(file, Arrays.copyOf(Fixtures.cifarRecords(0, 2), 2 * CifarBinary.RECORD_BYTES - 1));

        assertThatThrownBy(() -> CifarBinary.read(file))
                .hasMessage(file + " has 6,145 bytes, not a whole number of 3,073-byte CIFAR-10 records: it is truncated"
                        + " or not the binary version");
    }

    @Test
    void rejectsALabelOutsideTheTenClasses() throws IOException {
        Path file = dir.resolve("bad.bin");
        byte[] records = Fixtures.cifarRecords(0, 3);
        records[2 * CifarBinary.RECORD_BYTES] = (byte) 200;
        Files.write(file, records);

        assertThatThrownBy(() -> CifarBinary.read(file))
                .hasMessage(file + ": record 2 has label 200, but CIFAR-10 labels are 0–9: the file is corrupt or not the binary version");
    }

    @Test
    void extractsTheArchiveAndSplitsTrainingImagesNinetySixToFour() throws IOException {
        ImageDensityTask task = generated(Split.VALIDATION, Map.of());

        assertThat(task.trainImages()).isEqualTo(48);
        Batch validation = task.evalBatches(10, 4).get(0);
        assertThat(validation.inputs()[0]).isEqualTo(Fixtures.cifarPixel(48, 0, 0));
        assertThat(validation.inputs()[3_072]).isEqualTo(Fixtures.cifarPixel(49, 0, 0));
        assertThat(validation.scoredPositions()).isEqualTo(2 * 3_071);
        assertThat(task.provenance().sha256()).containsOnlyKeys("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin");
        assertThat(task.provenance().description()).isEqualTo("CIFAR-10 binary version: train = images [0, 48) of data_batch_1..5,"
                + " validation = images [48, 50), test = test_batch.bin; evaluated on validation; 3,072-byte sequences in raster"
                + " order with interleaved channels, (row·32 + column)·3 + channel; bits/dim over the 3,071 predicted bytes of each image");
    }

    @Test
    void evaluatesOnTheTestBatchWhenAskedAndRecordsItsChecksum() throws IOException {
        ImageDensityTask task = generated(Split.TEST, Map.of());

        assertThat(task.evalBatches(1, 1).get(0).inputs()[0]).isEqualTo(Fixtures.cifarPixel(100, 0, 0));
        assertThat(task.provenance().sha256()).containsKey("test_batch.bin").hasSize(6);
    }

    @Test
    void predictsEachNextByteAndLeavesTheLastPositionUnscored() throws IOException {
        ImageDensityTask task = generated(Split.VALIDATION, Map.of());

        Batch batch = task.trainBatch(3, 0, 2);

        for (int t = 0; t < 3_071; t++) {
            assertThat(batch.targets()[t]).isEqualTo(batch.inputs()[t + 1]);
            assertThat(batch.mask()[t]).isEqualTo(1f);
        }
        assertThat(batch.mask()[3_071]).isZero();
        assertThat(batch.scoredPositions()).isEqualTo(2 * 3_071);
    }

    @Test
    void visitsEveryTrainingImageOncePerEpochInASeededOrder() throws IOException {
        ImageDensityTask task = generated(Split.VALIDATION, Map.of());

        TreeSet<Integer> seen = new TreeSet<>();
        int[] firstEpoch = new int[48];
        for (int step = 0; step < 6; step++) {
            Batch batch = task.trainBatch(11, step, 8);
            for (int b = 0; b < 8; b++) {
                firstEpoch[step * 8 + b] = batch.inputs()[b * 3_072];
                seen.add(batch.inputs()[b * 3_072]);
            }
        }

        assertThat(seen).hasSize(48).first().isEqualTo(0);
        assertThat(seen.last()).isEqualTo(47);
        assertThat(task.trainBatch(11, 2, 8).inputs()).isEqualTo(task.trainBatch(11, 2, 8).inputs());
        assertThat(task.trainBatch(12, 0, 8).inputs()).isNotEqualTo(task.trainBatch(11, 0, 8).inputs());
        assertThat(task.trainBatch(11, 6, 8).inputs()).isNotEqualTo(task.trainBatch(11, 0, 8).inputs());
    }

    @Test
    void capsTheTrainingSetWithTrainExamples() throws IOException {
        ImageDensityTask task = generated(Split.VALIDATION, Map.of("train_examples", "10"));

        assertThat(task.trainImages()).isEqualTo(10);
        assertThat(task.provenance().description()).startsWith("CIFAR-10 binary version: train = images [0, 10) of data_batch_1..5"
                + " (capped by train_examples; the paper trains on 48), validation = images [48, 50)");
    }

    @Test
    void offlineNamesTheMissingBatchFilesAndTheArchiveTheyComeFrom() {
        DataSpec spec = Fixtures.spec(DatasetKind.CIFAR10, Split.VALIDATION, Map.of());

        assertThatThrownBy(() -> Cifar10.open(spec, new DataStore(dir, Downloads.offline()), Cifar10.CANONICAL))
                .hasMessage("data_batch_1.bin and 5 more of CIFAR-10 missing from " + dir.resolve("cifar10/cifar-10-batches-bin")
                        + "; they are extracted from cifar-10-binary.tar.gz. cifar-10-binary.tar.gz is missing: not in "
                        + dir.resolve("cifar10") + ", and the download from https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
                        + " failed (IOException: downloads are switched off). Put it at " + dir.resolve("cifar10/cifar-10-binary.tar.gz")
                        + " (or set -Ddata.dir); it comes from https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz;"
                        + " expected 170,052,171 bytes, MD5 c32a1d4ab5d03f1284b67883e8d87530.");
    }

    @Test
    void rejectsAnExtractedBatchFileOfTheWrongSize() throws IOException {
        Cifar10.Source source = generatedSource();
        DataStore store = new DataStore(dir.resolve("data"), Fixtures.copying());
        Cifar10.open(Fixtures.spec(DatasetKind.CIFAR10, Split.VALIDATION, Map.of()), store, source);
        Path third = store.home(source.trainBatches().get(2));
        Files.write(third, Arrays.copyOf(Files.readAllBytes(third), 3 * CifarBinary.RECORD_BYTES));

        assertThatThrownBy(() -> Cifar10.open(Fixtures.spec(DatasetKind.CIFAR10, Split.VALIDATION, Map.of()), store, source))
                .hasMessage(third + " is truncated: 9,219 of 30,730 bytes: delete it and fetch it again from"
                        + " cifar-10-batches-bin/data_batch_3.bin inside upstream (expected " + String.format(java.util.Locale.ROOT, "%,d",
                        Files.size(dir.resolve("upstream/cifar-10-binary.tar.gz"))) + " bytes, MD5 " + source.archive().md5() + ")");
    }

    @Test
    void readsTheRealTwoHundredRecordSampleSplitNinetySixToFour() {
        Path shared = Fixtures.sharedData();
        assumeTrue(Files.isRegularFile(shared.resolve("cifar10/data_batch_1_first200.bin")),
                "skipped: the shared CIFAR-10 sample is absent from " + shared);
        DataSpec spec = Fixtures.spec(DatasetKind.CIFAR10, Split.VALIDATION, Map.of("file", "cifar10/data_batch_1_first200.bin"));

        ImageDensityTask task = Cifar10.open(spec, new DataStore(shared, Downloads.offline()), Cifar10.CANONICAL);

        assertThat(CifarBinary.read(shared.resolve("cifar10/data_batch_1_first200.bin")).labels()).startsWith(6, 9, 9, 4, 1, 1, 2, 7, 8, 3);
        assertThat(task.trainImages()).isEqualTo(192);
        assertThat(task.evalBatches(10, 8)).hasSize(1);
        assertThat(task.provenance().sha256()).containsExactly(Map.entry("data_batch_1_first200.bin",
                "7c9859cebcbdb4fa86c8bc1aca912d9d6549379aab3719046c304b53c884ecb0"));
        assertThat(task.provenance().description()).startsWith("sample of CIFAR-10: 200 records of data_batch_1_first200.bin (a subset,"
                + " not comparable to full CIFAR-10 results); train = records [0, 192), validation = records [192, 200)");
    }

    @Test
    void refusesTheTestSplitForASingleSampleFile() throws IOException {
        Files.write(dir.resolve("sample.bin"), Fixtures.cifarRecords(0, 25));
        DataSpec spec = Fixtures.spec(DatasetKind.CIFAR10, Split.TEST, Map.of("file", "sample.bin"));

        assertThatThrownBy(() -> Cifar10.open(spec, new DataStore(dir, Downloads.offline()), Cifar10.CANONICAL))
                .hasMessage("data.split: test needs CIFAR-10's test_batch.bin, but data.file names a single batch file ("
                        + dir.resolve("sample.bin") + "); evaluate on validation or drop data.file");
    }
}
