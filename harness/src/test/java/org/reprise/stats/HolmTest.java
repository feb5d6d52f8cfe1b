package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    private static final double ARITHMETIC_TOLERANCE = 1e-15;

    @Test
    void adjustedPValuesMatchTheStepDownByHandInInputOrder() {
        // statsmodels multipletests(p, method='holm') by hand (statsmodels is not installed here):
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 -> 0.02, 0.03, 0.06, 0.04;
        // running max -> 0.02, 0.03, 0.06, 0.06; back in input order:
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(ARITHMETIC_TOLERANCE));
    }

    @Test
    void adjustedPValuesAreCappedAtOne() {
        double[] adjusted = Holm.adjust(new double[] {0.4, 0.6, 0.01});

        // 0.01·3 = 0.03, 0.4·2 = 0.8, 0.6·1 = 0.6 -> max 0.8
        assertThat(adjusted).containsExactly(new double[] {0.8, 0.8, 0.03}, within(ARITHMETIC_TOLERANCE));
        assertThat(Holm.adjust(new double[] {0.7, 0.9})).containsExactly(new double[] {1.0, 1.0},
                within(ARITHMETIC_TOLERANCE));
    }

    @Test
    void aSingleComparisonIsNotAdjusted() {
        assertThat(Holm.adjust(new double[] {0.037})).containsExactly(0.037);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}
