package org.reprise.report.figures;

import org.reprise.manifest.AttentionSpec;
import org.reprise.pattern.Patterns;

/**
 * Which positions each query may attend to, as in Figure 3 of Child et al. (2019): entry
 * [i][j] is true when output position i reads input position j. Drawn from the pattern's
 * definition, not from a model, so a report can show it without ND4J.
 *
 * <p>The definitions live in {@link org.reprise.pattern}, pure Java shared with the model (which
 * is tested against them), so a new pattern is drawn as soon as it is defined there.
 */
public final class AttentionPatterns {
    private AttentionPatterns() {
    }

    /**
     * @param n sequence length to draw, at least 1
     * @return empty for patterns without a fixed picture (LSH depends on the input; Linformer mixes all keys)
     */
    public static java.util.Optional<boolean[][]> connectivity(AttentionSpec spec, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("connectivity needs a length of at least 1, got " + n);
        }
        if (spec.type() == org.reprise.manifest.AttentionType.LSH || spec.type() == org.reprise.manifest.AttentionType.LINFORMER) {
            return java.util.Optional.empty();
        }
        // what head 0 of the first layer reads; the interleaved and multi-head integrations differ by layer/head
        return java.util.Optional.of(Patterns.of(spec, 0, 1, n).mask(0, n));
    }
}
