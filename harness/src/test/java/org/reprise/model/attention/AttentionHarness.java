package org.reprise.model.attention;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs one attention on fixed inputs: output and the gradients of sum(output · R) w.r.t. q, k, v. */
final class AttentionHarness {
    record Result(INDArray output, INDArray dq, INDArray dk, INDArray dv) {
    }

    private AttentionHarness() {
    }

    /** Standard-normal q, k, v, R of shape [B, H, T, Dh] from one seed. */
    static INDArray[] inputs(AttentionShape s, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray[] x = new INDArray[4];
        for (int i = 0; i < 4; i++) {
            x[i] = Nd4j.randn(DataType.FLOAT, s.batch(), s.heads(), s.length(), s.headWidth());
        }
        return x;
    }

    static Result run(Attention attention, AttentionShape s, INDArray q, INDArray k, INDArray v, INDArray r) {
        return run(attention, s, q, k, v, r, Map.of());
    }

    static Result run(Attention attention, AttentionShape s, INDArray q, INDArray k, INDArray v, INDArray r,
                      Map<String, INDArray> placeholders) {
        SameDiff sd = build(attention, s, q, k, v, r);
        INDArray output = sd.outputSingle(placeholders, "out").dup();
        Map<String, INDArray> g = sd.calculateGradients(placeholders, "q", "k", "v");
        return new Result(output, grad(g, "q", q), grad(g, "k", k), grad(g, "v", v));
    }

    /** The graph: variables q, k, v; output "out"; loss sum(out · R). */
    static SameDiff build(Attention attention, AttentionShape s, INDArray q, INDArray k, INDArray v, INDArray r) {
        SameDiff sd = SameDiff.create();
        SDVariable vq = sd.var("q", q.dup());
        SDVariable vk = sd.var("k", k.dup());
        SDVariable vv = sd.var("v", v.dup());
        SDVariable out = attention.attend(sd, "attn", vq, vk, vv, s).rename("out");
        SDVariable loss = out.mul(sd.constant("r", r.dup())).sum().rename("loss");
        sd.setLossVariables(loss);
        return sd;
    }

    /** An input the output does not depend on (LSH ignores k) has gradient zero. */
    private static INDArray grad(Map<String, INDArray> g, String name, INDArray like) {
        INDArray value = g.get(name);
        return value != null ? value.dup() : like.like().assign(0);
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
