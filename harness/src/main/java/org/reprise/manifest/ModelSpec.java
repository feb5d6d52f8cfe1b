package org.reprise.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param reversible     Reformer's reversible residual layers (Kitaev et al. 2020 §3): activations are
 *                       recomputed in the backward pass, so stored activations do not grow with depth
 * @param ffChunks       the feed-forward block runs on B·T/ffChunks rows at a time (Reformer §3
 *                       "Chunking"); 1 = not chunked. Only with reversible layers, where it saves memory
 * @param evaluateWith   further attentions the trained model is evaluated under, by name, in manifest order
 *                       (Kitaev et al. 2020 Table 2 evaluates each trained model under full attention and
 *                       LSH-8/4/2/1); each evaluation adds metrics named {@code <metric>@<name>}. They use the
 *                       trained parameters, so each must need the same ones as {@code attention}
 */
public record ModelSpec(int layers, int heads, int width, double ffMultiplier, double dropout,
                        AttentionSpec attention, int sequenceLength, EmbeddingKind embedding,
                        // left out of the JSON at their defaults, so configurations (and their hashes)
                        // written before these options existed are unchanged
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reversible,
                        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ModelSpec.One.class) int ffChunks,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, AttentionSpec> evaluateWith) {

    public ModelSpec {
        ffChunks = ffChunks == 0 ? 1 : ffChunks; // absent in records written before the option: not chunked
        evaluateWith = Collections.unmodifiableMap(new LinkedHashMap<>(evaluateWith == null ? Map.of() : evaluateWith));
    }

    public ModelSpec(int layers, int heads, int width, double ffMultiplier, double dropout, AttentionSpec attention,
                     int sequenceLength, EmbeddingKind embedding, boolean reversible, int ffChunks) {
        this(layers, heads, width, ffMultiplier, dropout, attention, sequenceLength, embedding, reversible, ffChunks, Map.of());
    }

    public ModelSpec(int layers, int heads, int width, double ffMultiplier, double dropout, AttentionSpec attention,
                     int sequenceLength, EmbeddingKind embedding) {
        this(layers, heads, width, ffMultiplier, dropout, attention, sequenceLength, embedding, false, 1);
    }

    /** Per-head width d/h. */
    public int headWidth() {
        return width / heads;
    }

    /** Hidden width of the feed-forward block, rounded to the nearest integer. */
    public int ffWidth() {
        return (int) Math.round(width * ffMultiplier);
    }

    /**
     * This model at another sequence length with another attention (a benchmark's length sweep); the
     * further evaluations are dropped, since they were checked against the original length and pattern.
     */
    public ModelSpec withSequence(int length, AttentionSpec pattern) {
        return new ModelSpec(layers, heads, width, ffMultiplier, dropout, pattern, length, embedding, reversible, ffChunks);
    }

    /** This model evaluated under further attentions (see {@code evaluateWith}). */
    public ModelSpec withEvaluations(Map<String, AttentionSpec> evaluations) {
        return new ModelSpec(layers, heads, width, ffMultiplier, dropout, attention, sequenceLength, embedding, reversible,
                ffChunks, evaluations);
    }

    /** Jackson value filter: true (leave out) for 1, the not-chunked default. */
    static final class One {
        @Override
        public boolean equals(Object other) {
            return Integer.valueOf(1).equals(other);
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
