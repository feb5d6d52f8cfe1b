package org.reprise.stats;

/** Whether a smaller or a larger value of a metric is the better one. */
public enum Direction {
    /** Loss, bits per byte, time, memory. */
    LOWER_IS_BETTER,
    /** Accuracy. */
    HIGHER_IS_BETTER;

    /** True when {@code a} is better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == LOWER_IS_BETTER ? a < b : a > b;
    }
}
