package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.data.ByteStreamTask.Range;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

class Enwik8Test {
    private static final int N = 3_000;

    @TempDir
    Path dir;

    /** Bytes below 128 in the first 90 % (training), 128 and above after, so a window shows where it came from. */
    private byte[] marked() {
        byte[] bytes = Fixtures.randomBytes(5, N);
        for (int i = 0; i < N; i++) {
            bytes[i] = (byte) (i < N * 9 / 10 ? bytes[i] & 0x7F : bytes[i] | 0x80);
        }
        return bytes;
    }

    private ByteStreamTask prefixTask(byte[] bytes, Split split, int length) throws IOException {
        Files.write(dir.resolve("tiny-prefix"), bytes);
        DataSpec spec = Fixtures.spec(DatasetKind.ENWIK8, split, Map.of("file", "tiny-prefix"));
        return Enwik8.open(spec, length, new DataStore(dir, Downloads.offline()), Enwik8.CANONICAL);
    }

    @Test
    void splitsEnwik8IntoTheStandardNinetyFiveFiveMillionBytes() {
        assertThat(Enwik8.split(100_000_000L)).containsExactly(new Range(0, 90_000_000L),
                new Range(90_000_000L, 95_000_000L), new Range(95_000_000L, 100_000_000L));
    }

    @Test
    void splitsAPrefixNinetyFiveFiveInProportionAsTheSharedReadmeStates() {
        assertThat(Enwik8.split(4_154_399L)).containsExactly(new Range(0, 3_738_959L),
                new Range(3_738_959L, 3_946_679L), new Range(3_946_679L, 4_154_399L));
    }

    @Test
    void trainingWindowsStayInTheTrainingSplitAndPredictTheNextByte() throws IOException {
        ByteStreamTask task = prefixTask(marked(), Split.VALIDATION, 32);

        Batch batch = task.trainBatch(7, 3, 64);

        assertThat(Arrays.stream(batch.inputs()).max().getAsInt()).isLessThan(128);
        assertThat(Arrays.stream(batch.targets()).max().getAsInt()).isLessThan(128);
        for (int b = 0; b < 64; b++) {
            for (int t = 0; t < 31; t++) {
                assertThat(batch.targets()[b * 32 + t]).isEqualTo(batch.inputs()[b * 32 + t + 1]);
            }
        }
        assertThat(batch.scoredPositions()).isEqualTo(64 * 32);
    }

    @Test
    void theSameSeedAndStepGiveTheSameBatchAndOthersDiffer() throws IOException {
        ByteStreamTask task = prefixTask(marked(), Split.VALIDATION, 16);

        Batch once = task.trainBatch(1, 10, 4);
        Batch again = task.trainBatch(1, 10, 4);

        assertThat(again.inputs()).isEqualTo(once.inputs());
        assertThat(again.targets()).isEqualTo(once.targets());
        assertThat(task.trainBatch(1, 11, 4).inputs()).isNotEqualTo(once.inputs());
        assertThat(task.trainBatch(2, 10, 4).inputs()).isNotEqualTo(once.inputs());
    }

    @Test
    void evaluationReadsConsecutiveWindowsOfTheValidationSplitPaddingTheLastBatch() throws IOException {
        byte[] bytes = marked();
        ByteStreamTask task = prefixTask(bytes, Split.VALIDATION, 16);

        List<Batch> batches = task.evalBatches(100, 4);

        // validation = [2,700, 2,850): (150 − 1) / 16 = 9 windows → batches of 4, 4 and 1 (+3 padding rows)
        assertThat(batches).hasSize(3);
        assertThat(batches.stream().mapToLong(Batch::scoredPositions).sum()).isEqualTo(9 * 16);
        for (int w = 0; w < 9; w++) {
            Batch batch = batches.get(w / 4);
            int row = (w % 4) * 16;
            for (int t = 0; t < 16; t++) {
                assertThat(batch.inputs()[row + t]).isEqualTo(bytes[2_700 + w * 16 + t] & 0xFF);
                assertThat(batch.targets()[row + t]).isEqualTo(bytes[2_700 + w * 16 + t + 1] & 0xFF);
            }
        }
        assertThat(task.evalBatches(2, 4)).hasSize(2);
    }

    @Test
    void theTestSplitIsTheLastFivePercent() throws IOException {
        byte[] bytes = marked();
        ByteStreamTask task = prefixTask(bytes, Split.TEST, 16);

        Batch first = task.evalBatches(1, 1).get(0);

        assertThat(first.inputs()[0]).isEqualTo(bytes[2_850] & 0xFF);
    }

    @Test
    void saysAPrefixIsAPrefixOfNBytesAndRecordsItsChecksum() throws IOException {
        byte[] bytes = marked();
        ByteStreamTask task = prefixTask(bytes, Split.VALIDATION, 16);

        assertThat(task.provenance().description()).isEqualTo("prefix of 3,000 bytes of enwik8 (tiny-prefix; a subset, not"
                + " comparable to full-enwik8 results; too short to check against enwik6); split 90/5/5: train [0, 2,700),"
                + " validation [2,700, 2,850), test [2,850, 3,000); evaluated on validation; bytes as tokens, every position"
                + " predicts the next byte");
        assertThat(task.provenance().sha256()).containsExactly(Map.entry("tiny-prefix", Fixtures.sha256(bytes)));
    }

    @Test
    void rejectsALongPrefixThatDoesNotStartWithEnwik6() throws IOException {
        byte[] bytes = Fixtures.randomBytes(3, 1_000_001);

        assertThatThrownBy(() -> prefixTask(bytes, Split.VALIDATION, 16))
                .hasMessage(dir.resolve("tiny-prefix") + " is not a prefix of enwik8: its first 1,000,000 bytes have SHA-256 "
                        + Fixtures.sha256(Arrays.copyOf(bytes, 1_000_000)) + ", expected enwik6's " + Enwik8.ENWIK6_SHA256);
    }

    @Test
    void namesAMissingPrefixFileAndWhereItIsLookedFor() {
        DataSpec spec = Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of("file", "enwik8/nope"));

        assertThatThrownBy(() -> Enwik8.open(spec, 16, new DataStore(dir, Downloads.offline()), Enwik8.CANONICAL))
                .hasMessage("data.file: " + dir.resolve("enwik8/nope") + " does not exist. It should be a prefix of enwik8"
                        + " (relative paths are read from the data directory " + dir + ", set with -Ddata.dir, then from the project's shared/data folder), such as"
                        + " enwik8/enwik8-prefix-4154399 from the project's shared/data folder");
    }

    @Test
    void downloadsChecksAndExtractsTheZipThenSplitsTheWholeFile() throws IOException {
        byte[] text = marked();
        Path upstream = Files.createDirectories(dir.resolve("upstream")).resolve("enwik8.zip");
        Fixtures.zip(upstream, Map.of("enwik8", text));
        byte[] zipBytes = Files.readAllBytes(upstream);
        Enwik8.Source source = new Enwik8.Source(
                new DataFile("enwik8/enwik8.zip", upstream.toUri(), "upstream", zipBytes.length, Fixtures.sha256(zipBytes), null, false),
                new DataFile("enwik8/enwik8", null, "inside enwik8.zip", N, Fixtures.sha256(text), null, false));
        DataSpec spec = Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of());

        ByteStreamTask task = Enwik8.open(spec, 16, new DataStore(dir.resolve("data"), Fixtures.copying()), source);

        assertThat(dir.resolve("data/enwik8/enwik8")).hasBinaryContent(text);
        assertThat(task.provenance().description()).startsWith("enwik8, 3,000 bytes; split 90/5/5: train [0, 2,700),");
        assertThat(task.provenance().sha256()).containsExactly(Map.entry("enwik8", Fixtures.sha256(text)));
    }

    @Test
    void rejectsACorruptExtractedFileNamingIt() throws IOException {
        byte[] text = marked();
        Path extracted = Files.createDirectories(dir.resolve("enwik8")).resolve("enwik8");
        byte[] corrupt = text.clone();
        corrupt[100] ^= 1;
        Files.write(extracted, corrupt);
        Enwik8.Source source = new Enwik8.Source(Enwik8.CANONICAL.zip(),
                new DataFile("enwik8/enwik8", null, "inside enwik8.zip", N, Fixtures.sha256(text), null, false));
        DataSpec spec = Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of());

        assertThatThrownBy(() -> Enwik8.open(spec, 16, new DataStore(dir, Downloads.offline()), source))
                .hasMessage(extracted + " has SHA-256 " + Fixtures.sha256(corrupt) + ", expected " + Fixtures.sha256(text)
                        + ": delete it and fetch it again from inside enwik8.zip");
    }

    @Test
    void readsTheRealSharedPrefixAndVerifiesItsChecksum() {
        Path shared = Fixtures.sharedData();
        assumeTrue(Files.isRegularFile(shared.resolve("enwik8/enwik8-prefix-4154399")),
                "skipped: the shared enwik8 prefix is absent from " + shared);
        DataSpec spec = Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of("file", "enwik8/enwik8-prefix-4154399"));

        ByteStreamTask task = Enwik8.open(spec, 64, new DataStore(shared, Downloads.offline()), Enwik8.CANONICAL);

        assertThat(task.provenance().sha256()).containsExactly(Map.entry("enwik8-prefix-4154399",
                "d502ac7ecb9dd47a062e7d19b8dcd3c753b07c142e48b13dcd521cb747116bdd"));
        assertThat(task.provenance().description()).isEqualTo("prefix of 4,154,399 bytes of enwik8 (enwik8-prefix-4154399; a subset,"
                + " not comparable to full-enwik8 results); split 90/5/5: train [0, 3,738,959), validation [3,738,959, 3,946,679),"
                + " test [3,946,679, 4,154,399); evaluated on validation; bytes as tokens, every position predicts the next byte");
        // enwik8 is XML: the validation split starts inside page text, every byte a valid token
        assertThat(task.evalBatches(1, 2).get(0).scoredPositions()).isEqualTo(128);
    }
}
