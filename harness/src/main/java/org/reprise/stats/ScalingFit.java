package org.reprise.stats;

import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Least-squares line through (ln length, ln value): value ≈ e^intercept · length^slope. The
 * slope is the scaling exponent (≈1 for linear time, ≈2 for dense attention's quadratic time);
 * it does not depend on the base of the logarithm, the intercept is in natural-log units of the
 * value's unit.
 *
 * @param n                  points used
 * @param dropped            points left out because the length or value was missing, non-finite
 *                           or not positive (e.g. dense attention out of memory)
 * @param slopeStandardError n/a with fewer than 3 points
 * @param slopeInterval      t interval of the slope (df = n − 2); n/a with fewer than 3 points
 * @param rSquared           coefficient of determination in log space; n/a with fewer than 3
 *                           points (two points are always a perfect line) or constant values
 * @param minLength          smallest length used, in tokens
 * @param maxLength          largest length used, in tokens
 */
public record ScalingFit(
        int n,
        int dropped,
        double slope,
        double intercept,
        OptionalDouble slopeStandardError,
        Optional<Interval> slopeInterval,
        OptionalDouble rSquared,
        double minLength,
        double maxLength) {

    /**
     * Fits one series.
     *
     * @param lengths sequence lengths, in tokens
     * @param values  time or memory at each length (any unit, consistently); NaN marks missing
     * @param level   confidence level of the slope interval
     * @return empty when fewer than 2 distinct usable lengths remain
     */
    public static Optional<ScalingFit> fit(double[] lengths, double[] values, double level) {
        if (lengths == null || values == null || lengths.length != values.length) {
            throw new IllegalArgumentException("lengths and values must be non-null and of equal size");
        }
        Samples.requireLevel(level, "confidence level");
        SimpleRegression regression = new SimpleRegression();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lengths.length; i++) {
            if (usable(lengths[i]) && usable(values[i])) {
                regression.addData(Math.log(lengths[i]), Math.log(values[i]));
                min = Math.min(min, lengths[i]);
                max = Math.max(max, lengths[i]);
            }
        }
        int n = (int) regression.getN();
        if (n < 2 || min == max) {
            return Optional.empty();
        }
        OptionalDouble se = OptionalDouble.empty();
        Optional<Interval> ci = Optional.empty();
        OptionalDouble r2 = OptionalDouble.empty();
        if (n >= 3) {
            double slopeSe = regression.getSlopeStdErr();
            se = OptionalDouble.of(slopeSe);
            ci = Optional.of(Interval.around(regression.getSlope(),
                    StudentT.twoSidedCritical(level, n - 2) * slopeSe, level));
            double rSquare = regression.getRSquare();
            r2 = Double.isFinite(rSquare) ? OptionalDouble.of(rSquare) : OptionalDouble.empty();
        }
        return Optional.of(new ScalingFit(n, lengths.length - n, regression.getSlope(), regression.getIntercept(),
                se, ci, r2, min, max));
    }

    /** Fitted value at {@code length}, in the unit of the fitted values. */
    public double predict(double length) {
        return Math.exp(intercept + slope * Math.log(length));
    }

    /** Where this (sparse) fit and a dense fit cross; see {@link Crossover}. */
    public Crossover crossover(ScalingFit dense) {
        return Crossover.of(this, dense);
    }

    private static boolean usable(double x) {
        return Double.isFinite(x) && x > 0;
    }

    @Override
    public String toString() {
        return "ScalingFit[slope=" + Fmt.num(slope) + " " + Fmt.opt(slopeInterval) + ", R²=" + Fmt.num(rSquared)
                + ", n=" + n + (dropped > 0 ? " (" + dropped + " dropped)" : "") + ", lengths "
                + Fmt.num(minLength) + ".." + Fmt.num(maxLength) + "]";
    }
}
