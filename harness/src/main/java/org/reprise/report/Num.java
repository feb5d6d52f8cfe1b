package org.reprise.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.reprise.stats.Interval;
import org.reprise.stats.Summary;

/**
 * Every number a report prints is formatted here, with {@link Locale#ROOT}, so the HTML, CSV,
 * Markdown and LaTeX agree digit for digit. What cannot be computed prints as {@link #NA}.
 */
public final class Num {
    public static final String NA = "n/a";
    /** Significant digits of metric values, differences and intervals. */
    static final int DIGITS = 4;

    private Num() {
    }

    /** Four significant digits, plain notation between 0.001 and 10^6, scientific outside. */
    public static String value(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "NaN" : (x > 0 ? "∞" : "−∞");
        }
        if (x == 0) {
            return "0";
        }
        double abs = Math.abs(x);
        if (abs < 1e-3 || abs >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        return rounded.toPlainString();
    }

    /** A configuration setting as the manifest would write it: shortest exact text, no padding zeros (0.003, 1e-08). */
    public static String setting(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toString().replace("E", "e");
    }

    public static String value(OptionalDouble x) {
        return x.isPresent() ? value(x.getAsDouble()) : NA;
    }

    /** A difference with its sign always shown: "+0.0120", "−0.003". */
    public static String signed(double x) {
        String text = value(x);
        return x > 0 ? "+" + text : text.replace('-', '−');
    }

    /** "mean ± sd (n=3)", "mean (n=1)" or "n/a (n=0)". */
    public static String meanSd(Summary s) {
        if (s.n() == 0) {
            return NA + " (n=0)";
        }
        if (s.sd().isEmpty()) {
            return value(s.mean()) + " (n=" + s.n() + ")";
        }
        return value(s.mean()) + " ± " + value(s.sd()) + " (n=" + s.n() + ")";
    }

    public static String interval(Optional<Interval> interval) {
        return interval.map(Num::interval).orElse(NA);
    }

    /** "[lower, upper] (90%)". */
    public static String interval(Interval i) {
        return "[" + value(i.lower()) + ", " + value(i.upper()) + "] (" + percent(i.level()) + ")";
    }

    public static String percent(double fraction) {
        double pct = fraction * 100;
        return pct == Math.rint(pct) ? String.format(Locale.ROOT, "%d%%", (long) pct)
                : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    public static String integer(long x) {
        return String.format(Locale.ROOT, "%,d", x);
    }

    public static String seconds(double s) {
        if (!(s >= 0) || !Double.isFinite(s)) {
            return NA;
        }
        return s < 120 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    public static String hours(double h) {
        return String.format(Locale.ROOT, "%.3f h", h);
    }

    public static String rate(double perSecond) {
        return perSecond > 0 ? String.format(Locale.ROOT, "%,.0f", perSecond) : NA;
    }

    public static String mebibytes(long bytes) {
        return bytes < 0 ? NA : String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
