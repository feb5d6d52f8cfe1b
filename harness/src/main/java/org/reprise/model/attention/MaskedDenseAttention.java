package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.reprise.pattern.AttentionPattern;

/**
 * Reference only: dense attention with the pattern as an additive [H, T, T] mask. It costs exactly
 * what dense attention costs (O(T²) time and memory); tests compare the efficient implementations to it.
 */
public final class MaskedDenseAttention implements Attention {
    private final AttentionPattern pattern;
    private final HeadMap heads;

    public MaskedDenseAttention(AttentionPattern pattern) {
        this(pattern, HeadMap.ALL);
    }

    MaskedDenseAttention(AttentionPattern pattern, HeadMap heads) {
        this.pattern = pattern;
        this.heads = heads;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        int t = s.length();
        boolean[] allowed = new boolean[s.heads() * t * t];
        for (int g = 0; g < s.heads(); g++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    allowed[(g * t + i) * t + j] = pattern.allows(heads.head(g), i, j);
                }
            }
        }
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(s.headWidth())); // [B, H, T, T]
        SDVariable masked = scores.add(Blocks.mask(sd, scope + ".pattern", allowed, q.dataType(), s.heads(), t, t));
        return sd.mmul(sd.nn.softmax(scope + ".weights", masked, -1), v);                        // [B, H, T, Dh]
    }
}
