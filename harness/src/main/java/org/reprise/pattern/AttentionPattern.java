package org.reprise.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A connectivity pattern S = {S_1..S_n} straight from a paper's formulas (Child et al. 2019 §4.2):
 * {@code allows(h, i, j)} says whether output i of head h attends to input j. Pure Java, no ND4J:
 * it is the test oracle of the SameDiff implementations and what reports draw.
 */
public interface AttentionPattern {
    /** @return true when query i of head h attends to key j (0 ≤ i, j &lt; n) */
    boolean allows(int head, int i, int j);

    /** S_i for head h, ascending, over a sequence of length n. */
    default List<Integer> keys(int head, int i, int n) {
        List<Integer> keys = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (allows(head, i, j)) {
                keys.add(j);
            }
        }
        return keys;
    }

    /** [n][n] with mask[i][j] = allows(h, i, j). */
    default boolean[][] mask(int head, int n) {
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = allows(head, i, j);
            }
        }
        return mask;
    }
}
