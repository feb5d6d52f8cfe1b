package org.reprise.model;

import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;
import org.reprise.manifest.Optimizer;
import org.reprise.manifest.Schedule;
import org.reprise.manifest.TrainSpec;

/** Small configurations for engine tests. */
final class TinyModels {
    private TinyModels() {
    }

    static ModelSpec model(double dropout) {
        return new ModelSpec(2, 2, 16, 2.0, dropout, AttentionSpec.of(AttentionType.DENSE), 12, EmbeddingKind.LEARNED);
    }

    static TrainSpec training(int batch, double clip, double weightDecay) {
        return new TrainSpec(Optimizer.ADAM, 1e-2, 0, Schedule.CONSTANT, batch, 10, null, clip, weightDecay,
                5, 1, 5, 0.9, 0.999, 1e-8);
    }
}
