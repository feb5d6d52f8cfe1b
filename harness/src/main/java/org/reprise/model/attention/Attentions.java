package org.reprise.model.attention;

import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType.Integration;
import org.reprise.model.attention.pattern.AttentionPattern;
import org.reprise.model.attention.pattern.Component;
import org.reprise.model.attention.pattern.DensePattern;
import org.reprise.model.attention.pattern.FixedPattern;
import org.reprise.model.attention.pattern.HeadSplitPattern;
import org.reprise.model.attention.pattern.StridedPattern;

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
            case LSH -> new LshAttention(spec.parameter("buckets", 1), spec.parameter("rounds", 1), spec.parameter("chunk", 0));
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitAttention(
                        component(spec, Component.LOCAL, new HeadMap(0, 2)),
                        component(spec, Component.SUMMARY, new HeadMap(1, 2)));
                case Integration.INTERLEAVED -> component(spec, interleaved(layer), HeadMap.ALL);
                default -> component(spec, Component.MERGED, HeadMap.ALL);
            };
        };
    }

    /**
     * The attention of layer {@code layer} in the evaluation graph: as in training, except that LSH
     * uses {@code eval_rounds} hash rounds (Kitaev et al. 2020 Table 2 evaluates across round counts).
     */
    public static Attention createForEvaluation(AttentionSpec spec, int layer) {
        if (spec.type() == org.reprise.manifest.AttentionType.LSH) {
            int rounds = spec.parameter("rounds", 1);
            return new LshAttention(spec.parameter("buckets", 1), spec.parameter("eval_rounds", rounds), spec.parameter("chunk", 0));
        }
        return create(spec, layer);
    }

    /** True when the evaluation graph needs its own attention (LSH evaluated with other round counts). */
    public static boolean hasEvaluationVariant(AttentionSpec spec) {
        return spec.type() == org.reprise.manifest.AttentionType.LSH
                && spec.parameter("eval_rounds", spec.parameter("rounds", 1)) != spec.parameter("rounds", 1);
    }

    /** True when the pattern derives keys from queries (shared-QK), so the model builds no key projection. */
    public static boolean sharesQueryKey(AttentionSpec spec) {
        return spec.type() == org.reprise.manifest.AttentionType.LSH;
    }

    /** The pattern layer {@code layer} computes (what tests compare against and reports draw). */
    public static AttentionPattern pattern(AttentionSpec spec, int layer) {
        return switch (spec.type()) {
            case DENSE -> new DensePattern();
            case LSH -> throw new IllegalArgumentException("LSH sets depend on the hashes of the input: see LshPattern");
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitPattern(
                        pattern(spec, Component.LOCAL), pattern(spec, Component.SUMMARY));
                case Integration.INTERLEAVED -> pattern(spec, interleaved(layer));
                default -> pattern(spec, Component.MERGED);
            };
        };
    }

    private static Component interleaved(int layer) {
        return layer % 2 == 0 ? Component.LOCAL : Component.SUMMARY;
    }

    private static AttentionPattern pattern(AttentionSpec spec, Component component) {
        int stride = spec.parameter("stride", 0);
        if (spec.type() == org.reprise.manifest.AttentionType.STRIDED) {
            return new StridedPattern(stride, StridedPattern.WindowRule.valueOf(upper(spec.option("window"))), component);
        }
        int c = spec.parameter("c", 0);
        FixedPattern.SummaryRule rule = FixedPattern.SummaryRule.valueOf(upper(spec.option("summary")));
        return new FixedPattern(stride, c, rule, spec.parameter("summary_groups", rule.maxGroups(stride, c)), component);
    }

    private static Attention component(AttentionSpec spec, Component component, HeadMap heads) {
        AttentionPattern p = pattern(spec, component);
        return p instanceof StridedPattern strided ? new StridedAttention(strided)
                : new FixedAttention((FixedPattern) p, heads);
    }

    private static String upper(String key) {
        return key.toUpperCase(java.util.Locale.ROOT);
    }
}
