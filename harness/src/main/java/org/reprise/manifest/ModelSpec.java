package org.reprise.manifest;

/**
 * A decoder-only Transformer's shape.
 *
 * @param layers         number of residual blocks N
 * @param heads          attention heads; divides {@code width}
 * @param width          model width d (embedding size)
 * @param ffMultiplier   feed-forward width as a multiple of d (4 = default, 2 = the paper's "half-size")
 * @param dropout        drop probability at the residual adds (Child et al. §5.2); 0 disables
 * @param attention      the attention pattern
 * @param sequenceLength context length T in tokens
 * @param embedding      position-embedding kind
 */
public record ModelSpec(int layers, int heads, int width, double ffMultiplier, double dropout,
                        AttentionSpec attention, int sequenceLength, EmbeddingKind embedding) {

    /** Per-head width d/h. */
    public int headWidth() {
        return width / heads;
    }

    /** Hidden width of the feed-forward block, rounded to the nearest integer. */
    public int ffWidth() {
        return (int) Math.round(width * ffMultiplier);
    }

    /** This model at another sequence length with another attention (a benchmark's length sweep). */
    public ModelSpec withSequence(int length, AttentionSpec pattern) {
        return new ModelSpec(layers, heads, width, ffMultiplier, dropout, pattern, length, embedding);
    }
}
