package org.reprise.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Student t quantiles and tail probabilities for real-valued (Welch) degrees of freedom. */
final class StudentT {

    /** Tighter than Commons Math's 1e-9 default so quantiles agree with SciPy to ~1e-10. */
    private static final double INVERSE_ACCURACY = 1e-12;

    private StudentT() {
    }

    private static TDistribution of(double df) {
        // null generator: we never sample, and the default constructor seeds a Well19937c per call
        return new TDistribution(null, df, INVERSE_ACCURACY);
    }

    static double cdf(double t, double df) {
        return of(df).cumulativeProbability(t);
    }

    /** P(T > t), computed as cdf(−t) so small tail probabilities keep their precision. */
    static double upperTail(double t, double df) {
        return cdf(-t, df);
    }

    static double quantile(double p, double df) {
        return of(df).inverseCumulativeProbability(p);
    }

    /** Critical value of a two-sided interval at {@code level}: the (1 + level)/2 quantile. */
    static double twoSidedCritical(double level, double df) {
        return quantile((1 + level) / 2, df);
    }
}
