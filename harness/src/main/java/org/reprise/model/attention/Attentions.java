package org.reprise.model.attention;

import org.reprise.manifest.AttentionSpec;

/** Creates the {@link Attention} a manifest names. */
public final class Attentions {
    private Attentions() {
    }

    public static Attention create(AttentionSpec spec) {
        return switch (spec.type()) {
            case DENSE -> new DenseCausalAttention();
        };
    }
}
