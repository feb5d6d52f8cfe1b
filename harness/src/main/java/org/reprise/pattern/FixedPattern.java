package org.reprise.pattern;

/**
 * The fixed pattern of Child et al. 2019 §4.3 (Fig. 3c), stride l and summary width c:
 * <pre>
 *   A_i^(1) = {j ≤ i : ⌊j/l⌋ = ⌊i/l⌋}                       (own block, causal)
 *   A_i^(2) = {j ≤ i : j mod l ∈ R_h}                         (summary positions of head h)
 * </pre>
 * The paper writes R = {l − c, …, l}, which is off by one (j mod l never equals l) and, by its own
 * example (l = 128, c = 8: "120–128"), c + 1 positions. Rules (paper-facts §6 item 1):
 * <ul>
 *   <li>{@link SummaryRule#OFFICIAL} (default): the last c positions of a sub-block, as the released
 *       code ({@code get_blocksparse_obj}); sub-block s of head h = h mod G covers offsets
 *       {l − (s+1)c, …, l − s·c − 1}, counting down from the block end like the code's {@code idx};
 *       G = l / c distinct sub-blocks.</li>
 *   <li>{@link SummaryRule#PAPER}: c + 1 positions ending at the sub-block end, reading "120–128" as
 *       1-indexed inclusive: offsets {l − (s+1)c − 1, …, l − s·c − 1}; G = ⌊(l − 1)/c⌋.</li>
 * </ul>
 * Heads attend to distinct sub-blocks when {@code groups} > 1 (§4.3, "Multiple heads"); groups = 1
 * makes every head use the sub-block at the block end.
 *
 * <p>A^(2) alone is empty for early positions (e.g. all of the first block before its summary);
 * softmax over an empty set is undefined, so the {@link Component#SUMMARY} head also attends to i
 * itself (the rule Reformer uses for a token with no other target).
 */
public record FixedPattern(int stride, int c, SummaryRule summary, int groups, Component component)
        implements AttentionPattern {
    /** Which offsets of each block are summary positions. */
    public enum SummaryRule {
        OFFICIAL, PAPER;

        /** Summary positions per head: c or c + 1. */
        public int width(int c) {
            return this == OFFICIAL ? c : c + 1;
        }

        /** The largest number of distinct sub-blocks that fit in a block of length l. */
        public int maxGroups(int stride, int c) {
            return this == OFFICIAL ? stride / c : (stride - 1) / c;
        }
    }

    public FixedPattern {
        if (stride < 1 || c < 1 || c > stride) {
            throw new IllegalArgumentException("need 1 ≤ c ≤ stride, got c " + c + ", stride " + stride);
        }
        if (summary == SummaryRule.OFFICIAL && stride % c != 0) {
            throw new IllegalArgumentException("c " + c + " must divide stride " + stride);
        }
        if (groups < 1 || groups > summary.maxGroups(stride, c)) {
            throw new IllegalArgumentException("groups " + groups + " must be in 1.."
                    + summary.maxGroups(stride, c) + " for stride " + stride + ", c " + c + ", summary " + summary);
        }
    }

    /** Default: as many distinct sub-blocks as fit (the official code's num_verts = l / c). */
    public static FixedPattern of(int stride, int c, SummaryRule summary, Component component) {
        return new FixedPattern(stride, c, summary, Math.max(1, summary.maxGroups(stride, c)), component);
    }

    /** First summary offset within a block for head h; the offsets are [first, first + width). */
    public int summaryStart(int head) {
        int s = head % groups;
        return stride - (s + 1) * c - (summary == SummaryRule.PAPER ? 1 : 0);
    }

    public int summaryWidth() {
        return summary.width(c);
    }

    public boolean local(int i, int j) {
        return j <= i && j / stride == i / stride;
    }

    public boolean summary(int head, int i, int j) {
        int offset = j % stride;
        int start = summaryStart(head);
        return j <= i && offset >= start && offset < start + summaryWidth();
    }

    @Override
    public boolean allows(int head, int i, int j) {
        return switch (component) {
            case LOCAL -> local(i, j);
            case SUMMARY -> summary(head, i, j) || j == i;
            case MERGED -> local(i, j) || summary(head, i, j);
        };
    }
}
