package org.reprise.stats;

/**
 * Holm's step-down correction for the several comparisons one report makes; controls the
 * family-wise error rate without assuming independence, and never loses to Bonferroni.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Adjusted p-values in the order given: sort ascending, multiply the k-th smallest
     * (k from 0) by m − k, carry the running maximum so adjusted values keep the order of the
     * raw ones, cap at 1. Same as statsmodels' {@code multipletests(method='holm')}.
     *
     * @param pValues raw p-values in [0, 1]; may be empty
     */
    public static double[] adjust(double[] pValues) {
        Samples.requireFinite(pValues, "p-values");
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (pValues[i] < 0 || pValues[i] > 1) {
                throw new IllegalArgumentException("p-values[" + i + "] = " + pValues[i] + " is not in [0, 1]");
            }
            order[i] = i;
        }
        // stable sort: equal p-values keep their input order
        java.util.Arrays.sort(order, (x, y) -> Double.compare(pValues[x], pValues[y]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1, (m - k) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
