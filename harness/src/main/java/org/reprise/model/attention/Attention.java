package org.reprise.model.attention;

import java.util.Map;
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

    /**
     * True when keys are derived from the queries (Reformer's shared-QK): the caller may pass the
     * queries as {@code k} and need not build a key projection.
     */
    default boolean sharesQueryKey() {
        return false;
    }

    /**
     * Values for the placeholders {@link #attend} declared, drawn afresh for one step from {@code seed}
     * (e.g. LSH rotations); empty for patterns without any. Call after {@link #attend}.
     */
    default Map<String, org.nd4j.linalg.api.ndarray.INDArray> stepInputs(long seed) {
        return Map.of();
    }
}
