package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.manifest.ModelSpec;
import org.reprise.model.attention.AttentionShape;
import org.reprise.model.attention.DenseCausalAttention;

/**
 * Reversible layers back-propagated by recomputation (Kitaev et al. 2020 §3) give the gradients that
 * ordinary back-propagation through the same reversible network gives.
 */
class ReversibleStackTest {
    private static final int BATCH = 2;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "feed-forward in {0} chunk(s)")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void recomputedBackwardEqualsOrdinaryBackpropagation(int ffChunks) {
        ModelSpec spec = TinyModels.model(0.0);
        int rows = BATCH * spec.sequenceLength();
        ParameterSet params = ParameterSet.initialise(spec, 11, 3, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(4);
        INDArray x1 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray x2 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray r1 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray r2 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        ReversibleStack stack = new ReversibleStack(spec, BATCH, params, layer -> new DenseCausalAttention(),
                DataType.DOUBLE, ffChunks);

        INDArray[] y = stack.forward(x1, x2);
        Map<String, INDArray> recomputed = stack.backward(y[0], y[1], r1, r2);
        Map<String, INDArray> ordinary = ordinaryGradients(spec, params, x1, x2, r1, r2);

        assertThat(ordinary.keySet()).containsAll(recomputed.keySet());
        for (Map.Entry<String, INDArray> e : recomputed.entrySet()) {
            double diff = e.getValue().sub(ordinary.get(e.getKey())).amaxNumber().doubleValue();
            assertThat(diff).as("d loss / d %s", e.getKey()).isLessThan(1e-9);
        }
        assertThat(recomputed.get("h0.attn.wq").amaxNumber().doubleValue()).isGreaterThan(1e-6);
    }

    @Test
    void recomputationReusesTheForwardsDropoutMasks() {
        ModelSpec spec = TinyModels.model(0.3);
        int rows = BATCH * spec.sequenceLength();
        ParameterSet params = ParameterSet.initialise(spec, 11, 3, DataType.DOUBLE);
        Nd4j.getRandom().setSeed(5);
        INDArray x1 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray x2 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray r1 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        INDArray r2 = Nd4j.randn(DataType.DOUBLE, rows, spec.width());
        ReversibleStack stack = new ReversibleStack(spec, BATCH, params, layer -> new DenseCausalAttention(),
                DataType.DOUBLE, 2, 0.3);
        ReversibleStack.Step step = new ReversibleStack.Step(Map.of(), 77);

        INDArray[] y = stack.forward(x1, x2, step);
        Map<String, INDArray> recomputed = stack.backward(y[0], y[1], r1, r2, step);
        Map<String, INDArray> ordinary = ordinaryGradients(spec, params, x1, x2, r1, r2,
                (layer, part) -> stack.mask(step, layer, part, x1), 0.3);

        for (Map.Entry<String, INDArray> e : recomputed.entrySet()) {
            double diff = e.getValue().sub(ordinary.get(e.getKey())).amaxNumber().doubleValue();
            assertThat(diff).as("d loss / d %s", e.getKey()).isLessThan(1e-9);
        }
        assertThat(stack.mask(step, 0, 0, x1).meanNumber().doubleValue()).isBetween(0.6, 0.8);
        assertThat(stack.mask(step, 0, 0, x1)).isEqualTo(stack.mask(step, 0, 0, x1)).isNotEqualTo(stack.mask(step, 0, 1, x1));
    }

    private static Map<String, INDArray> ordinaryGradients(ModelSpec spec, ParameterSet params, INDArray x1, INDArray x2,
                                                           INDArray r1, INDArray r2) {
        return ordinaryGradients(spec, params, x1, x2, r1, r2, null, 0);
    }

    /** One graph over the whole reversible stack, differentiated by SameDiff (activations all kept). */
    private static Map<String, INDArray> ordinaryGradients(ModelSpec spec, ParameterSet params, INDArray x1, INDArray x2,
                                                           INDArray r1, INDArray r2,
                                                           java.util.function.BiFunction<Integer, Integer, INDArray> masks, double p) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new HashMap<>();
        params.arrays().forEach((name, value) -> w.put(name, sd.var(name, value)));
        SDVariable a = sd.var("x1", x1);
        SDVariable b = sd.var("x2", x2);
        AttentionShape shape = new AttentionShape(BATCH, spec.heads(), spec.sequenceLength(), spec.headWidth());
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            SDVariable fOut = TransformerGraph.attentionBlock(sd, h, TransformerGraph.layerNorm(sd, b, w, h + ".ln1"),
                    w, new DenseCausalAttention(), shape);
            if (masks != null) {
                fOut = fOut.mul(sd.constant(masks.apply(i, 0))).div(1 - p);
            }
            SDVariable y1 = a.add(fOut);
            SDVariable gOut = TransformerGraph.mlpBlock(sd, h, TransformerGraph.layerNorm(sd, y1, w, h + ".ln2"), w);
            if (masks != null) {
                gOut = gOut.mul(sd.constant(masks.apply(i, 1))).div(1 - p);
            }
            SDVariable y2 = b.add(gOut);
            a = y1;
            b = y2;
        }
        sd.setLossVariables(a.mul(sd.constant(r1)).sum().add(b.mul(sd.constant(r2)).sum()));
        java.util.List<String> names = new java.util.ArrayList<>(sd.variableMap().keySet().stream()
                .filter(n -> sd.getVariable(n).getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE).toList());
        return sd.calculateGradients(Map.of(), names);
    }
}
