package org.reprise.pattern;

/** Full causal attention, S_i = {j : j ≤ i} (Child et al. 2019 §4.1). */
public record DensePattern() implements AttentionPattern {
    @Override
    public boolean allows(int head, int i, int j) {
        return j <= i;
    }
}
