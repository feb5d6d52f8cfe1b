package org.reprise.pattern;

/**
 * The "multi-head" integration of Child et al. 2019 §5.1 (Eq. 8 with separate patterns): head h
 * uses A^(h mod 2), so even heads attend locally and odd heads to the strided or summary part.
 * The head index passed to the parts is the original one (fixed's sub-block choice depends on it).
 */
public record HeadSplitPattern(AttentionPattern even, AttentionPattern odd) implements AttentionPattern {
    @Override
    public boolean allows(int head, int i, int j) {
        return (head % 2 == 0 ? even : odd).allows(head, i, j);
    }
}
