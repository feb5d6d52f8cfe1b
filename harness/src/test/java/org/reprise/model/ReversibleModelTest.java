package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.data.Batch;
import org.reprise.data.CopyTask;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;

/** The whole model with reversible layers (Reformer §3): exact gradients through embed → stack → head, chunked or not. */
class ReversibleModelTest {
    private static final CopyTask TASK = new CopyTask(12, 7, 42);
    private static final double GRADIENT_TOLERANCE = 1e-5;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    private static ModelSpec reversible(double dropout, int ffChunks, AttentionSpec attention) {
        return new ModelSpec(2, 2, 16, 2.0, dropout, attention, 12, EmbeddingKind.LEARNED, true, ffChunks);
    }

    @Test
    void gradientsEqualFiniteDifferencesOfTheMeanLoss() {
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory(DataType.DOUBLE)
                .create(reversible(0.0, 3, AttentionSpec.of(AttentionType.DENSE)), TinyModels.training(3, 0, 0), TASK.vocabSize(), 7);
        Batch batch = TASK.trainBatch(11, 0, 3);
        model.trainStep(batch, 1e-2, 1); // move off the zero-initialised head so every gradient is non-trivial

        Map<String, INDArray> gradients = model.gradients(batch).getGradients();

        assertThat(gradients.keySet()).containsExactlyInAnyOrderElementsOf(model.parameters().arrays().keySet());
        TinyModels.assertGradientsMatchFiniteDifferences(model, batch, gradients, GRADIENT_TOLERANCE,
                "head.w", "lnf.g", "h0.attn.wq", "h1.attn.wo", "h0.mlp.w1", "h1.mlp.w2", "h1.ln2.b", "wte", "wpe");
    }

    @Test
    void chunkingTheFeedForwardChangesNoGradient() {
        Batch batch = TASK.trainBatch(11, 0, 3);
        Map<String, INDArray> whole = model(1).gradients(batch).getGradients();
        Map<String, INDArray> chunked = model(6).gradients(batch).getGradients();

        for (String name : whole.keySet()) {
            assertThat(chunked.get(name).sub(whole.get(name)).amaxNumber().doubleValue()).as(name).isLessThan(1e-12);
        }
    }

    @Test
    void reversibleModelWithDropoutAndLshLearnsOneBatch() {
        AttentionSpec lsh = new AttentionSpec(AttentionType.LSH, Map.of("buckets", 2L, "rounds", 2L));
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory()
                .create(reversible(0.1, 2, lsh), TinyModels.training(4, 1, 0.01), TASK.vocabSize(), 5);
        Batch batch = TASK.trainBatch(3, 0, 4);
        double before = model.loss(batch);

        for (int step = 0; step < 30; step++) {
            model.trainStep(batch, 1e-2, step);
        }

        assertThat(model.loss(batch)).isLessThan(before - 0.5);
    }

    private static SameDiffModel model(int ffChunks) {
        return (SameDiffModel) SameDiffModel.factory(DataType.DOUBLE)
                .create(reversible(0.0, ffChunks, AttentionSpec.of(AttentionType.DENSE)), TinyModels.training(3, 0, 0), TASK.vocabSize(), 7);
    }

}
