package org.reprise.stats;

import java.util.OptionalDouble;

/**
 * The sequence length at which a sparse pattern's fitted cost equals dense attention's, from
 * two log-log fits: ln y = a_s + b_s·u = a_d + b_d·u with u = ln length.
 *
 * @param length            the crossing length in tokens; empty for parallel fits
 * @param withinFittedRange true when the crossing lies inside the lengths both fits measured;
 *                          otherwise it is an extrapolation of at least one fit
 * @param description       which side is cheaper, or "none in range" and why
 */
public record Crossover(OptionalDouble length, boolean withinFittedRange, String description) {

    /**
     * Exponents closer than this are the same power law up to rounding (two exact linear fits
     * differ by ~1e-16); their "crossing" would be a meaningless e^(Δintercept / 1e-16).
     */
    static final double PARALLEL_TOLERANCE = 1e-9;

    /** Crossing of a sparse and a dense fit of the same quantity (time or memory). */
    public static Crossover of(ScalingFit sparse, ScalingFit dense) {
        double slopeGap = sparse.slope() - dense.slope();
        if (Math.abs(slopeGap) <= PARALLEL_TOLERANCE) {
            return new Crossover(OptionalDouble.empty(), false, "none in range: the fits are parallel");
        }
        double length = Math.exp((dense.intercept() - sparse.intercept()) / slopeGap);
        if (length == 0 || !Double.isFinite(length)) {
            return new Crossover(OptionalDouble.empty(), false,
                    "none in range: the fits would cross only at a length beyond double range");
        }
        double low = Math.max(sparse.minLength(), dense.minLength());
        double high = Math.min(sparse.maxLength(), dense.maxLength());
        boolean inRange = length >= low && length <= high;
        String side = slopeGap < 0 ? "sparse is cheaper above ≈" : "sparse is cheaper below ≈";
        String text = side + Fmt.num(length) + " tokens";
        return inRange
                ? new Crossover(OptionalDouble.of(length), true, text)
                : new Crossover(OptionalDouble.of(length), false, "none in range " + Fmt.num(low) + ".."
                        + Fmt.num(high) + " measured by both; extrapolated, " + text);
    }

    @Override
    public String toString() {
        return "Crossover[" + description + "]";
    }
}
