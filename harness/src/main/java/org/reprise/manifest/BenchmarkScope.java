package org.reprise.manifest;

/** What a benchmark cell times. */
public enum BenchmarkScope implements Choice {
    /**
     * One attention layer alone: q, k, v of shape [batch, heads, n, d/heads] as variables, loss =
     * Σ output · R for a fixed random R, gradients with respect to q, k, v (LRA Table 2 and the
     * attention-zoo targets measure the attention, not the whole model).
     */
    ATTENTION,
    /** One optimizer step of the whole model (forward, backward, Adam): Reformer Fig. 5, Sparse Transformer Table 2. */
    MODEL
}
