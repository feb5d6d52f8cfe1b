package org.reprise.stats;

/**
 * Mann–Whitney U test of sample A against sample B. The direction is kept: {@code uA} counts
 * pairs where A's value is the larger (ties count ½), so {@code uA / (nA·nB)} is A12.
 *
 * @param uA                 U statistic of A: #{a > b} + ½·#{a = b}
 * @param pTwoSided          two-sided p-value
 * @param pAGreater          one-sided p-value for "A tends to be larger"
 * @param pALess             one-sided p-value for "A tends to be smaller"
 * @param method             how the p-values were computed
 * @param exactFloorTwoSided smallest two-sided p any rank test can reach with these sizes,
 *                           2 / C(nA + nB, nA)
 */
public record MannWhitneyResult(
        int nA,
        int nB,
        double uA,
        double pTwoSided,
        double pAGreater,
        double pALess,
        Method method,
        double exactFloorTwoSided) {

    /** How the p-values were obtained. */
    public enum Method {
        /** Enumerated null distribution of U; used for small samples without ties. */
        EXACT,
        /** Normal approximation with tie correction and continuity correction (as SciPy). */
        NORMAL_APPROXIMATION
    }

    /** U statistic of B, nA·nB − uA. */
    public double uB() {
        return (double) nA * nB - uA;
    }

    /** Vargha–Delaney A12: probability that a random A exceeds a random B, ties counting ½. */
    public double a12() {
        return uA / ((double) nA * nB);
    }

    @Override
    public String toString() {
        String lean = uA > uB() ? "A tends larger" : uA < uB() ? "A tends smaller" : "no lean";
        return "MannWhitney[U_A=" + Fmt.num(uA) + " of " + (nA * nB) + " (" + lean + "), p=" + Fmt.num(pTwoSided)
                + ", " + method + ", floor=" + Fmt.num(exactFloorTwoSided) + "]";
    }
}
