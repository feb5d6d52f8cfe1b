package org.reprise.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.reprise.data.Batch;
import org.reprise.data.EvalSums;

/**
 * A model with its optimizer state, seen by the trainer only through plain Java types so that
 * nothing outside {@code model/} depends on the engine (ND4J/SameDiff).
 */
public interface TrainableModel extends AutoCloseable {
    long parameterCount();

    /**
     * One optimizer step on {@code batch}.
     *
     * @param learningRate this step's learning rate (the schedule lives in the trainer)
     * @param dropoutSeed  seeds this step's dropout masks, so a resumed run draws the same masks
     */
    StepResult trainStep(Batch batch, double learningRate, long dropoutSeed);

    /** Summed statistics on {@code batch} without dropout and without updating anything. */
    EvalSums evaluate(Batch batch);

    /**
     * Names of the further attentions this model can also be evaluated under (the model's
     * {@code evaluate_with}, in manifest order); empty when there are none.
     */
    default List<String> evaluationAttentions() {
        return List.of();
    }

    /**
     * As {@link #evaluate(Batch)}, with every layer's attention replaced by the further attention
     * {@code attention} (one of {@link #evaluationAttentions()}) and the trained parameters unchanged.
     */
    default EvalSums evaluate(Batch batch, String attention) {
        throw new IllegalArgumentException("'" + attention + "' is not an evaluation attention of this model (it has "
                + (evaluationAttentions().isEmpty() ? "none" : String.join(", ", evaluationAttentions())) + ")");
    }

    /** Writes parameters and optimizer state into {@code dir} (created; overwritten). */
    void save(Path dir) throws IOException;

    /** Restores what {@link #save} wrote; the model must have been built with the same configuration. */
    void load(Path dir) throws IOException;

    @Override
    void close();
}
