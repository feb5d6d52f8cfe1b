package org.reprise.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.util.Pair;

/**
 * Fits y = a + b·x^(−c) by Levenberg–Marquardt and predicts at the original setting.
 *
 * <p>Start values come from a grid over c with a and b solved linearly at each c, because
 * Levenberg–Marquardt started far from the optimum of a power law can wander to c → 0. The
 * interval is the delta method: Var = gᵀ·Cov·g + σ² with g the gradient of the curve at
 * xOriginal, Cov = σ²(JᵀJ)⁻¹ the usual asymptotic covariance and σ² = SSE/(n − 3), and a t
 * quantile with n − 3 df. It linearises the model around the fit, so far outside the fitted
 * range it understates the uncertainty; hence the extrapolation flag.
 */
public final class SaturatingFit {

    /** A power law's curvature needs three distinct settings. */
    public static final int MIN_DISTINCT_X = 3;

    private static final double MIN_C = 1e-6;
    private static final double MAX_C = 100;
    private static final int GRID = 80;
    private static final int MAX_ITERATIONS = 10_000;
    /** Pivot threshold of the QR inverse of JᵀJ; below it the parameters are not identifiable. */
    private static final double SINGULARITY = 1e-14;

    private SaturatingFit() {
    }

    /**
     * @param x         settings of the reduced runs (> 0), one per run
     * @param y         metric of each run
     * @param xOriginal the paper's setting
     * @param level     level of the prediction interval, e.g. 0.95
     */
    public static Extrapolation predict(double[] x, double[] y, double xOriginal, double level) {
        Samples.requireFinite(x, "x");
        Samples.requireFinite(y, "y");
        Samples.requireLevel(level, "confidence level");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have equal sizes, got " + x.length + " and " + y.length);
        }
        if (Arrays.stream(x).anyMatch(v -> v <= 0) || !(xOriginal > 0)) {
            throw new IllegalArgumentException("settings must be > 0 for x^(−c)");
        }
        long distinct = Arrays.stream(x).distinct().count();
        boolean outside = x.length == 0 || xOriginal < Arrays.stream(x).min().getAsDouble()
                || xOriginal > Arrays.stream(x).max().getAsDouble();
        if (distinct < MIN_DISTINCT_X) {
            return notAvailable(xOriginal, outside, distinct + " distinct setting(s): fitting y = a + b·x^(−c) needs at least "
                    + MIN_DISTINCT_X);
        }
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(startValues(x, y))
                    .model(point -> valueAndJacobian(point, x))
                    .target(y)
                    .parameterValidator(p -> {
                        RealVector q = p.copy();
                        q.setEntry(2, Math.min(MAX_C, Math.max(MIN_C, p.getEntry(2))));
                        return q;
                    })
                    .maxEvaluations(MAX_ITERATIONS)
                    .maxIterations(MAX_ITERATIONS)
                    .build());
        } catch (TooManyEvaluationsException | ConvergenceException e) {
            return notAvailable(xOriginal, outside, "the fit did not converge: " + e.getMessage());
        }
        return withInterval(optimum, x, xOriginal, level, outside);
    }

    private static Extrapolation withInterval(LeastSquaresOptimizer.Optimum optimum, double[] x, double xOriginal,
            double level, boolean outside) {
        double[] p = optimum.getPoint().toArray();
        int n = x.length;
        int df = n - 3;
        double sse = optimum.getResiduals().dotProduct(optimum.getResiduals());
        double sigma = df > 0 ? Math.sqrt(sse / df) : 0;
        SaturatingCurve curve = new SaturatingCurve(p[0], p[1], p[2], n,
                Arrays.stream(x).min().getAsDouble(), Arrays.stream(x).max().getAsDouble(), sigma);
        double prediction = curve.at(xOriginal);
        String where = (outside ? "EXTRAPOLATION beyond" : "interpolation within") + " the fitted range "
                + Fmt.num(curve.minX()) + ".." + Fmt.num(curve.maxX());
        if (df == 0) {
            return new Extrapolation(xOriginal, Optional.of(curve), OptionalDouble.of(prediction), Optional.empty(),
                    outside, curve + "; " + where + "; interval n/a: 3 points leave no residual degrees of freedom");
        }
        RealMatrix covariance;
        try {
            covariance = optimum.getCovariances(SINGULARITY).scalarMultiply(sigma * sigma);
        } catch (SingularMatrixException e) {
            return new Extrapolation(xOriginal, Optional.of(curve), OptionalDouble.of(prediction), Optional.empty(),
                    outside, curve + "; " + where + "; interval n/a: a, b, c are not identifiable from these points"
                            + " (is the metric flat?)");
        }
        double power = Math.pow(xOriginal, -p[2]);
        RealVector g = new ArrayRealVector(new double[] {1, power, -p[1] * power * Math.log(xOriginal)});
        double variance = g.dotProduct(covariance.operate(g)) + sigma * sigma;
        Interval interval = Interval.around(prediction, StudentT.twoSidedCritical(level, df) * Math.sqrt(variance), level);
        return new Extrapolation(xOriginal, Optional.of(curve), OptionalDouble.of(prediction), Optional.of(interval),
                outside, curve + "; " + where + "; delta-method prediction interval, t with " + df + " df");
    }

    private static Extrapolation notAvailable(double xOriginal, boolean outside, String reason) {
        return new Extrapolation(xOriginal, Optional.empty(), OptionalDouble.empty(), Optional.empty(), outside,
                "n/a: " + reason);
    }

    /** Best (a, b, c) over a log-spaced grid of c, with a, b by linear least squares in x^(−c). */
    private static double[] startValues(double[] x, double[] y) {
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID; k++) {
            double c = Math.exp(Math.log(0.01) + k * (Math.log(10) - Math.log(0.01)) / (GRID - 1));
            SimpleRegression line = new SimpleRegression();
            for (int i = 0; i < x.length; i++) {
                line.addData(Math.pow(x[i], -c), y[i]);
            }
            double sse = line.getSumSquaredErrors();
            if (sse < bestSse) {
                bestSse = sse;
                best = new double[] {line.getIntercept(), line.getSlope(), c};
            }
        }
        return best;
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(RealVector point, double[] x) {
        double a = point.getEntry(0);
        double b = point.getEntry(1);
        double c = point.getEntry(2);
        double[] value = new double[x.length];
        double[][] jacobian = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double power = Math.pow(x[i], -c);
            value[i] = a + b * power;
            jacobian[i] = new double[] {1, power, -b * power * Math.log(x[i])};
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
