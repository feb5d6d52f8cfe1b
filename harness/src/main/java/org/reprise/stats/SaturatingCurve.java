package org.reprise.stats;

/**
 * y = a + b·x^(−c), c > 0: a metric that approaches {@code a} as a budget x (layers, steps)
 * grows. a and b are in the metric's unit, x and c are dimensionless.
 *
 * @param a            asymptote as x → ∞
 * @param b            gap above the asymptote at x = 1
 * @param c            rate of approach
 * @param n            points fitted
 * @param minX         smallest x fitted
 * @param maxX         largest x fitted
 * @param residualSd   √(SSE / (n − 3)), in the metric's unit; 0 for an exact 3-point fit
 */
public record SaturatingCurve(double a, double b, double c, int n, double minX, double maxX, double residualSd) {

    public double at(double x) {
        return a + b * Math.pow(x, -c);
    }

    /** True when x lies outside the fitted range [minX, maxX]. */
    public boolean extrapolates(double x) {
        return x < minX || x > maxX;
    }

    @Override
    public String toString() {
        return "y = " + Fmt.num(a) + " + " + Fmt.num(b) + "·x^(−" + Fmt.num(c) + ") over x in "
                + Fmt.num(minX) + ".." + Fmt.num(maxX) + " (n=" + n + ")";
    }
}
