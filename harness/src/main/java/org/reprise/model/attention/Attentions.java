package org.reprise.model.attention;

import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType.Integration;
import org.reprise.pattern.AttentionPattern;
import org.reprise.pattern.Component;
import org.reprise.pattern.DensePattern;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.HeadSplitPattern;
import org.reprise.pattern.SlidingWindowPattern;
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

    /** As {@link #create(AttentionSpec, int, int)} for patterns that do not depend on the head count. */
    public static Attention create(AttentionSpec spec, int layer) {
        return create(spec, layer, 1);
    }

    public static Attention create(AttentionSpec spec, int layer, int heads) {
        return switch (spec.type()) {
            case DENSE -> new DenseCausalAttention();
            case LSH -> new LshAttention(spec.parameter("buckets", 1), spec.parameter("rounds", 1), spec.parameter("chunk", 0));
            case WINDOW -> new SlidingWindowAttention(Patterns.window(spec, heads));
            case BIGBIRD -> bigBird(spec, layer);
            case LINFORMER -> new LinformerAttention(spec.parameter("k", 1), LinformerAttention.Sharing.of(spec.option("sharing")), layer);
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitAttention(
                        component(spec, Component.LOCAL, new HeadMap(0, 2)),
                        component(spec, Component.SUMMARY, new HeadMap(1, 2)));
                case Integration.INTERLEAVED -> component(spec, Patterns.interleaved(layer), HeadMap.ALL);
                default -> component(spec, Component.MERGED, HeadMap.ALL);
            };
        };
    }

    /**
     * The attention of layer {@code layer} in the evaluation graph: as in training, except that LSH
     * uses {@code eval_rounds} hash rounds (Kitaev et al. 2020 Table 2 evaluates across round counts).
     */
    public static Attention createForEvaluation(AttentionSpec spec, int layer, int heads) {
        if (spec.type() == org.reprise.manifest.AttentionType.LSH) {
            int rounds = spec.parameter("rounds", 1);
            int buckets = spec.parameter("buckets", 1);
            int evalBuckets = spec.parameter("eval_buckets", buckets);
            // the training chunk applies when the buckets are the same; otherwise the paper's 2T/b
            return new LshAttention(evalBuckets, spec.parameter("eval_rounds", rounds),
                    evalBuckets == buckets ? spec.parameter("chunk", 0) : 0);
        }
        return create(spec, layer, heads);
    }

    /** True when the evaluation graph needs its own attention (LSH evaluated with other rounds or buckets). */
    public static boolean hasEvaluationVariant(AttentionSpec spec) {
        return spec.type() == org.reprise.manifest.AttentionType.LSH
                && (spec.parameter("eval_rounds", spec.parameter("rounds", 1)) != spec.parameter("rounds", 1)
                    || spec.parameter("eval_buckets", spec.parameter("buckets", 1)) != spec.parameter("buckets", 1));
    }

    /**
     * Parameters the pattern itself owns in layer {@code layer}, by name with their shapes: Linformer's
     * sequence projections E/F ({@link LinformerAttention#projections}); empty for every other pattern.
     * A name shared across layers (layerwise sharing) is listed for each layer it serves.
     */
    public static java.util.Map<String, long[]> parameters(AttentionSpec spec, int layer, int heads, int length) {
        if (spec.type() != org.reprise.manifest.AttentionType.LINFORMER) {
            return java.util.Map.of();
        }
        return LinformerAttention.projections(LinformerAttention.Sharing.of(spec.option("sharing")), layer, heads,
                spec.parameter("k", 1), length);
    }

    /** True when the pattern derives keys from queries (shared-QK), so the model builds no key projection. */
    public static boolean sharesQueryKey(AttentionSpec spec) {
        return spec.type().sharesQueryKey();
    }

    /** The pattern layer {@code layer} computes (what tests compare against and reports draw). */
    public static AttentionPattern pattern(AttentionSpec spec, int layer, int heads, int length) {
        return Patterns.of(spec, layer, heads, length);
    }

    public static AttentionPattern pattern(AttentionSpec spec, int layer) {
        return Patterns.of(spec, layer);
    }

    /** The random-block table is fixed per layer: its seed is the layer index (seeds are data: it is the graph). */
    private static BigBirdAttention bigBird(AttentionSpec spec, int layer) {
        return new BigBirdAttention(spec.parameter("block", 1), spec.parameter("global_blocks", 2),
                spec.parameter("random_blocks", 3), layer);
    }

    private static Attention component(AttentionSpec spec, Component component, HeadMap heads) {
        AttentionPattern p = Patterns.of(spec, component);
        return p instanceof StridedPattern strided ? new StridedAttention(strided)
                : new FixedAttention((FixedPattern) p, heads);
    }

}
