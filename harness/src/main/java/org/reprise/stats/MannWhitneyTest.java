package org.reprise.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Mann–Whitney U test with an exact p-value for small samples, and the exact-test floors that
 * keep a report from calling a 3-vs-3 difference significant.
 *
 * <p>Exact when there are no ties and nA + nB ≤ {@value #EXACT_MAX_TOTAL}: the null
 * distribution of U is enumerated as the coefficients of the Gaussian binomial
 * [nA + nB choose nA]_q in exact {@code long} arithmetic (C(50, 25) ≈ 1.3e14 fits). Otherwise
 * a normal approximation with tie and continuity correction, computed as SciPy's
 * {@code mannwhitneyu(method='asymptotic')} does.
 */
public final class MannWhitneyTest {

    /** Largest nA + nB for which the exact distribution is used. */
    public static final int EXACT_MAX_TOTAL = 50;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitneyTest() {
    }

    /**
     * Tests A against B.
     *
     * @param a at least 1 finite value
     * @param b at least 1 finite value
     */
    public static MannWhitneyResult test(double[] a, double[] b) {
        Samples.requireAtLeast(a, 1, "a");
        Samples.requireAtLeast(b, 1, "b");
        int nA = a.length;
        int nB = b.length;
        double uA = uStatistic(a, b);
        double floor = exactFloorTwoSided(nA, nB);
        boolean ties = hasTies(a, b);
        if (!ties && nA + nB <= EXACT_MAX_TOTAL) {
            long[] counts = exactCounts(nA, nB);
            double total = CombinatoricsUtils.binomialCoefficientDouble(nA + nB, nA);
            int u = (int) uA;
            double lessOrEqual = 0;
            for (int k = 0; k <= u; k++) {
                lessOrEqual += counts[k];
            }
            double greaterOrEqual = total - lessOrEqual + counts[u];
            double pLess = lessOrEqual / total;
            double pGreater = greaterOrEqual / total;
            double pTwo = Math.min(1, 2 * Math.min(pLess, pGreater));
            return new MannWhitneyResult(nA, nB, uA, pTwo, pGreater, pLess, MannWhitneyResult.Method.EXACT, floor);
        }
        return normalApproximation(a, b, uA, floor);
    }

    /**
     * Smallest two-sided p-value attainable with nA and nB values: 2 / C(nA + nB, nA), capped
     * at 1. With 3 vs 3 this is 0.1, so p < 0.05 is impossible whatever the data.
     */
    public static double exactFloorTwoSided(int nA, int nB) {
        return Math.min(1, 2 * exactFloorOneSided(nA, nB));
    }

    /** Smallest one-sided p-value attainable: 1 / C(nA + nB, nA). 3 vs 3 gives 0.05. */
    public static double exactFloorOneSided(int nA, int nB) {
        if (nA < 1 || nB < 1) {
            throw new IllegalArgumentException("group sizes must be >= 1, got " + nA + " and " + nB);
        }
        return 1 / CombinatoricsUtils.binomialCoefficientDouble(nA + nB, nA);
    }

    /**
     * Smallest number of seeds per group (equal groups) at which the two-sided exact floor
     * falls strictly below {@code alpha}: 4 for alpha = 0.05 (floor 2/70 ≈ 0.029).
     */
    public static int seedsNeededForSignificance(double alpha) {
        return seedsNeededForSignificance(alpha, true);
    }

    /** As {@link #seedsNeededForSignificance(double)}, one- or two-sided. */
    public static int seedsNeededForSignificance(double alpha, boolean twoSided) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        for (int n = 1; ; n++) {
            double floor = twoSided ? exactFloorTwoSided(n, n) : exactFloorOneSided(n, n);
            if (floor < alpha) {
                return n;
            }
        }
    }

    /** #{a > b} + ½·#{a = b}; quadratic, which is nothing for seed counts. */
    static double uStatistic(double[] a, double[] b) {
        double u = 0;
        for (double x : a) {
            for (double y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        return u;
    }

    private static boolean hasTies(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        java.util.Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * counts[u] = number of the C(m + n, m) rank arrangements with U = u. These are the
     * coefficients of [m + n choose m]_q = Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i), built one factor
     * at a time; after each division the polynomial is again a Gaussian binomial, so every
     * intermediate count is an exact non-negative integer.
     */
    static long[] exactCounts(int m, int n) {
        int maxU = m * n;
        long[] c = new long[maxU + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int up = n + i;
            for (int u = maxU; u >= up; u--) {
                c[u] -= c[u - up];
            }
            // terms above degree m·n are dropped: dividing by (1 − q^i) never reads them
            for (int u = i; u <= maxU; u++) {
                c[u] += c[u - i];
            }
        }
        return c;
    }

    private static MannWhitneyResult normalApproximation(double[] a, double[] b, double uA, double floor) {
        int nA = a.length;
        int nB = b.length;
        int n = nA + nB;
        double mu = (double) nA * nB / 2;
        double tieTerm = tieSum(a, b) / ((double) n * (n - 1));
        double sigma = Math.sqrt((double) nA * nB / 12 * ((n + 1) - tieTerm));
        double uB = (double) nA * nB - uA;
        double pGreater = upperNormalTail(uA, mu, sigma);
        double pLess = upperNormalTail(uB, mu, sigma);
        double pTwo = Math.min(1, 2 * upperNormalTail(Math.max(uA, uB), mu, sigma));
        return new MannWhitneyResult(nA, nB, uA, pTwo, pGreater, pLess,
                MannWhitneyResult.Method.NORMAL_APPROXIMATION, floor);
    }

    /** SciPy's convention: subtract ½ from U before standardising, whatever its side. */
    private static double upperNormalTail(double u, double mu, double sigma) {
        if (sigma == 0) {
            return 1; // every value tied: no evidence either way
        }
        double z = (u - mu - 0.5) / sigma;
        return STANDARD_NORMAL.cumulativeProbability(-z);
    }

    /** Σ (t³ − t) over groups of tied values in the pooled sample. */
    private static double tieSum(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        java.util.Arrays.sort(all);
        double sum = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1] == all[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
