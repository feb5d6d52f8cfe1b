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

    /**
     * The pattern of layer {@code layer} for a model with {@code heads} heads at length {@code length}
     * (window and BigBird patterns depend on them).
     *
     * @throws IllegalArgumentException for LSH (its sets depend on the input's hashes, see {@link LshPattern})
     *                                  and Linformer (every query sees k mixtures of all keys: no sparsity)
     */
    public static AttentionPattern of(AttentionSpec spec, int layer, int heads, int length) {
        return switch (spec.type()) {
            case WINDOW -> window(spec, heads);
            case BIGBIRD -> bigBird(spec, layer, length);
            default -> of(spec, layer);
        };
    }

    /** The pattern of layer {@code layer} for the types that depend on nothing else. */
    public static AttentionPattern of(AttentionSpec spec, int layer) {
        return switch (spec.type()) {
            case DENSE -> new DensePattern();
            case WINDOW, BIGBIRD -> throw new IllegalArgumentException("use of(spec, layer, heads, length)");
            case LSH -> throw new IllegalArgumentException("LSH sets depend on the hashes of the input: see LshPattern");
            case LINFORMER -> throw new IllegalArgumentException("Linformer has no sparsity pattern: every query sees k mixtures of all keys");
            case STRIDED, FIXED -> switch (spec.option("integration")) {
                case Integration.MULTIHEAD -> new HeadSplitPattern(of(spec, Component.LOCAL), of(spec, Component.SUMMARY));
                case Integration.INTERLEAVED -> of(spec, interleaved(layer));
                default -> of(spec, Component.MERGED);
            };
        };
    }

    /** Longformer's sliding window (Beltagy et al. 2020 §3): window, dilation on some heads, leading global tokens. */
    public static SlidingWindowPattern window(AttentionSpec spec, int heads) {
        return new SlidingWindowPattern(spec.parameter("window", 1), spec.parameter("dilation", 1),
                Math.min(heads, spec.parameter("dilated_heads", 0)), heads, spec.parameter("global", 0));
    }

    /** BigBird's blocks (Zaheer et al. 2020 §2); the random-block table is fixed per layer, seeded by the layer index. */
    public static BigBirdPattern bigBird(AttentionSpec spec, int layer, int length) {
        int block = spec.parameter("block", 1);
        int global = spec.parameter("global_blocks", 2);
        return new BigBirdPattern(block, global,
                BigBirdPattern.randomBlocks(length / block, global, spec.parameter("random_blocks", 3), layer));
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
