package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reformer's duplication task (Kitaev et al. 2020 §2.1): sequences 0 w 0 w with w drawn uniformly
 * from {1..N}^|w|, trained as a language model with loss and accuracy on the second copy only.
 *
 * <p>Layout for length T = 2(|w|+1): input position t predicts token t+1. Positions |w|+1 … T−2
 * (the second separator and the second copy but its last symbol) predict the second w and are
 * scored: exactly |w| positions, each determined by the first copy. The last position has
 * nothing to predict and is unscored (the fastai reproduction scored a padding 0 there).
 *
 * <p>Symbols follow the paper's N (default 127, vocabulary 128); the authors' trax generator
 * draws from 1…N−1 — a difference of one symbol, noted in the manifest.
 */
public final class CopyTask implements SequenceTask {
    /** The paper's N. */
    public static final int PAPER_SYMBOLS = 127;

    private final int length;
    private final int symbols;
    private final long evalSeed;

    /**
     * @param length   T, even and at least 4
     * @param symbols  N, the number of distinct non-zero symbols
     * @param evalSeed stream of the held-out examples, shared by every run
     */
    public CopyTask(int length, int symbols, long evalSeed) {
        if (length < 4 || length % 2 != 0) {
            throw new IllegalArgumentException("copy task length must be even and at least 4, got " + length);
        }
        if (symbols < 1) {
            throw new IllegalArgumentException("copy task needs at least one symbol, got " + symbols);
        }
        this.length = length;
        this.symbols = symbols;
        this.evalSeed = evalSeed;
    }

    /** |w|. */
    public int wordLength() {
        return length / 2 - 1;
    }

    @Override
    public int vocabSize() {
        return symbols + 1;
    }

    @Override
    public int sequenceLength() {
        return length;
    }

    @Override
    public Batch trainBatch(long dataSeed, long step, int batchSize) {
        return batch(new SplittableRandom(StreamSeeds.derive(dataSeed, step)), batchSize);
    }

    @Override
    public List<Batch> evalBatches(int batches, int batchSize) {
        SplittableRandom random = new SplittableRandom(evalSeed);
        List<Batch> out = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            out.add(batch(random, batchSize));
        }
        return out;
    }

    /** One sequence 0 w 0 w. */
    int[] sequence(SplittableRandom random) {
        int w = wordLength();
        int[] seq = new int[length];
        for (int i = 0; i < w; i++) {
            int symbol = 1 + random.nextInt(symbols);
            seq[1 + i] = symbol;
            seq[w + 2 + i] = symbol;
        }
        return seq;
    }

    private Batch batch(SplittableRandom random, int batchSize) {
        int w = wordLength();
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        float[] mask = new float[batchSize * length];
        for (int b = 0; b < batchSize; b++) {
            int[] seq = sequence(random);
            int base = b * length;
            System.arraycopy(seq, 0, inputs, base, length);
            System.arraycopy(seq, 1, targets, base, length - 1);
            for (int t = w + 1; t <= length - 2; t++) {
                mask[base + t] = 1f;
            }
        }
        return new Batch(batchSize, length, inputs, targets, mask);
    }

    @Override
    public Map<String, Double> metrics(EvalSums sums) {
        return Map.of("loss", sums.meanNats(), "accuracy", sums.accuracy());
    }

    @Override
    public DataProvenance provenance() {
        return new DataProvenance("generated: Reformer duplication task 0w0w, |w| = " + wordLength() + ", "
                + symbols + " symbols; held-out stream seed " + evalSeed, Map.of());
    }
}
