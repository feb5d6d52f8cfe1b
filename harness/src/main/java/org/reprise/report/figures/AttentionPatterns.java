package org.reprise.report.figures;

import org.reprise.manifest.AttentionSpec;

/**
 * Which positions each query may attend to, as in Figure 3 of Child et al. (2019): entry
 * [i][j] is true when output position i reads input position j. Drawn from the pattern's
 * definition, not from a model, so a report can show it without ND4J.
 *
 * <p>To add a pattern, add its case here; the switch has no default, so a new
 * {@link org.reprise.manifest.AttentionType} does not compile until it is drawn.
 */
public final class AttentionPatterns {
    private AttentionPatterns() {
    }

    /** @param n sequence length to draw, at least 1 */
    public static boolean[][] connectivity(AttentionSpec spec, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("connectivity needs a length of at least 1, got " + n);
        }
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = switch (spec.type()) {
                    case DENSE -> j <= i; // S_i = {j : j <= i}, §4.1
                };
            }
        }
        return mask;
    }
}
