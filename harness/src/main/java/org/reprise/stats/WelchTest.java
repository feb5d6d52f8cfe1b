package org.reprise.stats;

/**
 * Welch's t-test with the Welch–Satterthwaite degrees of freedom, computed here because
 * Commons Math keeps its own df computation protected and gives no interval of the difference.
 */
public final class WelchTest {

    private WelchTest() {
    }

    /**
     * Tests mean(a) − mean(b).
     *
     * @param a     at least 2 finite values
     * @param b     at least 2 finite values
     * @param level confidence level of the difference interval, e.g. 0.95
     * @throws IllegalArgumentException if both samples have zero variance (t is undefined)
     */
    public static WelchResult test(double[] a, double[] b, double level) {
        Samples.requireAtLeast(a, 2, "a");
        Samples.requireAtLeast(b, 2, "b");
        return fromMoments(Samples.mean(a), Samples.variance(a), a.length,
                Samples.mean(b), Samples.variance(b), b.length, level);
    }

    /** Same test from means, unbiased variances and sizes (e.g. a paper's mean ± sd over n). */
    public static WelchResult fromMoments(
            double meanA, double varA, int nA, double meanB, double varB, int nB, double level) {
        if (nA < 2 || nB < 2) {
            throw new IllegalArgumentException("Welch's test needs n >= 2 per group, got " + nA + " and " + nB);
        }
        Samples.requireLevel(level, "confidence level");
        double se = Math.sqrt(varA / nA + varB / nB);
        if (!(se > 0)) {
            throw new IllegalArgumentException(
                    "both samples have zero variance: Welch's t is undefined (are the seeds really different?)");
        }
        double df = degreesOfFreedom(varA, nA, varB, nB);
        double difference = meanA - meanB;
        double t = difference / se;
        double pTwoSided = Math.min(1, 2 * StudentT.upperTail(Math.abs(t), df));
        Interval ci = Interval.around(difference, StudentT.twoSidedCritical(level, df) * se, level);
        return new WelchResult(meanA, meanB, difference, se, t, df, pTwoSided,
                StudentT.upperTail(t, df), StudentT.cdf(t, df), ci);
    }

    /**
     * Welch–Satterthwaite: (vA/nA + vB/nB)² / ((vA/nA)²/(nA−1) + (vB/nB)²/(nB−1)). A group
     * with zero variance contributes nothing, so a constant comparator gives the one-sample df.
     */
    static double degreesOfFreedom(double varA, int nA, double varB, int nB) {
        double a = varA / nA;
        double b = varB / nB;
        return (a + b) * (a + b) / (a * a / (nA - 1) + b * b / (nB - 1));
    }
}
