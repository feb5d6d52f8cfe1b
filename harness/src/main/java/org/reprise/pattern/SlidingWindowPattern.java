package org.reprise.pattern;

/**
 * Longformer's causal (autoregressive) sliding window with per-head dilation and leading global
 * tokens (Beltagy et al. 2020 §3.1, §4.1):
 * <pre>
 *   S_i = {j ≤ i : (i − j) mod d_h = 0, (i − j)/d_h &lt; w}  ∪  {j ≤ i : j &lt; g}
 * </pre>
 * w is the window (w positions: i and the w − 1 before it, d_h apart), d_h the dilation of head h:
 * the last {@code dilatedHeads} heads use {@code dilation}, the others 1 (the paper dilates 2 heads
 * in the upper layers). Global attention is symmetric: the first g tokens are seen by every later
 * token, and (causally) see every token before them — which, being global themselves, they already do.
 */
public record SlidingWindowPattern(int window, int dilation, int dilatedHeads, int heads, int global)
        implements AttentionPattern {
    public SlidingWindowPattern {
        if (window < 1 || dilation < 1 || dilatedHeads < 0 || dilatedHeads > heads || global < 0) {
            throw new IllegalArgumentException("need window, dilation ≥ 1, 0 ≤ dilated heads ≤ heads, global ≥ 0");
        }
    }

    public int dilation(int head) {
        return head >= heads - dilatedHeads ? dilation : 1;
    }

    public boolean inWindow(int head, int i, int j) {
        int d = dilation(head);
        return j <= i && (i - j) % d == 0 && (i - j) / d < window;
    }

    @Override
    public boolean allows(int head, int i, int j) {
        return inWindow(head, i, j) || (j <= i && j < global);
    }
}
