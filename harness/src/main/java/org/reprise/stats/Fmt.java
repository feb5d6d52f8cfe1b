package org.reprise.stats;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Compact number text for {@code toString} in logs only. The report formats numbers itself;
 * this exists so a log line never shows NaN where "n/a" is meant.
 */
final class Fmt {

    static final String NOT_AVAILABLE = "n/a";

    private Fmt() {
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    static String num(OptionalDouble value) {
        return value.isPresent() ? num(value.getAsDouble()) : NOT_AVAILABLE;
    }

    static String opt(Optional<?> value) {
        return value.map(Object::toString).orElse(NOT_AVAILABLE);
    }

    static String percent(double level) {
        double pct = level * 100;
        return pct == Math.rint(pct)
                ? String.format(Locale.ROOT, "%d%%", (long) pct)
                : String.format(Locale.ROOT, "%s%%", num(pct));
    }
}
