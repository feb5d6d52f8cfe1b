package org.reprise.model.attention;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.reprise.pattern.Component;
import org.reprise.pattern.FixedPattern;

/**
 * Fixed attention of Child et al. 2019 §4.3 (Fig. 3c) computed block by block, O(T·(l + w·T/l))
 * with w = c (or c + 1) summary positions per block:
 * <ul>
 *   <li>A^(1), the own block: [B, H, nb, l, l] scores with a causal mask inside the block;</li>
 *   <li>A^(2), the summary positions of earlier blocks: the w-wide sub-block of head h is sliced
 *       from every block ([B, H, nb·w, Dh]) and each query scores against all of them
 *       ([B, H, T, nb·w]), keeping key blocks before its own.</li>
 * </ul>
 * The merged head takes one softmax over both parts concatenated (summary positions inside the own
 * block are already in A^(1)). The summary-only head scores its own block with the mask
 * "j = i or j a summary position ≤ i" (see {@link FixedPattern}). No n×n matrix is formed.
 */
public final class FixedAttention implements Attention {
    private final FixedPattern pattern;
    private final HeadMap heads;

    public FixedAttention(FixedPattern pattern) {
        this(pattern, HeadMap.ALL);
    }

    FixedAttention(FixedPattern pattern, HeadMap heads) {
        this.pattern = pattern;
        this.heads = heads;
    }

    public FixedPattern pattern() {
        return pattern;
    }

    @Override
    public SDVariable attend(SameDiff sd, String scope, SDVariable q, SDVariable k, SDVariable v, AttentionShape s) {
        int l = pattern.stride();
        Blocks.requireDivides(l, s, "fixed");
        int nb = s.length() / l;
        int w = pattern.summaryWidth();
        boolean summaryOnly = pattern.component() == Component.SUMMARY;
        boolean summary = pattern.component() != Component.LOCAL;
        double scale = 1.0 / Math.sqrt(s.headWidth());
        // scale the queries, not the scores: one [B, H, T, Dh] product instead of two score-sized ones
        // (and their gradients), which keeps peak memory at a third of dense attention's at n = 4096
        SDVariable qs = q.mul(scale);                                                   // [B, H, T, Dh]
        SDVariable q5 = Blocks.split(sd, qs, s, l);                                     // [B, H, nb, l, Dh]
        SDVariable k5 = Blocks.split(sd, k, s, l);
        SDVariable v5 = Blocks.split(sd, v, s, l);

        SDVariable ownMask = summaryOnly
                ? Blocks.mask(sd, scope + ".ownmask", summaryOwnBlockMask(s.heads(), l), q.dataType(), s.heads(), 1, l, l)
                : Blocks.mask(sd, scope + ".ownmask", causalBlockMask(l), q.dataType(), l, l);
        if (!summary) {
            SDVariable ownScores = sd.mmul(q5, k5, false, true, false).add(ownMask);     // [B, H, nb, l, l]
            SDVariable weights = sd.nn.softmax(scope + ".weights", ownScores, -1);
            return Blocks.merge(sd, sd.mmul(weights, v5), s);                           // [B, H, T, Dh]
        }

        SDVariable kSummary = summaryKeys(sd, k5, s, nb, w);                             // [B, H, nb·w, Dh]
        SDVariable vSummary = summaryKeys(sd, v5, s, nb, w);                             // [B, H, nb·w, Dh]
        // Query blocks in G groups, each scoring only the summary keys of blocks before its last one:
        // half of the [T, nb·w] summary scores lie in future blocks, and skipping them per group
        // cuts that part to (G + 1)/2G of it (measured at n = 8192, l = 128, c = 8: see the note).
        // split, not slice: split's gradient is one concat, while each slice's gradient is a zero-padded
        // array of the whole input (G of them cost more memory than grouping saves)
        int groups = queryGroups(nb);
        int per = nb / groups;
        SDVariable[] qGroups = groups == 1 ? new SDVariable[] {q5} : sd.split(q5, groups, 2);  // [B, H, per, l, Dh] each
        SDVariable[] kGroups = groups == 1 ? new SDVariable[] {k5} : sd.split(k5, groups, 2);
        SDVariable[] vGroups = groups == 1 ? new SDVariable[] {v5} : sd.split(v5, groups, 2);
        List<SDVariable> outputs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int first = g * per;
            int keyBlocks = first + per - 1;                                             // summaries of blocks < the group's last
            SDVariable own = sd.mmul(qGroups[g], kGroups[g], false, true, false).add(ownMask); // [B, H, per, l, l]
            SDVariable vOwn = vGroups[g];                                                // [B, H, per, l, Dh]
            String suffix = groups == 1 ? "" : "." + g;
            if (keyBlocks == 0) {                                                        // block 0 has no earlier summaries
                outputs.add(sd.mmul(sd.nn.softmax(scope + ".weights" + suffix, own, -1), vOwn));
                continue;
            }
            long keys = (long) keyBlocks * w;
            SDVariable qGroup = sd.reshape(qGroups[g], s.batch(), s.heads(), (long) per * l, s.headWidth()); // [B, H, per·l, Dh]
            SDVariable kGroup = sd.slice(kSummary, new int[] {0, 0, 0, 0}, s.batch(), s.heads(), (int) keys, s.headWidth());
            SDVariable vGroup = sd.slice(vSummary, new int[] {0, 0, 0, 0}, s.batch(), s.heads(), (int) keys, s.headWidth());
            SDVariable summaryScores = sd.reshape(sd.mmul(qGroup, kGroup, false, true, false),
                            s.batch(), s.heads(), per, l, keys)                          // [B, H, per, l, keys]
                    .add(Blocks.mask(sd, scope + ".summarymask" + suffix, earlierBlocksMask(first, per, keyBlocks, w),
                            q.dataType(), per, 1, keys));
            SDVariable scores = sd.concat(4, own, summaryScores);                        // [B, H, per, l, l + keys]
            SDVariable weights = sd.nn.softmax(scope + ".weights" + suffix, scores, -1);
            long[] shape = {s.batch(), s.heads(), per, l, l + keys};
            SDVariable wOwn = Blocks.lastAxis(sd, weights, shape, 0, l);                // [B, H, per, l, l]
            SDVariable wSummary = sd.reshape(Blocks.lastAxis(sd, weights, shape, l, (int) keys),
                    s.batch(), s.heads(), (long) per * l, keys);                         // [B, H, per·l, keys]
            outputs.add(sd.mmul(wOwn, vOwn).add(sd.reshape(sd.mmul(wSummary, vGroup),
                    s.batch(), s.heads(), per, l, s.headWidth())));                      // [B, H, per, l, Dh]
        }
        SDVariable all = outputs.size() == 1 ? outputs.get(0) : sd.concat(2, outputs.toArray(new SDVariable[0]));
        return Blocks.merge(sd, all, s);                                                 // [B, H, T, Dh]
    }

    /** G: the largest divisor of nb up to 16 (more groups save little more and add ops). */
    static int queryGroups(int nb) {
        for (int g = Math.min(nb, 16); g > 1; g--) {
            if (nb % g == 0) {
                return g;
            }
        }
        return 1;
    }

    /** The summary sub-block of each head, sliced from every block: [B, H, nb, l, Dh] → [B, H, nb·w, Dh]. */
    private SDVariable summaryKeys(SameDiff sd, SDVariable blocks, AttentionShape s, int nb, int w) {
        List<SDVariable> perHead = new ArrayList<>();
        boolean shared = true;
        for (int g = 0; g < s.heads(); g++) {
            shared &= pattern.summaryStart(heads.head(g)) == pattern.summaryStart(heads.head(0));
        }
        if (shared) {
            perHead.add(sd.slice(blocks, new int[] {0, 0, 0, pattern.summaryStart(heads.head(0)), 0},
                    s.batch(), s.heads(), nb, w, s.headWidth()));                        // [B, H, nb, w, Dh]
        } else {
            for (int g = 0; g < s.heads(); g++) {
                perHead.add(sd.slice(blocks, new int[] {0, g, 0, pattern.summaryStart(heads.head(g)), 0},
                        s.batch(), 1, nb, w, s.headWidth()));                            // [B, 1, nb, w, Dh]
            }
        }
        SDVariable all = perHead.size() == 1 ? perHead.get(0) : sd.concat(1, perHead.toArray(new SDVariable[0]));
        return sd.reshape(all, s.batch(), s.heads(), (long) nb * w, s.headWidth());
    }

    private static boolean[] causalBlockMask(int l) {
        boolean[] allowed = new boolean[l * l];
        for (int p = 0; p < l; p++) {
            for (int m = 0; m <= p; m++) {
                allowed[p * l + m] = true;
            }
        }
        return allowed;
    }

    /** [H, 1, l, l]: within its own block a summary-only head sees itself and summary positions ≤ i. */
    private boolean[] summaryOwnBlockMask(int h, int l) {
        int w = pattern.summaryWidth();
        boolean[] allowed = new boolean[h * l * l];
        for (int g = 0; g < h; g++) {
            int start = pattern.summaryStart(heads.head(g));
            for (int p = 0; p < l; p++) {
                for (int m = 0; m <= p; m++) {
                    allowed[(g * l + p) * l + m] = m == p || (m >= start && m < start + w);
                }
            }
        }
        return allowed;
    }

    /** [count, 1, keyBlocks·w]: summary keys of block k are visible to queries of block b when k &lt; b. */
    private static boolean[] earlierBlocksMask(int first, int count, int keyBlocks, int w) {
        boolean[] allowed = new boolean[count * keyBlocks * w];
        for (int b = 0; b < count; b++) {
            for (int key = 0; key < keyBlocks * w; key++) {
                allowed[b * keyBlocks * w + key] = key / w < first + b;
            }
        }
        return allowed;
    }
}
