package org.reprise.stats;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A number reported by a paper, in the metric's unit, with its spread when the paper gives it:
 * Child et al. report 2.798 ± 0.004 bits per byte over 3 seeds, i.e.
 * {@code new PaperValue(2.798, OptionalDouble.of(0.004), OptionalInt.of(3))}.
 *
 * @param value the reported value, finite
 * @param sd    the reported standard deviation across runs, if any (non-negative)
 * @param n     the number of runs behind the value, if stated (positive)
 */
public record PaperValue(double value, OptionalDouble sd, OptionalInt n) {

    public PaperValue {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("paper value must be finite, got " + value);
        }
        if (sd == null || n == null) {
            throw new IllegalArgumentException("use OptionalDouble.empty()/OptionalInt.empty(), not null");
        }
        if (sd.isPresent() && !(sd.getAsDouble() >= 0 && Double.isFinite(sd.getAsDouble()))) {
            throw new IllegalArgumentException("paper sd must be finite and >= 0, got " + sd.getAsDouble());
        }
        if (n.isPresent() && n.getAsInt() < 1) {
            throw new IllegalArgumentException("paper n must be >= 1, got " + n.getAsInt());
        }
    }

    /** A value with no stated spread, treated as a fixed constant. */
    public static PaperValue exact(double value) {
        return new PaperValue(value, OptionalDouble.empty(), OptionalInt.empty());
    }

    public static PaperValue withSpread(double value, double sd, int n) {
        return new PaperValue(value, OptionalDouble.of(sd), OptionalInt.of(n));
    }

    /**
     * True when the paper's own uncertainty can enter the comparison: an sd without its n (or
     * from a single run) says nothing about the standard error of the mean.
     */
    public boolean hasUsableSpread() {
        return sd.isPresent() && n.isPresent() && n.getAsInt() >= 2;
    }

    @Override
    public String toString() {
        return Fmt.num(value)
                + (sd.isPresent() ? " ± " + Fmt.num(sd.getAsDouble()) : "")
                + (n.isPresent() ? " (n=" + n.getAsInt() + ")" : "");
    }
}
