package org.reprise.pattern;

import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.AttentionType.Integration;

/**
 * The connectivity pattern a manifest's attention entry defines, per layer. Pure Java: the model
 * builds its attention from it and is tested against it, and reports draw it without the engine.
 * The layer index matters only for the interleaved integration (Child et al. 2019 §5.1, Eq. 7):
 * layer r uses A^(r mod 2), the local part on even layers.
 */
public final class Patterns {
    private Patterns() {
    }

    public static AttentionPattern of(AttentionSpec spec, int layer) {
        return switch (spec.type()) {
            case DENSE -> new DensePattern();
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitPattern(of(spec, Component.LOCAL), of(spec, Component.SUMMARY));
                case Integration.INTERLEAVED -> of(spec, interleaved(layer));
                default -> of(spec, Component.MERGED);
            };
        };
    }

    /** The part of a factorised pattern that layer {@code layer} uses under the interleaved integration. */
    public static Component interleaved(int layer) {
        return layer % 2 == 0 ? Component.LOCAL : Component.SUMMARY;
    }

    /** One component (local, summary or their union) of a strided or fixed pattern. */
    public static AttentionPattern of(AttentionSpec spec, Component component) {
        int stride = spec.parameter("stride", 0);
        if (spec.type() == AttentionType.STRIDED) {
            return new StridedPattern(stride, StridedPattern.WindowRule.valueOf(upper(spec.option("window"))), component);
        }
        int c = spec.parameter("c", 0);
        FixedPattern.SummaryRule rule = FixedPattern.SummaryRule.valueOf(upper(spec.option("summary")));
        return new FixedPattern(stride, c, rule, spec.parameter("summary_groups", rule.maxGroups(stride, c)), component);
    }

    private static String upper(String key) {
        return key.toUpperCase(java.util.Locale.ROOT);
    }
}
