package org.reprise.model.attention;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.reprise.pattern.SlidingWindowPattern;

/**
 * Longformer's causal sliding window with per-head dilation and leading global tokens (Beltagy et
 * al. 2020 §3.1), O(T·(w + g)). A window dilated by d is a plain window in the [T/d, d] layout read
 * column by column (position r·d + p is row r of column p), so each head group is reshaped to
 * [B, H·d, T/d, Dh] and attends in blocks of w to its own and the previous block (band mask).
 * Global keys (the first g positions) are scored by every query and share one softmax with the
 * window; those the window already holds are masked in the global part so no key counts twice.
 */
public final class SlidingWindowAttention implements Attention {
    private final SlidingWindowPattern pattern;

    public SlidingWindowAttention(SlidingWindowPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        if (s.heads() != pattern.heads()) {
            throw new IllegalArgumentException("pattern built for " + pattern.heads() + " heads, got " + s.heads());
        }
        int plain = s.heads() - pattern.dilatedHeads();
        List<SDVariable> groups = new ArrayList<>();
        if (plain > 0) {
            groups.add(group(sd, scope + ".d1", q, k, v, s, 0, plain, 1));
        }
        if (pattern.dilatedHeads() > 0) {
            groups.add(group(sd, scope + ".dil", q, k, v, s, plain, pattern.dilatedHeads(), pattern.dilation()));
        }
        return groups.size() == 1 ? groups.get(0) : sd.concat(1, groups.toArray(new SDVariable[0])); // [B, H, T, Dh]
    }

    /** Heads [first, first + count) with dilation d. */
    private SDVariable group(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s,
                             int first, int count, int d) {
        int t = s.length();
        int w = pattern.window();
        int g = pattern.global();
        if (t % d != 0 || (t / d) % w != 0) {
            throw new IllegalArgumentException("window " + w + " × dilation " + d + " must divide the sequence length " + t);
        }
        int rows = t / d;
        int nb = rows / w;
        double scale = 1.0 / Math.sqrt(s.headWidth());
        AttentionShape heads = new AttentionShape(s.batch(), count, t, s.headWidth());
        AttentionShape folded = new AttentionShape(s.batch(), count * d, rows, s.headWidth());
        SDVariable qg = pick(sd, q, s, first, count);                                    // [B, Hg, T, Dh]
        SDVariable kg = pick(sd, k, s, first, count);
        SDVariable vg = pick(sd, v, s, first, count);
        SDVariable q5 = Blocks.split(sd, fold(sd, qg, heads, d), folded, w);             // [B, Hg·d, nb, w, Dh]
        SDVariable k5 = Blocks.split(sd, fold(sd, kg, heads, d), folded, w);
        SDVariable v5 = Blocks.split(sd, fold(sd, vg, heads, d), folded, w);
        SDVariable kBand = sd.concat(3, Blocks.previous(sd, scope + ".kprev0", k5, folded, w), k5); // [B, Hg·d, nb, 2w, Dh]
        SDVariable vBand = sd.concat(3, Blocks.previous(sd, scope + ".vprev0", v5, folded, w), v5);
        SDVariable band = sd.mmul(q5, kBand, false, true, false).mul(scale)             // [B, Hg·d, nb, w, 2w]
                .add(Blocks.mask(sd, scope + ".bandmask", bandMask(nb, w), q.dataType(), nb, w, 2L * w));
        if (g == 0) {
            SDVariable weights = sd.nn.softmax(scope + ".weights", band, -1);
            return unfold(sd, sd.mmul(weights, vBand), heads, d, s.headWidth());         // [B, Hg, T, Dh]
        }
        // one softmax over [window | global] in token order
        SDVariable bandTokens = unfold(sd, band, heads, d, 2 * w);                       // [B, Hg, T, 2w]
        SDVariable kGlobal = sd.slice(kg, new int[] {0, 0, 0, 0}, s.batch(), count, g, s.headWidth()); // [B, Hg, g, Dh]
        SDVariable vGlobal = sd.slice(vg, new int[] {0, 0, 0, 0}, s.batch(), count, g, s.headWidth());
        SDVariable globalScores = sd.mmul(qg, kGlobal, false, true, false).mul(scale)    // [B, Hg, T, g]
                .add(Blocks.mask(sd, scope + ".globalmask", globalMask(t, g, first), q.dataType(), t, g));
        SDVariable weights = sd.nn.softmax(scope + ".weights", sd.concat(3, bandTokens, globalScores), -1); // [B, Hg, T, 2w+g]
        SDVariable wBand = sd.slice(weights, new int[] {0, 0, 0, 0}, s.batch(), count, t, 2 * w);
        SDVariable wGlobal = sd.slice(weights, new int[] {0, 0, 0, 2 * w}, s.batch(), count, t, g);
        SDVariable wBandBlocks = Blocks.split(sd, fold(sd, wBand, new AttentionShape(s.batch(), count, t, 2 * w), d),
                new AttentionShape(s.batch(), count * d, rows, 2 * w), w);                // [B, Hg·d, nb, w, 2w]
        SDVariable windowOut = unfold(sd, sd.mmul(wBandBlocks, vBand), heads, d, s.headWidth()); // [B, Hg, T, Dh]
        return windowOut.add(sd.mmul(wGlobal, vGlobal));
    }

    private static SDVariable pick(SameDiff sd, SDVariable x, AttentionShape s, int first, int count) {
        if (count == s.heads()) {
            return x;
        }
        return sd.slice(x, new int[] {0, first, 0, 0}, s.batch(), count, s.length(), s.headWidth());
    }

    /** [B, Hg, T, C] → [B, Hg·d, T/d, C]: column p of the [T/d, d] layout becomes its own sequence. */
    private static SDVariable fold(SameDiff sd, SDVariable x, AttentionShape s, int d) {
        if (d == 1) {
            return x;
        }
        SDVariable grid = sd.reshape(x, s.batch(), s.heads(), s.length() / d, d, s.headWidth()); // [B, Hg, T/d, d, C]
        return sd.reshape(sd.permute(grid, 0, 1, 3, 2, 4), s.batch(), (long) s.heads() * d, s.length() / d, s.headWidth());
    }

    /** Inverse of {@link #fold} for any last width c: [B, Hg·d, ..., c] (T/d rows in total) → [B, Hg, T, c]. */
    private static SDVariable unfold(SameDiff sd, SDVariable x, AttentionShape s, int d, int c) {
        SDVariable grid = sd.reshape(x, s.batch(), s.heads(), d, s.length() / d, c);      // [B, Hg, d, T/d, c]
        return sd.reshape(sd.permute(grid, 0, 1, 3, 2, 4), s.batch(), s.heads(), s.length(), c);
    }

    /** [nb, w, 2w]: row r = b·w + p of a column sees rows r − w + 1 … r (blocks b − 1 and b). */
    private static boolean[] bandMask(int nb, int w) {
        boolean[] allowed = new boolean[nb * w * 2 * w];
        for (int b = 0; b < nb; b++) {
            for (int p = 0; p < w; p++) {
                for (int m = 0; m < 2 * w; m++) {
                    int i = b * w + p;
                    int j = (b - 1) * w + m;
                    allowed[(b * w + p) * 2 * w + m] = j >= 0 && j <= i && i - j < w;
                }
            }
        }
        return allowed;
    }

    /** [T, g]: global key j for query i when j ≤ i and the window of the group's heads does not hold it. */
    private boolean[] globalMask(int t, int g, int firstHead) {
        boolean[] allowed = new boolean[t * g];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < g; j++) {
                allowed[i * g + j] = j <= i && !pattern.inWindow(firstHead, i, j);
            }
        }
        return allowed;
    }
}
