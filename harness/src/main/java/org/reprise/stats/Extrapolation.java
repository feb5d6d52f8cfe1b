package org.reprise.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Prediction of a metric at a paper's original setting (e.g. 30 layers) from runs at reduced
 * settings, through a fitted {@link SaturatingCurve}.
 *
 * @param xOriginal          the original setting predicted at
 * @param curve              the fitted curve; n/a with fewer than 3 distinct x or no convergence
 * @param prediction         curve value at xOriginal, in the metric's unit
 * @param predictionInterval approximate interval for one new run at xOriginal (delta method);
 *                           n/a when the fit has no residual degrees of freedom
 * @param extrapolation      true when xOriginal lies outside the fitted x range: the number is
 *                           a model's guess, and must be labelled so wherever it is shown
 * @param reason             how the numbers were obtained, or why they are n/a
 */
public record Extrapolation(
        double xOriginal,
        Optional<SaturatingCurve> curve,
        OptionalDouble prediction,
        Optional<Interval> predictionInterval,
        boolean extrapolation,
        String reason) {

    @Override
    public String toString() {
        return (extrapolation ? "EXTRAPOLATION" : "interpolation") + "[x=" + Fmt.num(xOriginal) + ", prediction="
                + Fmt.num(prediction) + ", PI " + Fmt.opt(predictionInterval) + ", " + reason + "]";
    }
}
