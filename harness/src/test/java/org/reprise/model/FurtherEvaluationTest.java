package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.reprise.data.Batch;
import org.reprise.data.CopyTask;
import org.reprise.data.EvalSums;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;

/**
 * A trained model evaluated under another attention (Kitaev et al. 2020 Table 2) computes exactly what
 * a model built with that attention computes on the same parameters, in the ordinary and the
 * reversible model.
 */
class FurtherEvaluationTest {
    private static final CopyTask TASK = new CopyTask(12, 7, 42);
    /** LSH with 2 rounds over 4 buckets in chunks of 3: positions are sorted, so it differs from full attention. */
    private static final AttentionSpec LSH = new AttentionSpec(AttentionType.LSH, Map.of("buckets", 4L, "rounds", 2L, "chunk", 3L));
    /** One bucket: one chunk of every position, full shared-QK attention. */
    private static final AttentionSpec FULL = new AttentionSpec(AttentionType.LSH, Map.of("buckets", 1L));
    private static final AttentionSpec LSH_8 = new AttentionSpec(AttentionType.LSH, Map.of("buckets", 4L, "rounds", 8L, "chunk", 3L));

    @TempDir
    Path dir;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @ParameterizedTest(name = "reversible = {0}")
    @ValueSource(booleans = {false, true})
    void aFurtherAttentionEvaluatesTheTrainedParametersAsAModelBuiltWithIt(boolean reversible) throws Exception {
        Map<String, AttentionSpec> further = new LinkedHashMap<>();
        further.put("full", FULL);
        further.put("lsh-8", LSH_8);
        further.put("same", LSH);
        Batch batch = TASK.trainBatch(9, 0, 4);
        try (TrainableModel trained = create(spec(LSH, reversible).withEvaluations(further))) {
            for (int step = 0; step < 5; step++) {      // move the parameters away from their initialisation
                trained.trainStep(TASK.trainBatch(1, step, 4), 1e-2, step);
            }
            trained.save(dir);

            for (Map.Entry<String, AttentionSpec> e : further.entrySet()) {
                try (TrainableModel built = create(spec(e.getValue(), reversible))) {
                    built.load(dir);
                    assertSame(trained.evaluate(batch, e.getKey()), built.evaluate(batch), e.getKey());
                }
            }
            assertSame(trained.evaluate(batch, "same"), trained.evaluate(batch), "same as the model's own attention");
            double own = trained.evaluate(batch).crossEntropyNats();
            assertThat(trained.evaluate(batch, "full").crossEntropyNats()).as("full attention is not LSH-2: the replacement took effect")
                    .isNotCloseTo(own, within(1e-6));
            assertThat(trained.evaluate(batch, "lsh-8").crossEntropyNats()).as("8 rounds are not 2")
                    .isNotCloseTo(own, within(1e-6));
            assertThat(trained.evaluationAttentions()).containsExactly("full", "lsh-8", "same");
        }
    }

    @ParameterizedTest(name = "reversible = {0}")
    @ValueSource(booleans = {false, true})
    void anUnknownEvaluationNamesTheOnesTheModelHas(boolean reversible) throws Exception {
        try (TrainableModel model = create(spec(LSH, reversible).withEvaluations(Map.of("full", FULL)))) {
            assertThatThrownBy(() -> model.evaluate(TASK.trainBatch(9, 0, 4), "lsh-9"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'lsh-9' is not an evaluation attention of this model (it has full)");
        }
    }

    private static void assertSame(EvalSums actual, EvalSums expected, String what) {
        assertThat(actual.scored()).as(what).isEqualTo(expected.scored());
        assertThat(actual.correct()).as(what).isEqualTo(expected.correct());
        assertThat(actual.crossEntropyNats()).as(what).isCloseTo(expected.crossEntropyNats(), within(1e-9));
    }

    private static TrainableModel create(ModelSpec spec) {
        return SameDiffModel.factory(DataType.DOUBLE).create(spec, TinyModels.training(4, 1, 0), TASK.vocabSize(), 5);
    }

    private static ModelSpec spec(AttentionSpec attention, boolean reversible) {
        return new ModelSpec(2, 2, 16, 2.0, 0.1, attention, 12, EmbeddingKind.LEARNED, reversible, 1);
    }
}
