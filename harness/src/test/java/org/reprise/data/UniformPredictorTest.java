package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

/** A model that gives each of the 256 byte values probability 1/256 must score exactly 8 bits per byte/dimension. */
class UniformPredictorTest {
    @TempDir
    Path dir;

    /** What such a model's evaluation sums to: −ln(1/256) nats at every scored position. */
    private static EvalSums uniform(List<Batch> batches) {
        EvalSums sums = EvalSums.ZERO;
        for (Batch batch : batches) {
            long scored = batch.scoredPositions();
            sums = sums.plus(new EvalSums(scored * Math.log(256), scored, 0));
        }
        return sums;
    }

    @Test
    void scoresEightBitsPerByteOnEnwik8() throws IOException {
        Files.write(dir.resolve("prefix"), Fixtures.randomBytes(2, 5_000));
        SequenceTask task = Enwik8.open(Fixtures.spec(DatasetKind.ENWIK8, Split.VALIDATION, Map.of("file", "prefix")), 16,
                new DataStore(dir, Downloads.offline()), Enwik8.CANONICAL);

        Map<String, Double> metrics = task.metrics(uniform(task.evalBatches(100, 3)));

        assertThat(metrics.get("bits_per_byte")).isCloseTo(8.0, within(1e-12));
        assertThat(metrics.get("loss")).isCloseTo(Math.log(256), within(1e-12));
    }

    @Test
    void scoresEightBitsPerDimensionOnImages() {
        byte[] pixels = Fixtures.randomBytes(4, 5 * 784);
        ImageSet images = new ImageSet(ImageLayout.FASHION_MNIST, pixels, new byte[5]);
        SequenceTask task = new ImageDensityTask(images, images, new DataProvenance("five images", Map.of()));

        Map<String, Double> metrics = task.metrics(uniform(task.evalBatches(10, 2)));

        assertThat(metrics).containsOnlyKeys("bits_per_dim", "loss");
        assertThat(metrics.get("bits_per_dim")).isCloseTo(8.0, within(1e-12));
    }

    @Test
    void convertsNatsToBitsByDividingByLnTwo() {
        assertThat(new EvalSums(10 * Math.log(2) * 2.5, 10, 0).meanBits()).isCloseTo(2.5, within(1e-12));
    }
}
