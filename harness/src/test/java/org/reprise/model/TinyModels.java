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

    /** Central difference of the model's loss in one parameter entry (h = 1e-6; exact to ~1e-8 relative in float64). */
    static double finiteDifference(SameDiffModel model, org.reprise.data.Batch batch, org.nd4j.linalg.api.ndarray.INDArray param,
                                   long index) {
        double h = 1e-6;
        double saved = param.getDouble(index);
        param.putScalar(index, saved + h);
        double plus = model.loss(batch);
        param.putScalar(index, saved - h);
        double minus = model.loss(batch);
        param.putScalar(index, saved);
        return (plus - minus) / (2 * h);
    }

    /**
     * Checks the first, middle and last entry of each named parameter's gradient against central
     * differences of the loss, within {@code tolerance} relative (absolute below 1).
     */
    static void assertGradientsMatchFiniteDifferences(SameDiffModel model, org.reprise.data.Batch batch,
                                                      java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> gradients,
                                                      double tolerance, String... names) {
        for (String name : names) {
            org.nd4j.linalg.api.ndarray.INDArray param = model.parameters().get(name);
            for (long index : new long[] {0, param.length() / 2, param.length() - 1}) {
                double analytic = gradients.get(name).getDouble(index);
                double numeric = finiteDifference(model, batch, param, index);
                org.assertj.core.api.Assertions.assertThat(analytic).as("d loss / d %s[%d]", name, index)
                        .isCloseTo(numeric, org.assertj.core.api.Assertions.within(tolerance * Math.max(1, Math.abs(numeric))));
            }
        }
    }
}
