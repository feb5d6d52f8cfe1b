package org.reprise.data;

import java.util.List;
import java.util.Map;

/**
 * A next-token prediction task over fixed-length token sequences. Batches are pure functions of
 * their arguments, so a resumed run sees exactly the batches an uninterrupted one would.
 */
public interface SequenceTask {
    /** Number of token ids (inputs and targets are in [0, vocabSize)). */
    int vocabSize();

    /** Tokens per sequence (T). */
    int sequenceLength();

    /** The training batch for optimizer step {@code step} (0-based) of a run whose data stream is {@code dataSeed}. */
    Batch trainBatch(long dataSeed, long step, int batchSize);

    /** The first {@code batches} batches of the evaluation split, identical for every seed and variant. */
    List<Batch> evalBatches(int batches, int batchSize);

    /** Turns summed evaluation statistics into this task's named metrics (see {@code DatasetKind#metrics()}). */
    Map<String, Double> metrics(EvalSums sums);

    DataProvenance provenance();
}
