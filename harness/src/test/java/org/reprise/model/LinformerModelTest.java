package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.data.Batch;
import org.reprise.data.ListOpsTask;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;
import org.reprise.manifest.Split;
import org.reprise.model.attention.LinformerAttention;
import org.reprise.model.attention.LinformerAttention.Sharing;

/** Linformer's E/F are model parameters: counted, initialised, trained through and checkpointed (Wang et al. 2020 §4). */
class LinformerModelTest {
    private static final int T = 16;
    private static final int K = 4;
    private static final ListOpsTask TASK = ListOpsTask.create(new DataSpec(DatasetKind.LISTOPS, Split.VALIDATION,
            Map.of("train_examples", "32", "eval_examples", "8")), T);
    private static final double GRADIENT_TOLERANCE = 1e-5;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @ParameterizedTest(name = "{0}: {1} matrices")
    @CsvSource({"none, 288", "headwise, 24", "key-value, 12", "layerwise, 1"})
    void twelveLayersOfTwelveHeadsHaveThePapersProjectionMatrixCounts(String sharing, int matrices) {
        // paper-facts §4: headwise, key-value and layerwise sharing give 24, 12 and 1 matrices for 12 × 12
        ModelSpec linformer = spec(12, 12, 24, 0.0, sharing);
        ModelSpec dense = new ModelSpec(12, 12, 24, 2.0, 0.0, AttentionSpec.of(AttentionType.DENSE), T, EmbeddingKind.LEARNED);

        ParameterSet p = ParameterSet.initialise(linformer, 17, 1, DataType.FLOAT);

        long projections = p.arrays().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".E") || e.getKey().endsWith(".F"))
                .mapToLong(e -> e.getValue().length()).sum();
        assertThat(projections).isEqualTo((long) matrices * K * T);
        assertThat(p.count()).isEqualTo(ParameterSet.initialise(dense, 17, 1, DataType.FLOAT).count() + (long) matrices * K * T);
    }

    @Test
    void projectionsAreXavierUniformWithTheAuthorsGain() {
        ParameterSet p = ParameterSet.initialise(spec(1, 2, 16, 0.0, "none"), 17, 3, DataType.DOUBLE);
        INDArray e = p.get("h0.attn.E");                                                     // [H, k, n]
        double bound = LinformerAttention.INIT_GAIN * Math.sqrt(6.0 / (K + T));

        assertThat(e.shape()).containsExactly(2, K, T);
        assertThat(e.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
        assertThat(e.stdNumber().doubleValue()).isCloseTo(bound / Math.sqrt(3), within(0.15 * bound));
        assertThat(ParameterSet.decays(e)).as("per-head projections are weight matrices").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Sharing.class)
    void gradientsEqualFiniteDifferencesThroughTheProjections(Sharing sharing) {
        String key = sharing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory(DataType.DOUBLE)
                .create(spec(2, 2, 16, 0.0, key), TinyModels.training(3, 0, 0), TASK.vocabSize(), 7);
        Batch batch = TASK.trainBatch(11, 0, 3);
        model.trainStep(batch, 1e-2, 1); // move off the zero-initialised head so every gradient is non-trivial

        Map<String, INDArray> gradients = model.gradients(batch).getGradients();

        Set<String> names = new HashSet<>();
        for (int layer = 0; layer < 2; layer++) {
            names.addAll(List.of(LinformerAttention.projectionNames(sharing, layer)));
        }
        names.addAll(List.of("h0.attn.wk", "h1.attn.wv", "head.w"));
        for (String name : names) {
            INDArray param = model.parameters().get(name);
            for (long index : new long[] {0, param.length() / 2, param.length() - 1}) {
                double analytic = gradients.get(name).getDouble(index);
                double numeric = TinyModels.finiteDifference(model, batch, param, index);
                assertThat(analytic).as("d loss / d %s[%d]", name, index)
                        .isCloseTo(numeric, within(GRADIENT_TOLERANCE * Math.max(1, Math.abs(numeric))));
            }
        }
        assertThat(gradients.get(LinformerAttention.projectionNames(sharing, 0)[0]).amaxNumber().doubleValue())
                .as("E gets a gradient").isGreaterThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(value = Sharing.class, names = {"NONE", "KEY_VALUE"})
    void reversibleLayersGetTheGradientsOfTheirOwnProjections(Sharing sharing) {
        String key = sharing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        ModelSpec reversible = new ModelSpec(2, 2, 16, 2.0, 0.0, spec(2, 2, 16, 0.0, key).attention(), T,
                EmbeddingKind.LEARNED, true, 1);
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory(DataType.DOUBLE)
                .create(reversible, TinyModels.training(3, 0, 0), TASK.vocabSize(), 7);
        Batch batch = TASK.trainBatch(11, 0, 3);
        model.trainStep(batch, 1e-2, 1);

        Map<String, INDArray> gradients = model.gradients(batch).getGradients();

        for (int layer = 0; layer < 2; layer++) {
            for (String name : LinformerAttention.projectionNames(sharing, layer)) {
                INDArray param = model.parameters().get(name);
                for (long index : new long[] {0, param.length() - 1}) {
                    assertThat(gradients.get(name).getDouble(index)).as("d loss / d %s[%d]", name, index)
                            .isCloseTo(TinyModels.finiteDifference(model, batch, param, index), within(GRADIENT_TOLERANCE));
                }
            }
        }
    }

    @Test
    void trainingOnListOpsFitsABatchBeyondWhatIgnoringTheInputsAllows() {
        // The CLS output can tell examples apart only through attention, i.e. through E and F here.
        SameDiffModel model = (SameDiffModel) SameDiffModel.factory()
                .create(spec(2, 2, 32, 0.0, "key-value"), TinyModels.training(8, 1, 0), TASK.vocabSize(), 5);
        Batch batch = TASK.trainBatch(2, 0, 8);
        double before = model.loss(batch);

        for (int step = 0; step < 60; step++) {
            model.trainStep(batch, 1e-2, step);
        }

        double after = model.loss(batch);
        assertThat(distinctRows(batch)).as("examples differ within the first %d tokens", T - 1).isEqualTo(8);
        assertThat(before).isCloseTo(Math.log(TASK.vocabSize()), within(1e-5));
        assertThat(after).as("loss after 60 steps (any input-blind predictor ≥ %.3f nats)", labelEntropy(batch))
                .isLessThan(labelEntropy(batch) - 0.5);
    }

    @Test
    void checkpointRestoresTheProjections(@TempDir Path dir) throws Exception {
        var factory = SameDiffModel.factory();
        SameDiffModel original = (SameDiffModel) factory.create(spec(2, 2, 16, 0.0, "layerwise"), TinyModels.training(2, 1, 0), TASK.vocabSize(), 9);
        for (int step = 0; step < 3; step++) {
            original.trainStep(TASK.trainBatch(5, step, 2), 1e-2, step);
        }
        original.save(dir);
        SameDiffModel restored = (SameDiffModel) factory.create(spec(2, 2, 16, 0.0, "layerwise"), TinyModels.training(2, 1, 0), TASK.vocabSize(), 1234);

        restored.load(dir);

        assertThat(restored.parameters().get("linformer.E")).isEqualTo(original.parameters().get("linformer.E"));
        assertThat(restored.parameters().get("linformer.E"))
                .isNotEqualTo(ParameterSet.initialise(spec(2, 2, 16, 0.0, "layerwise"), TASK.vocabSize(), 9, DataType.FLOAT).get("linformer.E"));
        StepResult a = original.trainStep(TASK.trainBatch(5, 3, 2), 1e-2, 3);
        StepResult b = restored.trainStep(TASK.trainBatch(5, 3, 2), 1e-2, 3);
        assertThat(b.loss()).isEqualTo(a.loss());
    }

    private static ModelSpec spec(int layers, int heads, int width, double dropout, String sharing) {
        return new ModelSpec(layers, heads, width, 2.0, dropout,
                new AttentionSpec(AttentionType.LINFORMER, Map.of("k", (long) K), Map.of("sharing", sharing)), T, EmbeddingKind.LEARNED);
    }

    /** Cross-entropy of the batch's own label frequencies: the least loss a predictor blind to the inputs can reach. */
    private static double labelEntropy(Batch batch) {
        Map<Integer, Integer> counts = new HashMap<>();
        int n = 0;
        for (int p = 0; p < batch.mask().length; p++) {
            if (batch.mask()[p] != 0f) {
                counts.merge(batch.targets()[p], 1, Integer::sum);
                n++;
            }
        }
        double h = 0;
        for (int c : counts.values()) {
            h -= (double) c / n * Math.log((double) c / n);
        }
        return h;
    }

    private static int distinctRows(Batch batch) {
        Set<List<Integer>> rows = new HashSet<>();
        for (int b = 0; b < batch.batchSize(); b++) {
            rows.add(java.util.Arrays.stream(batch.inputs(), b * batch.length(), (b + 1) * batch.length()).boxed().toList());
        }
        return rows.size();
    }

}
