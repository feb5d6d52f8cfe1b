package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.data.Batch;
import org.reprise.data.CopyTask;
import org.reprise.data.EvalSums;

class SameDiffModelTest {
    private static final CopyTask TASK = new CopyTask(12, 7, 42);
    /** Central differences in float64 with h = 1e-6 agree with exact gradients to ~1e-8 relative. */
    private static final double GRADIENT_TOLERANCE = 1e-5;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @Test
    void gradientsEqualFiniteDifferencesOfTheMeanLoss() {
        // Catches dl4j-notes trap #3: a loss whose gradient is B·T times too large would be off by 12× here.
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory(DataType.DOUBLE)
                .create(TinyModels.model(0.0), TinyModels.training(3, 0, 0), TASK.vocabSize(), 7);
        Batch batch = TASK.trainBatch(11, 0, 3);
        model.trainStep(batch, 1e-2, 1); // move off the zero-initialised head so every gradient is non-trivial

        Map<String, INDArray> gradients = model.gradients(batch).getGradients();

        TinyModels.assertGradientsMatchFiniteDifferences(model, batch, gradients, GRADIENT_TOLERANCE,
                "head.w", "h0.attn.wq", "h1.mlp.w2", "wte", "h0.ln1.g");
    }

    @Test
    void untrainedModelPredictsUniformlySoTheLossIsLnV() {
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory()
                .create(TinyModels.model(0.0), TinyModels.training(2, 1, 0), TASK.vocabSize(), 3);

        EvalSums sums = model.evaluate(TASK.evalBatches(1, 2).get(0));

        assertThat(sums.meanNats()).isCloseTo(Math.log(TASK.vocabSize()), within(1e-5));
        assertThat(sums.scored()).isEqualTo(2L * TASK.wordLength());
    }

    @Test
    void trainingOnOneBatchLowersItsLoss() {
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory()
                .create(TinyModels.model(0.1), TinyModels.training(4, 1, 0.01), TASK.vocabSize(), 5);
        Batch batch = TASK.trainBatch(1, 0, 4);
        double before = model.loss(batch);

        for (int step = 0; step < 30; step++) {
            model.trainStep(batch, 1e-2, step);
        }

        assertThat(model.loss(batch)).isLessThan(before - 0.5);
    }

    @Test
    void checkpointRestoresParametersAndOptimizerExactly(@TempDir Path dir) throws Exception {
        var factory = SameDiffModel.factory();
        SameDiffModel original = (SameDiffModel) factory.create(TinyModels.model(0.1), TinyModels.training(2, 1, 0), TASK.vocabSize(), 9);
        for (int step = 0; step < 3; step++) {
            original.trainStep(TASK.trainBatch(5, step, 2), 1e-2, step);
        }
        original.save(dir);
        SameDiffModel restored = (SameDiffModel) factory.create(TinyModels.model(0.1), TinyModels.training(2, 1, 0), TASK.vocabSize(), 1234);

        restored.load(dir);
        StepResult a = original.trainStep(TASK.trainBatch(5, 3, 2), 1e-2, 3);
        StepResult b = restored.trainStep(TASK.trainBatch(5, 3, 2), 1e-2, 3);

        assertThat(b.loss()).isEqualTo(a.loss());
        assertThat(restored.parameters().get("h1.mlp.w1")).isEqualTo(original.parameters().get("h1.mlp.w1"));
    }

    @Test
    void changingLaterTokensLeavesEarlierLogitsUnchanged() {
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory()
                .create(TinyModels.model(0.0), TinyModels.training(1, 1, 0), TASK.vocabSize(), 3);
        Batch batch = TASK.trainBatch(2, 0, 1);
        for (int step = 0; step < 5; step++) {
            model.trainStep(batch, 1e-2, step); // a non-zero output head, so logits depend on the inputs
        }
        int t = TASK.sequenceLength();
        INDArray before = model.logits(batch).dup();

        for (int i = 0; i < t - 1; i++) {
            int[] changed = batch.inputs().clone();
            for (int j = i + 1; j < t; j++) {
                changed[j] = (changed[j] + 1) % TASK.vocabSize();
            }
            INDArray after = model.logits(new Batch(1, t, changed, batch.targets(), batch.mask()));
            for (int p = 0; p < t; p++) {
                double difference = after.getRow(p).sub(before.getRow(p)).amaxNumber().doubleValue();
                if (p <= i) {
                    assertThat(difference).as("position %d after changing tokens > %d", p, i).isZero();
                } else if (p == i + 1) {
                    assertThat(difference).as("position %d sees its own changed token", p).isPositive();
                }
            }
        }
    }

}
