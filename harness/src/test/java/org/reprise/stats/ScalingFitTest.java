package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalingFitTest {

    private static final double REFERENCE_TOLERANCE = 1e-9;
    /** Exact power laws through exp/log: only rounding error. */
    private static final double ROUNDING_TOLERANCE = 1e-9;

    private static final double[] LENGTHS = {256, 512, 1024, 2048, 4096};
    private static final double[] SPARSE_SECONDS = {0.011, 0.019, 0.041, 0.078, 0.162};

    @Test
    void logLogSlopeAndIntervalMatchScipyLinregress() {
        // python3: r=stats.linregress(np.log([256,512,1024,2048,4096]), np.log([0.011,0.019,0.041,0.078,0.162]))
        //   h=stats.t.ppf(0.975, 3)*r.stderr
        //   -> slope 0.9798311473913317, intercept -9.999384955255096, stderr 0.02704507923357358,
        //      95% [0.8937616349083253, 1.0659006598743381], rvalue**2 0.9977196379251021
        ScalingFit fit = ScalingFit.fit(LENGTHS, SPARSE_SECONDS, 0.95).orElseThrow();

        assertThat(fit.slope()).isCloseTo(0.9798311473913317, within(REFERENCE_TOLERANCE));
        assertThat(fit.intercept()).isCloseTo(-9.999384955255096, within(REFERENCE_TOLERANCE));
        assertThat(fit.slopeStandardError().getAsDouble()).isCloseTo(0.02704507923357358, within(REFERENCE_TOLERANCE));
        assertThat(fit.slopeInterval().orElseThrow().lower()).isCloseTo(0.8937616349083253, within(REFERENCE_TOLERANCE));
        assertThat(fit.slopeInterval().orElseThrow().upper()).isCloseTo(1.0659006598743381, within(REFERENCE_TOLERANCE));
        assertThat(fit.rSquared().getAsDouble()).isCloseTo(0.9977196379251021, within(REFERENCE_TOLERANCE));
        assertThat(fit.n()).isEqualTo(5);
    }

    @Test
    void missingPointsAreDroppedNotFitted() {
        // dense attention ran out of memory at 4096: recorded as NaN
        double[] dense = {0.01 * 256 * 256, 0.01 * 512 * 512, 0.01 * 1024 * 1024, 0.01 * 2048 * 2048, Double.NaN};

        ScalingFit fit = ScalingFit.fit(LENGTHS, dense, 0.95).orElseThrow();

        assertThat(fit.n()).isEqualTo(4);
        assertThat(fit.dropped()).isEqualTo(1);
        assertThat(fit.maxLength()).isEqualTo(2048);
        assertThat(fit.slope()).isCloseTo(2.0, within(ROUNDING_TOLERANCE));
    }

    @Test
    void twoPointsGiveASlopeWithoutIntervalOrRSquared() {
        ScalingFit fit = ScalingFit.fit(new double[] {256, 512}, new double[] {1, 4}, 0.95).orElseThrow();

        assertThat(fit.slope()).isCloseTo(2.0, within(ROUNDING_TOLERANCE));
        assertThat(fit.slopeInterval()).isEmpty();
        assertThat(fit.rSquared()).isEmpty();
        assertThat(fit.toString()).contains("R²=n/a");
    }

    @Test
    void fewerThanTwoUsableLengthsGiveNoFit() {
        assertThat(ScalingFit.fit(new double[] {256, 512}, new double[] {1, Double.NaN}, 0.95)).isEmpty();
        assertThat(ScalingFit.fit(new double[] {256, 256}, new double[] {1, 2}, 0.95)).isEmpty();
    }

    @Test
    void crossoverOfLinearAndQuadraticCostIsWhereTheyAreEqual() {
        // 8·L = 0.01·L²  at  L = 800, inside 256..4096
        ScalingFit sparse = fitExactly(8, 1);
        ScalingFit dense = fitExactly(0.01, 2);

        Crossover crossover = sparse.crossover(dense);

        assertThat(crossover.length().getAsDouble()).isCloseTo(800, within(1e-6));
        assertThat(crossover.withinFittedRange()).isTrue();
        assertThat(crossover.description()).isEqualTo("sparse is cheaper above ≈800.000 tokens");
    }

    @Test
    void crossoverBeyondWhatBothMeasuredIsFlaggedAsExtrapolated() {
        ScalingFit sparse = fitExactly(8, 1);
        ScalingFit dense = ScalingFit.fit(new double[] {128, 256, 512}, new double[] {0.01 * 128 * 128,
                0.01 * 256 * 256, 0.01 * 512 * 512}, 0.95).orElseThrow();

        Crossover crossover = Crossover.of(sparse, dense);

        assertThat(crossover.withinFittedRange()).isFalse();
        assertThat(crossover.length().getAsDouble()).isCloseTo(800, within(1e-6));
        assertThat(crossover.description()).startsWith("none in range 256.000..512.000 measured by both");
    }

    @Test
    void parallelFitsNeverCross() {
        Crossover crossover = fitExactly(8, 1).crossover(fitExactly(2, 1));

        assertThat(crossover.length()).isEmpty();
        assertThat(crossover.description()).isEqualTo("none in range: the fits are parallel");
    }

    private static ScalingFit fitExactly(double coefficient, double exponent) {
        double[] values = new double[LENGTHS.length];
        for (int i = 0; i < LENGTHS.length; i++) {
            values[i] = coefficient * Math.pow(LENGTHS[i], exponent);
        }
        return ScalingFit.fit(LENGTHS, values, 0.95).orElseThrow();
    }
}
