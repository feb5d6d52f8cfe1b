package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The multi-head integration of Child et al. 2019 §5.1 (Eq. 8, separate patterns): head h uses
 * pattern A^(h mod 2), so even heads run one attention and odd heads the other, each on H/2 heads.
 * The two attentions must be built with {@code HeadMap(0, 2)} and {@code HeadMap(1, 2)}.
 */
final class HeadSplitAttention implements Attention {
    private final Attention even;
    private final Attention odd;

    HeadSplitAttention(Attention even, Attention odd) {
        this.even = even;
        this.odd = odd;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        if (s.heads() % 2 != 0) {
            throw new IllegalArgumentException("multi-head integration needs an even number of heads, got "
                    + s.heads() + " (set model.heads to an even number or use integration: merged)");
        }
        AttentionShape half = new AttentionShape(s.batch(), s.heads() / 2, s.length(), s.headWidth());
        SDVariable evenOut = even.attend(sd, scope + ".even", pick(sd, q, s, 0), pick(sd, k, s, 0), pick(sd, v, s, 0), half);
        SDVariable oddOut = odd.attend(sd, scope + ".odd", pick(sd, q, s, 1), pick(sd, k, s, 1), pick(sd, v, s, 1), half);
        SDVariable pairs = sd.stack(2, evenOut, oddOut);                                // [B, H/2, 2, T, Dh]
        return sd.reshape(pairs, s.batch(), s.heads(), s.length(), s.headWidth());       // [B, H, T, Dh]
    }

    /** Heads h ≡ parity (mod 2): [B, H, T, Dh] → [B, H/2, T, Dh]. */
    private static SDVariable pick(SameDiff sd, SDVariable x, AttentionShape s, int parity) {
        SDVariable pairs = sd.reshape(x, s.batch(), s.heads() / 2, 2, s.length(), s.headWidth()); // [B, H/2, 2, T, Dh]
        SDVariable one = sd.slice(pairs, new int[] {0, 0, parity, 0, 0},
                s.batch(), s.heads() / 2, 1, s.length(), s.headWidth());                         // [B, H/2, 1, T, Dh]
        return sd.reshape(one, s.batch(), s.heads() / 2, s.length(), s.headWidth());
    }
}
