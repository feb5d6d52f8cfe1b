package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonotoneTrendClaimTest {

    private static final double REFERENCE_TOLERANCE = 1e-9;
    /** log2 of 1, 2, 4, 8 hashing rounds, two seeds each. */
    private static final double[] LOG2_ROUNDS = {0, 0, 1, 1, 2, 2, 3, 3};
    private static final MonotoneTrendClaim ACCURACY_RISES = new MonotoneTrendClaim(
            "LSH accuracy", "log2 rounds", MonotoneTrendClaim.Trend.RISES, 0.05);

    @Test
    void risingAccuracyIsReproducedWithTheScipySlopeInterval() {
        // python3: r=stats.linregress([0,0,1,1,2,2,3,3], [0.50,0.55,0.58,0.62,0.66,0.70,0.71,0.77])
        //   h=stats.t.ppf(0.95, 6)*r.stderr -> slope 0.0725, 90% [0.05507446469967703, 0.08992553530032293]
        ClaimVerdict verdict = ACCURACY_RISES.evaluate(LOG2_ROUNDS, new double[] {0.50, 0.55, 0.58, 0.62, 0.66, 0.70, 0.71, 0.77});

        assertThat(verdict.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict.interval().orElseThrow().lower()).isCloseTo(0.05507446469967703, within(REFERENCE_TOLERANCE));
        assertThat(verdict.interval().orElseThrow().upper()).isCloseTo(0.08992553530032293, within(REFERENCE_TOLERANCE));
    }

    @Test
    void fallingAccuracyIsNotReproduced() {
        ClaimVerdict verdict = ACCURACY_RISES.evaluate(LOG2_ROUNDS, new double[] {0.77, 0.71, 0.70, 0.66, 0.62, 0.58, 0.55, 0.50});

        assertThat(verdict.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void noisyTrendIsInconclusiveWithSeedsPerLevel() {
        // python3: r=stats.linregress([0,0,1,1,2,2,3,3], [0.60,0.52,0.58,0.63,0.55,0.66,0.61,0.60])
        //   next(m for m in range(3,1001) if stats.t.ppf(0.95, 4*m-2)*r.stderr*np.sqrt(2/m) < abs(r.slope)) -> 7
        ClaimVerdict verdict = ACCURACY_RISES.evaluate(LOG2_ROUNDS, new double[] {0.60, 0.52, 0.58, 0.63, 0.55, 0.66, 0.61, 0.60});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).hasValue(7);
        assertThat(verdict.reason()).contains("about 7 seeds per level would make it REPRODUCED");
    }

    @Test
    void twoLevelsAreNotATrend() {
        ClaimVerdict verdict = ACCURACY_RISES.evaluate(new double[] {1, 1, 2, 2}, new double[] {0.5, 0.6, 0.7, 0.8});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).isEqualTo("2 distinct log2 rounds level(s): a trend needs at least 3");
    }
}
