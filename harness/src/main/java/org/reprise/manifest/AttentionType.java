package org.reprise.manifest;

import java.util.Set;

/** Attention patterns the harness can build; each declares the parameters its manifest entry may carry. */
public enum AttentionType implements Choice {
    /** Full causal attention, S_i = {j : j <= i} (Child et al. 2019 §4.1). */
    DENSE(Set.of());

    private final Set<String> parameters;

    AttentionType(Set<String> parameters) {
        this.parameters = parameters;
    }

    /** Parameter names allowed under {@code attention:} besides {@code type}. */
    public Set<String> parameters() {
        return parameters;
    }
}
