package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.Split;

/**
 * LRA ListOps as classification with a CLS token, on a causal model.
 *
 * <p>Layout for length T: positions 0 … n−1 hold the example's tokens (truncated to T−1, as LRA
 * truncates to its max_length), positions n … T−2 hold pad 0, and position T−1 holds CLS, which
 * sees the whole expression. Only position T−1 is scored; its target is the class 0–9, so the
 * model's logits for ids 0–9 there are the classification head (an arg-max on another id counts
 * as wrong). Metrics are accuracy and the classification loss in nats — never bits.
 *
 * <p>The data set is fixed, like LRA's published files: test, validation, then training examples
 * are drawn from streams 0, 1, 2 of one generator seed, each split excluding the examples before
 * it. The run's data seed only orders training ({@link EpochOrder}). Splits are generated when first
 * used and kept for later runs in the same JVM.
 */
public final class ListOpsTask implements SequenceTask {
    /** The data set's generator seed (not a run seed: every run sees the same examples). */
    static final long GENERATOR_SEED = Defaults.EVAL_DATA_SEED;
    public static final int PAPER_EVAL = 2_000;

    /** Lazily generated splits of one (train count, eval count) data set. */
    static final class Data {
        final int trainCount;
        final int evalCount;
        private List<ListOps.Example> test;
        private List<ListOps.Example> validation;
        private List<ListOps.Example> train;
        private final Set<ListOps.Tokens> seen = ListOps.newSeenSet();

        Data(int trainCount, int evalCount) {
            this.trainCount = trainCount;
            this.evalCount = evalCount;
        }

        synchronized List<ListOps.Example> eval(Split split) {
            if (test == null) {
                test = ListOps.generate(StreamSeeds.derive(GENERATOR_SEED, 0), evalCount, seen);
                validation = ListOps.generate(StreamSeeds.derive(GENERATOR_SEED, 1), evalCount, seen);
            }
            return split == Split.TEST ? test : validation;
        }

        synchronized List<ListOps.Example> train() {
            if (train == null) {
                eval(Split.TEST);
                train = ListOps.generate(StreamSeeds.derive(GENERATOR_SEED, 2), trainCount, seen);
            }
            return train;
        }
    }

    private static Data cached;

    private final Data data;
    private final Split evalSplit;
    private final int length;
    private final EpochOrder order;

    ListOpsTask(Data data, Split evalSplit, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("ListOps needs sequence_length ≥ 2 (tokens, then CLS), got " + length);
        }
        this.data = data;
        this.evalSplit = evalSplit;
        this.length = length;
        this.order = new EpochOrder(data.trainCount);
    }

    public static ListOpsTask create(DataSpec spec, int length) {
        int train = (int) DatasetKind.LISTOPS.trainSequences(spec).orElseThrow();
        int eval = spec.intOption("eval_examples", PAPER_EVAL);
        return new ListOpsTask(data(train, eval), spec.evalSplit(), length);
    }

    /** The last data set is kept: a sweep's runs share one, and generating 96,000 examples takes a while. */
    private static synchronized Data data(int train, int eval) {
        if (cached == null || cached.trainCount != train || cached.evalCount != eval) {
            cached = new Data(train, eval);
        }
        return cached;
    }

    @Override
    public int vocabSize() {
        return ListOps.VOCAB;
    }

    @Override
    public int sequenceLength() {
        return length;
    }

    @Override
    public Batch trainBatch(long dataSeed, long step, int batchSize) {
        List<ListOps.Example> train = data.train();
        List<ListOps.Example> examples = new ArrayList<>(batchSize);
        for (int b = 0; b < batchSize; b++) {
            examples.add(train.get(order.example(dataSeed, step * batchSize + b)));
        }
        return batch(examples, batchSize);
    }

    @Override
    public List<Batch> evalBatches(int batches, int batchSize) {
        List<ListOps.Example> eval = data.eval(evalSplit);
        List<Batch> out = new ArrayList<>();
        for (int first = 0; first < eval.size() && out.size() < batches; first += batchSize) {
            out.add(batch(eval.subList(first, Math.min(eval.size(), first + batchSize)), batchSize));
        }
        return out;
    }

    /** Rows beyond {@code examples.size()} stay pad and unscored. */
    private Batch batch(List<ListOps.Example> examples, int batchSize) {
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        float[] mask = new float[batchSize * length];
        for (int b = 0; b < examples.size(); b++) {
            ListOps.Example example = examples.get(b);
            int base = b * length;
            int n = Math.min(example.tokens().length, length - 1);
            for (int t = 0; t < n; t++) {
                inputs[base + t] = example.tokens()[t];
            }
            int cls = base + length - 1;
            inputs[cls] = ListOps.CLS;
            targets[cls] = example.label();
            mask[cls] = 1f;
        }
        return new Batch(batchSize, length, inputs, targets, mask);
    }

    @Override
    public Map<String, Double> metrics(EvalSums sums) {
        return Map.of("accuracy", sums.accuracy(), "loss", sums.meanNats());
    }

    @Override
    public DataProvenance provenance() {
        return new DataProvenance(String.format(Locale.ROOT, "generated: LRA ListOps from its published rules (MIN, MAX, MED, SM;"
                + " depth ≤ %d; %d–%d arguments; %d < length < %d), %,d train / %,d validation / %,d test, generator seed %d;"
                + " evaluated on %s; tokens truncated to %,d then CLS at the last position, classified from its logits for ids 0–9",
                ListOps.MAX_DEPTH, 2, ListOps.MAX_ARGS, ListOps.MIN_LENGTH, ListOps.MAX_LENGTH, data.trainCount, data.evalCount,
                data.evalCount, GENERATOR_SEED, evalSplit.key(), length - 1), Map.of());
    }
}
