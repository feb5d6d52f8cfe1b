package org.reprise.pattern;

/**
 * The strided pattern of Child et al. 2019 §4.3 (Fig. 3b), stride l:
 * <pre>
 *   A_i^(1) = {j ≤ i : i − j &lt; w}          w = l (official code, default) or l + 1 (paper: t = max(0, i − l))
 *   A_i^(2) = {j ≤ i : (i − j) mod l = 0}
 * </pre>
 * The paper writes A^(1) = {t, …, i} with t = max(0, i − l), which is l + 1 positions; the released
 * {@code attention.py} ({@code get_attn_mask}, "local") uses a band of l positions {i − l + 1 … i}.
 * {@link WindowRule#OFFICIAL} is the default (paper-facts §6 item 2).
 */
public record StridedPattern(int stride, WindowRule window, Component component) implements AttentionPattern {
    /** Length of the local window A^(1). */
    public enum WindowRule {
        /** l positions {i − l + 1 … i}, as the official code's local mask. */
        OFFICIAL,
        /** l + 1 positions {max(0, i − l) … i}, as the paper's formula reads. */
        PAPER;

        public int length(int stride) {
            return this == OFFICIAL ? stride : stride + 1;
        }
    }

    public StridedPattern {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
    }

    public boolean local(int i, int j) {
        return j <= i && i - j < window.length(stride);
    }

    public boolean strided(int i, int j) {
        return j <= i && (i - j) % stride == 0;
    }

    @Override
    public boolean allows(int head, int i, int j) {
        return switch (component) {
            case LOCAL -> local(i, j);
            case SUMMARY -> strided(i, j);
            case MERGED -> local(i, j) || strided(i, j);
        };
    }
}
