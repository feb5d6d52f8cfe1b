package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Full causal attention, S_i = {j : j ≤ i} (Child et al. 2019 §4.1): O(T²) time and memory.
 * The mask is an additive constant, so masked scores contribute exp(−1e9) = 0 exactly in float32.
 */
public final class DenseCausalAttention implements Attention {
    /** Added to masked scores; large enough that exp underflows to exactly 0. */
    static final double MASKED = -1e9;

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape shape) {
        int t = shape.length();
        SDVariable scores = sd.mmul(q, k, false, true, false)                 // [B, H, T, T]
                .mul(1.0 / Math.sqrt(shape.headWidth()));
        SDVariable masked = scores.add(sd.constant(scope + ".causal", causalMask(t, q.dataType())));
        SDVariable weights = sd.nn.softmax(scope + ".weights", masked, -1);   // [B, H, T, T]
        return sd.mmul(weights, v);                                          // [B, H, T, Dh]
    }

    /** [T, T] with 0 where j ≤ i and {@link #MASKED} above the diagonal. */
    static INDArray causalMask(int t, DataType type) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = (float) MASKED;
            }
        }
        return Nd4j.create(mask, new long[] {t, t}, DataType.FLOAT).castTo(type);
    }
}
