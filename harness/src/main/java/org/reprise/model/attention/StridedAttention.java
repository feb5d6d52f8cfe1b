package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.reprise.pattern.Component;
import org.reprise.pattern.StridedPattern;

/**
 * Strided attention of Child et al. 2019 §4.3 (Fig. 3b) computed block by block, O(T·(l + T/l)):
 * <ul>
 *   <li>A^(1), the window {i − w + 1 … i}: each block of l queries against its own block and the
 *       previous one ([B, H, nb, l, 2l] scores, band mask);</li>
 *   <li>A^(2), the columns (i − j) mod l = 0: in the transposed [l, nb] layout these are causal
 *       attention along each column ([B, H, l, nb, nb] scores).</li>
 * </ul>
 * The merged head takes one softmax over both parts concatenated; the column part then drops the
 * positions the window already covers, so every key appears once. No n×n matrix is formed.
 */
public final class StridedAttention implements Attention {
    private final StridedPattern pattern;

    public StridedAttention(StridedPattern pattern) {
        this.pattern = pattern;
    }

    public StridedPattern pattern() {
        return pattern;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        int l = pattern.stride();
        Blocks.requireDivides(l, s, "strided");
        int nb = s.length() / l;
        boolean local = pattern.component() != Component.SUMMARY;
        boolean columns = pattern.component() != Component.LOCAL;
        double scale = 1.0 / Math.sqrt(s.headWidth());
        SDVariable q5 = Blocks.split(sd, q, s, l);                                      // [B, H, nb, l, Dh]
        SDVariable k5 = Blocks.split(sd, k, s, l);
        SDVariable v5 = Blocks.split(sd, v, s, l);

        SDVariable localScores = null;
        SDVariable kBand = null;
        SDVariable vBand = null;
        if (local) {
            kBand = sd.concat(3, Blocks.previous(sd, scope + ".kprev0", k5, s, l), k5);  // [B, H, nb, 2l, Dh]
            vBand = sd.concat(3, Blocks.previous(sd, scope + ".vprev0", v5, s, l), v5);  // [B, H, nb, 2l, Dh]
            localScores = sd.mmul(q5, kBand, false, true, false).mul(scale)               // [B, H, nb, l, 2l]
                    .add(Blocks.mask(sd, scope + ".bandmask", bandMask(nb, l), q.dataType(), nb, l, 2L * l));
        }
        SDVariable qT = null;
        SDVariable vT = null;
        SDVariable columnScores = null;
        if (columns) {
            qT = sd.permute(q5, 0, 1, 3, 2, 4);                                          // [B, H, l, nb, Dh]
            SDVariable kT = sd.permute(k5, 0, 1, 3, 2, 4);                               // [B, H, l, nb, Dh]
            vT = sd.permute(v5, 0, 1, 3, 2, 4);                                          // [B, H, l, nb, Dh]
            SDVariable byColumn = sd.mmul(qT, kT, false, true, false).mul(scale)         // [B, H, l, nb, nb]
                    .add(Blocks.mask(sd, scope + ".colmask", columnMask(nb, local), q.dataType(), nb, nb));
            columnScores = sd.permute(byColumn, 0, 1, 3, 2, 4);                          // [B, H, nb, l, nb]
        }

        if (!columns) {
            SDVariable w = sd.nn.softmax(scope + ".weights", localScores, -1);           // [B, H, nb, l, 2l]
            return Blocks.merge(sd, sd.mmul(w, vBand), s);                               // [B, H, T, Dh]
        }
        if (!local) {
            SDVariable w = sd.nn.softmax(scope + ".weights", columnScores, -1);          // [B, H, nb, l, nb]
            return Blocks.merge(sd, columnOutput(sd, w, vT), s);
        }
        // merged head: one softmax over [window | columns]
        SDVariable scores = sd.concat(4, localScores, columnScores);                     // [B, H, nb, l, 2l + nb]
        SDVariable w = sd.nn.softmax(scope + ".weights", scores, -1);
        long[] shape = {s.batch(), s.heads(), nb, l, 2L * l + nb};
        SDVariable wLocal = Blocks.lastAxis(sd, w, shape, 0, 2 * l);                    // [B, H, nb, l, 2l]
        SDVariable wColumns = Blocks.lastAxis(sd, w, shape, 2 * l, nb);                 // [B, H, nb, l, nb]
        SDVariable out = sd.mmul(wLocal, vBand).add(columnOutput(sd, wColumns, vT));     // [B, H, nb, l, Dh]
        return Blocks.merge(sd, out, s);                                                 // [B, H, T, Dh]
    }

    /** Weights [B, H, nb, l, nb] over the column keys, values [B, H, l, nb, Dh] → [B, H, nb, l, Dh]. */
    private static SDVariable columnOutput(SameDiff sd, SDVariable weights, SDVariable vT) {
        SDVariable byColumn = sd.mmul(sd.permute(weights, 0, 1, 3, 2, 4), vT);         // [B, H, l, nb, Dh]
        return sd.permute(byColumn, 0, 1, 3, 2, 4);                                     // [B, H, nb, l, Dh]
    }

    /** [nb, l, 2l]: query b·l + p may see key (b − 1)·l + m when it is in the window. */
    private boolean[] bandMask(int nb, int l) {
        int w = pattern.window().length(l);
        boolean[] allowed = new boolean[nb * l * 2 * l];
        for (int b = 0; b < nb; b++) {
            for (int p = 0; p < l; p++) {
                for (int m = 0; m < 2 * l; m++) {
                    int i = b * l + p;
                    int j = (b - 1) * l + m;
                    allowed[(b * l + p) * 2 * l + m] = j >= 0 && j <= i && i - j < w;
                }
            }
        }
        return allowed;
    }

    /**
     * [nb, nb]: in column p, row r may see row r' ≤ r (key j = i − (r − r')·l). The merged head
     * leaves out the rows the window already holds: i − m·l is in a window of w when m·l &lt; w.
     */
    private boolean[] columnMask(int nb, boolean windowPresent) {
        int l = pattern.stride();
        int skip = windowPresent ? (pattern.window().length(l) - 1) / l + 1 : 0;
        boolean[] allowed = new boolean[nb * nb];
        for (int r = 0; r < nb; r++) {
            for (int r2 = 0; r2 <= r - skip; r2++) {
                allowed[r * nb + r2] = true;
            }
        }
        return allowed;
    }
}
