package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SaturatingFitTest {

    /** Two optimisers (LM here, MINPACK's LM in SciPy) stop ~1e-7 apart on this problem. */
    private static final double FIT_TOLERANCE = 1e-6;

    /** Layers 2..16, two seeds each; y = 1 + 2·x^(−0.7) plus fixed noise. */
    private static final double[] LAYERS = {2, 2, 4, 4, 8, 8, 16, 16};
    // python3: x=np.array([2,2,4,4,8,8,16,16.]); y=1.0+2.0*x**-0.7+np.array([0.01,-0.012,0.008,-0.005,0.004,-0.006,0.003,-0.002])
    private static final double[] LOSS = {2.241144413344916, 2.219144413344916, 1.765858283255199, 1.752858283255199,
        1.4705164957684038, 1.4605164957684038, 1.2901745887492586, 1.2851745887492587};

    // python3: f=lambda x,a,b,c: a+b*x**-c; p,cov=curve_fit(f, x, y, p0=[1,2,0.5]); res=y-f(x,*p); s2=res@res/5
    //   pw=x0**-p[2]; g=np.array([1, pw, -p[1]*pw*np.log(x0)]); h=stats.t.ppf(0.975, 5)*np.sqrt(g@cov@g+s2)
    //   -> p = [0.9968564540688437, 1.9982085507775598, 0.6959153406233289]
    //      x0=30: 1.1842218874553228, 95% [1.1490654833251692, 1.2193782915854763]
    //      x0=5:  1.6488103192419592, 95% [1.6224113435892586, 1.6752092948946598]
    @Test
    void fittedCurveMatchesScipyCurveFit() {
        SaturatingCurve curve = SaturatingFit.predict(LAYERS, LOSS, 30, 0.95).curve().orElseThrow();

        assertThat(curve.a()).isCloseTo(0.9968564540688437, within(FIT_TOLERANCE));
        assertThat(curve.b()).isCloseTo(1.9982085507775598, within(FIT_TOLERANCE));
        assertThat(curve.c()).isCloseTo(0.6959153406233289, within(FIT_TOLERANCE));
    }

    @Test
    void predictionAtThirtyLayersIsAnExtrapolationWithTheDeltaMethodInterval() {
        Extrapolation result = SaturatingFit.predict(LAYERS, LOSS, 30, 0.95);

        assertThat(result.extrapolation()).isTrue();
        assertThat(result.prediction().getAsDouble()).isCloseTo(1.1842218874553228, within(FIT_TOLERANCE));
        assertThat(result.predictionInterval().orElseThrow().lower()).isCloseTo(1.1490654833251692, within(FIT_TOLERANCE));
        assertThat(result.predictionInterval().orElseThrow().upper()).isCloseTo(1.2193782915854763, within(FIT_TOLERANCE));
        assertThat(result.toString()).startsWith("EXTRAPOLATION[");
        assertThat(result.predictionInterval().orElseThrow().contains(1 + 2 * Math.pow(30, -0.7))).isTrue();
    }

    @Test
    void predictionInsideTheFittedRangeIsNotLabelledExtrapolation() {
        Extrapolation result = SaturatingFit.predict(LAYERS, LOSS, 5, 0.95);

        assertThat(result.extrapolation()).isFalse();
        assertThat(result.prediction().getAsDouble()).isCloseTo(1.6488103192419592, within(FIT_TOLERANCE));
        assertThat(result.predictionInterval().orElseThrow().lower()).isCloseTo(1.6224113435892586, within(FIT_TOLERANCE));
    }

    @Test
    void fewerThanThreeSettingsGiveNotAvailable() {
        Extrapolation result = SaturatingFit.predict(new double[] {2, 2, 4, 4}, new double[] {2.2, 2.3, 1.7, 1.8}, 30, 0.95);

        assertThat(result.curve()).isEmpty();
        assertThat(result.prediction()).isEmpty();
        assertThat(result.extrapolation()).isTrue();
        assertThat(result.reason()).isEqualTo(
                "n/a: 2 distinct setting(s): fitting y = a + b·x^(−c) needs at least 3");
    }

    @Test
    void threePointsGiveAPredictionButNoInterval() {
        double[] x = {2, 4, 8};
        double[] y = {1 + 2 * Math.pow(2, -0.7), 1 + 2 * Math.pow(4, -0.7), 1 + 2 * Math.pow(8, -0.7)};

        Extrapolation result = SaturatingFit.predict(x, y, 30, 0.95);

        assertThat(result.prediction().getAsDouble()).isCloseTo(1 + 2 * Math.pow(30, -0.7), within(FIT_TOLERANCE));
        assertThat(result.predictionInterval()).isEmpty();
        assertThat(result.reason()).contains("3 points leave no residual degrees of freedom");
    }
}
