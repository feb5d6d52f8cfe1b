package org.reprise.model.attention;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.pattern.BigBirdPattern;

/**
 * BigBird's block-sparse attention, causal (Zaheer et al. 2020 §2, App. D; {@link BigBirdPattern}):
 * each query block of b scores [previous | own] blocks (2b keys), the g global blocks (g·b keys) and
 * r random blocks (r·b keys), with one softmax over all of them: O(T·b·(2 + g + r)) scores.
 * Random blocks are fetched with a constant one-hot block-selection matmul (SameDiff's gather has a
 * broken gradient): [nb·r, nb] × [nb, B·H·b·Dh], a (T/b)²·r·b·Dh term that is tiny next to dense's T²·Dh.
 * Global blocks the window already holds are masked in the global part, so no key counts twice.
 */
public final class BigBirdAttention implements Attention {
    private final int block;
    private final int globalBlocks;
    private final int randomBlocks;
    private final long seed;

    /**
     * @param seed seeds the random-block table (fixed for the layer, as BigBird's per-layer random graph)
     */
    public BigBirdAttention(int block, int globalBlocks, int randomBlocks, long seed) {
        this.block = block;
        this.globalBlocks = globalBlocks;
        this.randomBlocks = randomBlocks;
        this.seed = seed;
    }

    /** The pattern this attention computes at length t. */
    public BigBirdPattern pattern(int t) {
        return new BigBirdPattern(block, globalBlocks, BigBirdPattern.randomBlocks(t / block, globalBlocks, randomBlocks, seed));
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        Blocks.requireDivides(block, s, "bigbird block");
        int b = block;
        int nb = s.length() / b;
        int g = Math.min(globalBlocks, nb);
        int r = randomBlocks;
        int[][] table = pattern(s.length()).random();
        double scale = 1.0 / Math.sqrt(s.headWidth());
        SDVariable q5 = Blocks.split(sd, q, s, b);                                      // [B, H, nb, b, Dh]
        SDVariable k5 = Blocks.split(sd, k, s, b);
        SDVariable v5 = Blocks.split(sd, v, s, b);

        List<SDVariable> parts = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        SDVariable kBand = sd.concat(3, Blocks.previous(sd, scope + ".kprev0", k5, s, b), k5); // [B, H, nb, 2b, Dh]
        SDVariable vBand = sd.concat(3, Blocks.previous(sd, scope + ".vprev0", v5, s, b), v5);
        parts.add(sd.mmul(q5, kBand, false, true, false).mul(scale)                      // [B, H, nb, b, 2b]
                .add(Blocks.mask(sd, scope + ".windowmask", windowMask(nb, b), q.dataType(), nb, b, 2L * b)));
        widths.add(2 * b);
        SDVariable vGlobal = null;
        if (g > 0) {
            SDVariable kGlobal = sd.reshape(sd.slice(k5, new int[] {0, 0, 0, 0, 0}, s.batch(), s.heads(), g, b, s.headWidth()),
                    s.batch(), s.heads(), (long) g * b, s.headWidth());                  // [B, H, g·b, Dh]
            vGlobal = sd.reshape(sd.slice(v5, new int[] {0, 0, 0, 0, 0}, s.batch(), s.heads(), g, b, s.headWidth()),
                    s.batch(), s.heads(), (long) g * b, s.headWidth());
            SDVariable scores = sd.reshape(sd.mmul(q, kGlobal, false, true, false),      // [B, H, T, g·b]
                    s.batch(), s.heads(), nb, b, (long) g * b);                          // [B, H, nb, b, g·b]
            parts.add(scores.mul(scale)
                    .add(Blocks.mask(sd, scope + ".globalmask", globalMask(nb, g, b), q.dataType(), nb, 1, (long) g * b)));
            widths.add(g * b);
        }
        SDVariable vRandom = null;
        if (r > 0) {
            SDVariable select = sd.constant(scope + ".select", selection(table, nb, r).castTo(q.dataType())); // [nb·r, nb]
            SDVariable kRandom = randomBlocks(sd, select, k5, s, nb, r);                  // [B, H, nb, r·b, Dh]
            vRandom = randomBlocks(sd, select, v5, s, nb, r);
            parts.add(sd.mmul(q5, kRandom, false, true, false).mul(scale)                 // [B, H, nb, b, r·b]
                    .add(Blocks.mask(sd, scope + ".randommask", randomMask(table, nb, r, b), q.dataType(), nb, 1, (long) r * b)));
            widths.add(r * b);
        }

        SDVariable scores = parts.size() == 1 ? parts.get(0) : sd.concat(4, parts.toArray(new SDVariable[0]));
        SDVariable weights = sd.nn.softmax(scope + ".weights", scores, -1);             // [B, H, nb, b, Σ widths]
        long total = widths.stream().mapToLong(Integer::longValue).sum();
        long[] shape = {s.batch(), s.heads(), nb, b, total};
        int from = 0;
        SDVariable out = sd.mmul(Blocks.lastAxis(sd, weights, shape, from, 2 * b), vBand); // [B, H, nb, b, Dh]
        from += 2 * b;
        if (g > 0) {
            SDVariable wGlobal = sd.reshape(Blocks.lastAxis(sd, weights, shape, from, g * b),
                    s.batch(), s.heads(), s.length(), (long) g * b);                     // [B, H, T, g·b]
            out = out.add(Blocks.split(sd, sd.mmul(wGlobal, vGlobal), s, b));
            from += g * b;
        }
        if (r > 0) {
            out = out.add(sd.mmul(Blocks.lastAxis(sd, weights, shape, from, r * b), vRandom));
        }
        return Blocks.merge(sd, out, s);                                                 // [B, H, T, Dh]
    }

    /** Rows of {@code select} pick key blocks: [B, H, nb, b, Dh] → [B, H, nb, r·b, Dh]. */
    private static SDVariable randomBlocks(SameDiff sd, SDVariable select, SDVariable x5, AttentionShape s, int nb, int r) {
        int b = s.length() / nb;
        SDVariable byBlock = sd.reshape(sd.permute(x5, 2, 0, 1, 3, 4),
                nb, (long) s.batch() * s.heads() * b * s.headWidth());                   // [nb, B·H·b·Dh]
        SDVariable picked = sd.reshape(sd.mmul(select, byBlock), nb, r, s.batch(), s.heads(), b, s.headWidth()); // [nb, r, B, H, b, Dh]
        return sd.reshape(sd.permute(picked, 2, 3, 0, 1, 4, 5), s.batch(), s.heads(), nb, (long) r * b, s.headWidth());
    }

    /** [nb·r, nb] one-hot: row q·r + slot selects block table[q][slot] (block 0 for an empty, masked slot). */
    private static org.nd4j.linalg.api.ndarray.INDArray selection(int[][] table, int nb, int r) {
        float[] values = new float[nb * r * nb];
        for (int q = 0; q < nb; q++) {
            for (int slot = 0; slot < r; slot++) {
                int chosen = slot < table[q].length ? table[q][slot] : 0;
                values[(q * r + slot) * nb + chosen] = 1f;
            }
        }
        return Nd4j.create(values, new long[] {(long) nb * r, nb}, DataType.FLOAT);
    }

    private static boolean[] windowMask(int nb, int b) {
        boolean[] allowed = new boolean[nb * b * 2 * b];
        for (int q = 0; q < nb; q++) {
            for (int p = 0; p < b; p++) {
                for (int m = 0; m < 2 * b; m++) {
                    int i = q * b + p;
                    int j = (q - 1) * b + m;
                    allowed[(q * b + p) * 2 * b + m] = j >= 0 && j <= i;
                }
            }
        }
        return allowed;
    }

    /** [nb, 1, g·b]: global block kb for query block q when it is before the window (kb &lt; q − 1). */
    private static boolean[] globalMask(int nb, int g, int b) {
        boolean[] allowed = new boolean[nb * g * b];
        for (int q = 0; q < nb; q++) {
            for (int key = 0; key < g * b; key++) {
                allowed[q * g * b + key] = key / b < q - 1;
            }
        }
        return allowed;
    }

    /** [nb, 1, r·b]: slot valid when the table has that many random blocks for q. */
    private static boolean[] randomMask(int[][] table, int nb, int r, int b) {
        boolean[] allowed = new boolean[nb * r * b];
        for (int q = 0; q < nb; q++) {
            for (int key = 0; key < r * b; key++) {
                allowed[q * r * b + key] = key / b < table[q].length;
            }
        }
        return allowed;
    }
}
