package org.reprise.model.attention;

import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType.Integration;
import org.reprise.pattern.AttentionPattern;
import org.reprise.pattern.Component;
import org.reprise.pattern.DensePattern;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.HeadSplitPattern;
import org.reprise.pattern.Patterns;
import org.reprise.pattern.StridedPattern;

/**
 * Creates the {@link Attention} a manifest names for one layer, and the pattern it computes. The
 * layer index matters only for the interleaved integration (Child et al. 2019 §5.1, Eq. 7):
 * layer r uses A^(r mod 2), the local part on even layers.
 */
public final class Attentions {
    private Attentions() {
    }

    public static Attention create(AttentionSpec spec, int layer) {
        return switch (spec.type()) {
            case DENSE -> new DenseCausalAttention();
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitAttention(
                        component(spec, Component.LOCAL, new HeadMap(0, 2)),
                        component(spec, Component.SUMMARY, new HeadMap(1, 2)));
                case Integration.INTERLEAVED -> component(spec, Patterns.interleaved(layer), HeadMap.ALL);
                default -> component(spec, Component.MERGED, HeadMap.ALL);
            };
        };
    }

    /** The pattern layer {@code layer} computes (what tests compare against and reports draw). */
    public static AttentionPattern pattern(AttentionSpec spec, int layer) {
        return Patterns.of(spec, layer);
    }

    private static Attention component(AttentionSpec spec, Component component, HeadMap heads) {
        AttentionPattern p = Patterns.of(spec, component);
        return p instanceof StridedPattern strided ? new StridedAttention(strided)
                : new FixedAttention((FixedPattern) p, heads);
    }

}
