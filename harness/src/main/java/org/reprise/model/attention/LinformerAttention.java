package org.reprise.model.attention;

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
 * variables looked up by name ({@link #projectionNames}); the caller creates them.
 *
 * <p>Not causal: every projected key mixes all n positions, future ones included. It suits the
 * paper's bidirectional (masked-LM) setting, not the harness's decoders.
 */
public final class LinformerAttention implements Attention {
    /** How E and F are shared (Wang et al. §4). */
    public enum Sharing {
        NONE, HEADWISE, KEY_VALUE, LAYERWISE
    }

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
