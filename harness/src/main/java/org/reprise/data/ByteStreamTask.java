package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Language modelling over one byte stream (enwik8): every token is a byte (vocabulary 256).
 *
 * <p>Layout for context T: a window of T + 1 bytes b[o … o+T]; input position t holds b[o+t] and
 * predicts b[o+t+1]; all T positions are scored. Training windows start at offsets drawn uniformly
 * from the training range with {@code SplittableRandom(StreamSeeds.derive(dataSeed, step))}.
 * Evaluation reads the evaluation range as consecutive windows starting at its first byte, each
 * window's last target being the next window's first input, so every byte after the first is
 * predicted exactly once; a final partial batch is padded with unscored rows.
 */
public final class ByteStreamTask implements SequenceTask {
    /** A half-open byte range [start, end) of the stream. */
    public record Range(long start, long end) {
        public long length() {
            return end - start;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "[%,d, %,d)", start, end);
        }
    }

    private final byte[] bytes;
    private final Range train;
    private final Range eval;
    private final int length;
    private final DataProvenance provenance;

    public ByteStreamTask(byte[] bytes, Range train, Range eval, int length, DataProvenance provenance) {
        for (Range range : List.of(train, eval)) {
            if (range.length() < length + 1L) {
                throw new DataException(String.format(Locale.ROOT,
                        "the split %s holds %,d bytes, too few for one window of sequence_length + 1 = %,d bytes (%s)",
                        range, range.length(), length + 1L, provenance.description()));
            }
        }
        this.bytes = bytes;
        this.train = train;
        this.eval = eval;
        this.length = length;
        this.provenance = provenance;
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public int sequenceLength() {
        return length;
    }

    @Override
    public Batch trainBatch(long dataSeed, long step, int batchSize) {
        SplittableRandom random = new SplittableRandom(StreamSeeds.derive(dataSeed, step));
        long[] offsets = new long[batchSize];
        for (int b = 0; b < batchSize; b++) {
            offsets[b] = train.start() + random.nextLong(train.length() - length);
        }
        return batch(offsets, batchSize);
    }

    @Override
    public List<Batch> evalBatches(int batches, int batchSize) {
        long windows = (eval.length() - 1) / length;
        List<Batch> out = new ArrayList<>();
        for (long first = 0; first < windows && out.size() < batches; first += batchSize) {
            int rows = (int) Math.min(batchSize, windows - first);
            long[] offsets = new long[rows];
            for (int b = 0; b < rows; b++) {
                offsets[b] = eval.start() + (first + b) * length;
            }
            out.add(batch(offsets, batchSize));
        }
        return out;
    }

    /** Rows beyond {@code offsets.length} stay zero and unscored. */
    private Batch batch(long[] offsets, int batchSize) {
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        float[] mask = new float[batchSize * length];
        for (int b = 0; b < offsets.length; b++) {
            int o = Math.toIntExact(offsets[b]);
            int base = b * length;
            for (int t = 0; t < length; t++) {
                inputs[base + t] = bytes[o + t] & 0xFF;
                targets[base + t] = bytes[o + t + 1] & 0xFF;
                mask[base + t] = 1f;
            }
        }
        return new Batch(batchSize, length, inputs, targets, mask);
    }

    @Override
    public Map<String, Double> metrics(EvalSums sums) {
        return Map.of("bits_per_byte", sums.meanBits(), "loss", sums.meanNats());
    }

    @Override
    public DataProvenance provenance() {
        return provenance;
    }
}
