package org.reprise.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.reprise.manifest.Optimizer;
import org.reprise.manifest.TrainSpec;

/**
 * Adam / AdamW with global-norm gradient clipping, updating parameter arrays in place. Written out
 * here (rather than SameDiff's {@code fit}) so that its moments and step count can be checkpointed
 * and restored exactly, and so clipping sees the true gradient norm.
 */
final class AdamOptimizer {
    private final TrainSpec spec;
    private final Map<String, INDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, INDArray> secondMoment = new LinkedHashMap<>();
    private long step;

    AdamOptimizer(TrainSpec spec, Map<String, INDArray> params) {
        this.spec = spec;
        params.forEach((name, p) -> {
            firstMoment.put(name, p.ulike().assign(0));
            secondMoment.put(name, p.ulike().assign(0));
        });
    }

    /** Applies one update; returns the gradient's global L2 norm before clipping. */
    double apply(Map<String, INDArray> params, Map<String, INDArray> gradients, double learningRate) {
        boolean coupledDecay = spec.optimizer() == Optimizer.ADAM && spec.weightDecay() > 0;
        if (coupledDecay) {
            params.forEach((name, p) -> {
                if (ParameterSet.decays(p)) {
                    gradients.get(name).addi(p.mul(spec.weightDecay()));
                }
            });
        }
        double squares = 0;
        for (INDArray g : gradients.values()) {
            double norm = g.norm2Number().doubleValue();
            squares += norm * norm;
        }
        double norm = Math.sqrt(squares);
        double scale = spec.gradientClip() > 0 && norm > spec.gradientClip() ? spec.gradientClip() / norm : 1.0;
        step++;
        double b1 = spec.beta1();
        double b2 = spec.beta2();
        double correction1 = 1 - Math.pow(b1, step);
        double correction2 = 1 - Math.pow(b2, step);
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            String name = e.getKey();
            INDArray p = e.getValue();
            INDArray g = gradients.get(name);
            if (g == null) {
                throw new IllegalStateException("no gradient for parameter " + name);
            }
            if (scale != 1.0) {
                g.muli(scale);
            }
            INDArray m = firstMoment.get(name).muli(b1).addi(g.mul(1 - b1));
            INDArray v = secondMoment.get(name).muli(b2).addi(g.mul(g).muli(1 - b2));
            INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(spec.epsilon());
            INDArray update = m.div(correction1).divi(denominator).muli(learningRate);
            if (spec.optimizer() == Optimizer.ADAMW && spec.weightDecay() > 0 && ParameterSet.decays(p)) {
                update.addi(p.mul(learningRate * spec.weightDecay()));
            }
            p.subi(update);
        }
        return norm;
    }

    Map<String, INDArray> firstMoment() {
        return firstMoment;
    }

    Map<String, INDArray> secondMoment() {
        return secondMoment;
    }

    long step() {
        return step;
    }

    void restoreStep(long restored) {
        this.step = restored;
    }
}
