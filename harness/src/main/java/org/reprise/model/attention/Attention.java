package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One attention pattern, built into a SameDiff graph. Inputs and output are [B, H, T, Dh];
 * implementations must be causal (output i depends on inputs j ≤ i only) unless documented.
 */
public interface Attention {
    /**
     * @param scope unique prefix for the variables this call creates (e.g. {@code h0.attn})
     * @return softmax(q kᵀ / √Dh + pattern mask) v, shape [B, H, T, Dh]
     */
    SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape shape);
}
