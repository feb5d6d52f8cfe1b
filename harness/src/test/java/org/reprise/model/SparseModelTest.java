package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.data.Batch;
import org.reprise.data.CopyTask;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;

/** The whole model trains with each sparse attention, including per-layer (interleaved) patterns and LSH. */
class SparseModelTest {
    private static final CopyTask TASK = new CopyTask(12, 7, 42);

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"strided-merged", "strided-interleaved", "fixed-multihead", "fixed-factorized", "lsh", "lsh-corrected", "lsh-full-eval-lsh", "window", "bigbird"})
    void trainingOnOneBatchLowersItsLoss(String which) throws Exception {
        AttentionSpec attention = switch (which) {
            case "strided-merged" -> new AttentionSpec(AttentionType.STRIDED, Map.of("stride", 4L),
                    Map.of("window", "official", "integration", "merged"));
            case "strided-interleaved" -> new AttentionSpec(AttentionType.STRIDED, Map.of("stride", 4L),
                    Map.of("window", "paper", "integration", "interleaved"));
            case "fixed-factorized" -> new AttentionSpec(AttentionType.FIXED, Map.of("stride", 4L, "c", 2L),
                    Map.of("summary", "paper", "integration", "merged"));
            case "fixed-multihead" -> new AttentionSpec(AttentionType.FIXED, Map.of("stride", 4L, "c", 2L),
                    Map.of("summary", "official", "integration", "multihead"));
            case "window" -> new AttentionSpec(AttentionType.WINDOW, Map.of("window", 3L, "dilation", 2L, "dilated_heads", 1L, "global", 1L));
            case "bigbird" -> new AttentionSpec(AttentionType.BIGBIRD, Map.of("block", 2L, "global_blocks", 1L, "random_blocks", 1L));
            // 3 chunks of 4 and 2 rounds: duplicates across rounds are corrected (App. A, log N_ij)
            case "lsh-corrected" -> new AttentionSpec(AttentionType.LSH, Map.of("buckets", 4L, "rounds", 2L, "chunk", 4L));
            case "lsh-full-eval-lsh" -> new AttentionSpec(AttentionType.LSH, Map.of("buckets", 1L, "eval_buckets", 4L, "eval_rounds", 2L));
            default -> new AttentionSpec(AttentionType.LSH, Map.of("buckets", 4L, "rounds", 2L, "eval_rounds", 4L));
        };
        ModelSpec spec = new ModelSpec(2, 2, 16, 2.0, 0.1, attention, 12,
                which.endsWith("factorized") ? EmbeddingKind.FACTORIZED : EmbeddingKind.LEARNED);
        try (TrainableModel model = SameDiffModel.factory().create(spec, TinyModels.training(4, 1, 0.01), TASK.vocabSize(), 5)) {
            Batch batch = TASK.trainBatch(1, 0, 4);
            double before = model.evaluate(batch).meanNats();

            for (int step = 0; step < 30; step++) {
                model.trainStep(batch, 1e-2, step);
            }

            assertThat(model.evaluate(batch).meanNats()).as(which).isLessThan(before - 0.5);
        }
    }
}
