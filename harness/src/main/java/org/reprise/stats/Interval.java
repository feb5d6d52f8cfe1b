package org.reprise.stats;

/**
 * A closed interval {@code [lower, upper]} at a stated confidence level, in the unit of the
 * quantity it bounds (a difference of bits per byte, a log-log slope, ...).
 *
 * @param lower lower bound, finite
 * @param upper upper bound, finite and {@code >= lower}
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException(
                    "interval bounds must be finite with lower <= upper, got [" + lower + ", " + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** Symmetric interval {@code centre ± halfWidth}. */
    static Interval around(double centre, double halfWidth, double level) {
        return new Interval(centre - halfWidth, centre + halfWidth, level);
    }

    public double width() {
        return upper - lower;
    }

    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /** True when the whole interval lies strictly inside {@code (low, high)}. */
    public boolean liesStrictlyWithin(double low, double high) {
        return lower > low && upper < high;
    }

    /** "[lower, upper]" without the level, for log sentences that state it once. */
    String bounds() {
        return "[" + Fmt.num(lower) + ", " + Fmt.num(upper) + "]";
    }

    @Override
    public String toString() {
        return Fmt.percent(level) + " " + bounds();
    }
}
