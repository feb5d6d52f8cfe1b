package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    /** SciPy and this code compute the same closed forms; the t quantile is solved to 1e-12. */
    private static final double REFERENCE_TOLERANCE = 1e-9;
    private static final long SEED = 20240601L;
    private static final int RESAMPLES = 2000;

    private static final double[] SAMPLE = {2.801, 2.795, 2.806, 2.799, 2.803};

    @Test
    void summaryMatchesScipy() {
        // python3: a=np.array([2.801,2.795,2.806,2.799,2.803]); a.mean(), a.std(ddof=1), stats.sem(a),
        //   np.median(a), stats.t.interval(0.95, 4, loc=a.mean(), scale=stats.sem(a))
        Summary summary = Summary.of(SAMPLE, 0.95, RESAMPLES, SEED);

        assertThat(summary.n()).isEqualTo(5);
        assertThat(summary.mean().getAsDouble()).isCloseTo(2.8008, within(REFERENCE_TOLERANCE));
        assertThat(summary.sd().getAsDouble()).isCloseTo(0.004147288270665585, within(REFERENCE_TOLERANCE));
        assertThat(summary.standardError().getAsDouble()).isCloseTo(0.001854723699099159, within(REFERENCE_TOLERANCE));
        assertThat(summary.median().getAsDouble()).isCloseTo(2.801, within(REFERENCE_TOLERANCE));
        assertThat(summary.min().getAsDouble()).isEqualTo(2.795);
        assertThat(summary.max().getAsDouble()).isEqualTo(2.806);
        assertThat(summary.tInterval().orElseThrow().lower()).isCloseTo(2.7956504614641418, within(REFERENCE_TOLERANCE));
        assertThat(summary.tInterval().orElseThrow().upper()).isCloseTo(2.8059495385358586, within(REFERENCE_TOLERANCE));
        assertThat(summary.bootstrap().orElseThrow().seed()).isEqualTo(SEED);
        assertThat(summary.bootstrap().orElseThrow().resamples()).isEqualTo(RESAMPLES);
    }

    @Test
    void oneValueGivesMeanButNoSpreadOrIntervals() {
        Summary summary = Summary.of(new double[] {2.798}, 0.95, RESAMPLES, SEED);

        assertThat(summary.mean()).hasValue(2.798);
        assertThat(summary.median()).hasValue(2.798);
        assertThat(summary.sd()).isEmpty();
        assertThat(summary.standardError()).isEmpty();
        assertThat(summary.tInterval()).isEmpty();
        assertThat(summary.bootstrap()).isEmpty();
        assertThat(summary.toString()).contains("sd=n/a").doesNotContain("NaN");
    }

    @Test
    void noValuesGiveNotAvailableEverywhere() {
        Summary summary = Summary.of(new double[0], 0.95, RESAMPLES, SEED);

        assertThat(summary.n()).isZero();
        assertThat(summary.mean()).isEmpty();
        assertThat(summary.min()).isEmpty();
        assertThat(summary.max()).isEmpty();
        assertThat(summary.median()).isEmpty();
        assertThat(summary.sd()).isEmpty();
        assertThat(summary.tInterval()).isEmpty();
        assertThat(summary.toString()).doesNotContain("NaN");
    }

    @Test
    void twoValuesHaveATIntervalButNoBootstrap() {
        Summary summary = Summary.of(new double[] {1.0, 2.0}, 0.95, RESAMPLES, SEED);

        assertThat(summary.tInterval()).isPresent();
        assertThat(summary.bootstrap()).isEmpty();
    }

    @Test
    void rejectsADivergedSeedInsteadOfAveragingIt() {
        assertThatThrownBy(() -> Summary.of(new double[] {2.8, Double.NaN}, 0.95, RESAMPLES, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample[1] is NaN: drop failed or diverged seeds before computing statistics");
    }
}
