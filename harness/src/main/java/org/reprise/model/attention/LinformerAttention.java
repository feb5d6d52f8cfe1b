package org.reprise.model.attention;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Linformer (Wang et al. 2020 §4): keys and values are projected along the sequence, n → k, by
 * learned E_i, F_i (used as k×n matrices; the text's "n×k" is the transpose, paper-facts §4):
 * <pre>
 *   head_i = softmax(Q_i (E_i K_i)ᵀ / √Dh) · (F_i V_i)        O(n·k) time and memory
 * </pre>
 * Sharing (§4 "Parameter sharing"): NONE, one E and F per head; HEADWISE, one E and one F per layer;
 * KEY_VALUE, E = F per layer; LAYERWISE, one E = F for every layer. The projections are graph
 * variables looked up by name ({@link #projectionNames}); the model's parameter set creates them
 * ({@link #projections}), so they are trained, checkpointed and counted like every other weight.
 *
 * <p>Not causal: every projected key mixes all n positions, future ones included. It suits the
 * paper's bidirectional (masked-LM) setting and classification from a CLS token whose target is no
 * input (the manifest binder allows it only for datasets whose targets are hidden from the inputs),
 * never next-token prediction.
 */
public final class LinformerAttention implements Attention {
    /** How E and F are shared (Wang et al. §4). */
    public enum Sharing {
        NONE, HEADWISE, KEY_VALUE, LAYERWISE;

        /** The manifest's spelling: {@code none}, {@code headwise}, {@code key-value}, {@code layerwise}. */
        public static Sharing of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * Xavier-uniform gain of E and F, as the authors' code (fairseq {@code examples/linformer},
     * {@code multihead_linear_attention.py} and {@code linformer_sentence_encoder.py}:
     * {@code xavier_uniform_(compress.weight, gain=1/sqrt(2))} for the [k, n] matrix, layerwise-shared too).
     */
    public static final double INIT_GAIN = 1 / Math.sqrt(2);

    private final int k;
    private final Sharing sharing;
    private final int layer;

    public LinformerAttention(int k, Sharing sharing, int layer) {
        this.k = k;
        this.sharing = sharing;
        this.layer = layer;
    }

    /** Names of the E and F variables of a layer (equal when shared); shape [H, k, n] for NONE, else [k, n]. */
    public static String[] projectionNames(Sharing sharing, int layer) {
        return switch (sharing) {
            case NONE, HEADWISE -> new String[] {"h" + layer + ".attn.E", "h" + layer + ".attn.F"};
            case KEY_VALUE -> new String[] {"h" + layer + ".attn.E", "h" + layer + ".attn.E"};
            case LAYERWISE -> new String[] {"linformer.E", "linformer.E"};
        };
    }

    /**
     * The projection variables layer {@code layer} uses, by name with their shapes, in creation order:
     * NONE two [H, k, n], HEADWISE two [k, n], KEY_VALUE one [k, n], LAYERWISE the model's one [k, n]
     * (the same entry for every layer; create it once).
     */
    public static Map<String, long[]> projections(Sharing sharing, int layer, int heads, int k, int length) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String name : projectionNames(sharing, layer)) {
            out.putIfAbsent(name, projectionShape(sharing, heads, k, length));
        }
        return out;
    }

    /** Shape of each projection variable. */
    public static long[] projectionShape(Sharing sharing, int heads, int k, int length) {
        return sharing == Sharing.NONE ? new long[] {heads, k, length} : new long[] {k, length};
    }

    public int k() {
        return k;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable key, SDVariable v, AttentionShape s) {
        String[] names = projectionNames(sharing, layer);
        SDVariable e = sd.getVariable(names[0]);
        SDVariable f = sd.getVariable(names[1]);
        if (e == null || f == null) {
            throw new IllegalStateException("Linformer projections " + String.join(", ", names) + " are not in the graph");
        }
        SDVariable kProjected = project(sd, e, key, s);                                   // [B, H, k, Dh]
        SDVariable vProjected = project(sd, f, v, s);                                     // [B, H, k, Dh]
        SDVariable scores = sd.mmul(q, kProjected, false, true, false)                    // [B, H, T, k]
                .mul(1.0 / Math.sqrt(s.headWidth()));
        return sd.mmul(sd.nn.softmax(scope + ".weights", scores, -1), vProjected);       // [B, H, T, Dh]
    }

    /** P · X along the sequence: P [k, T] (shared) or [H, k, T] (per head), X [B, H, T, Dh] → [B, H, k, Dh]. */
    private SDVariable project(SameDiff sd, SDVariable p, SDVariable x, AttentionShape s) {
        int t = s.length();
        if (sharing != Sharing.NONE) {
            SDVariable bySequence = sd.reshape(sd.permute(x, 2, 0, 1, 3), t, (long) s.batch() * s.heads() * s.headWidth()); // [T, B·H·Dh]
            SDVariable projected = sd.reshape(sd.mmul(p, bySequence), k, s.batch(), s.heads(), s.headWidth());          // [k, B, H, Dh]
            return sd.permute(projected, 1, 2, 0, 3);                                                                 // [B, H, k, Dh]
        }
        SDVariable perHead = sd.reshape(sd.permute(x, 1, 2, 0, 3), s.heads(), t, (long) s.batch() * s.headWidth());   // [H, T, B·Dh]
        SDVariable projected = sd.reshape(sd.mmul(p, perHead), s.heads(), k, s.batch(), s.headWidth());              // [H, k, B, Dh]
        return sd.permute(projected, 2, 0, 1, 3);                                                                     // [B, H, k, Dh]
    }
}
