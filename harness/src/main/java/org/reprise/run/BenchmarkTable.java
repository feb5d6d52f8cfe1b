package org.reprise.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.reprise.stats.ScalingFit;

/**
 * The console table of a benchmark: time / memory per variant and length, fitted log-log exponents
 * over lengths ≥ fitFrom (95% interval), and ratios to the {@code dense} variant when there is one.
 */
public final class BenchmarkTable {
    private static final double MIB = 1024.0 * 1024.0;
    private static final String BASELINE = "dense";

    private BenchmarkTable() {
    }

    public static String format(List<ScalingCell> cells, int fitFrom) {
        Map<String, Map<Integer, ScalingCell>> byVariant = new LinkedHashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (ScalingCell c : cells) {
            byVariant.computeIfAbsent(c.pattern(), k -> new TreeMap<>()).put(c.length(), c);
            lengths.add(c.length());
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s", "ms / MiB"));
        lengths.forEach(n -> out.append(String.format(Locale.ROOT, " | %15s", "n=" + n)));
        out.append(String.format(Locale.ROOT, " | %-26s | %s%n", "time exponent (n≥" + fitFrom + ")", "memory exponent"));
        for (Map.Entry<String, Map<Integer, ScalingCell>> row : byVariant.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-14s", row.getKey()));
            for (int n : lengths) {
                ScalingCell c = row.getValue().get(n);
                out.append(" | ").append(String.format(Locale.ROOT, "%15s", c == null ? "-"
                        : "COMPLETED".equals(c.status()) ? String.format(Locale.ROOT, "%.0f / %.0f", c.medianMs(),
                        c.peakAboveBaselineBytes() / MIB)
                        : c.status().toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
            out.append(" | ").append(String.format(Locale.ROOT, "%-26s", exponent(fit(row.getValue(), fitFrom, false))));
            out.append(" | ").append(exponent(fit(row.getValue(), fitFrom, true))).append('\n');
        }
        Map<Integer, ScalingCell> dense = byVariant.get(BASELINE);
        if (dense != null && byVariant.size() > 1) {
            out.append(String.format(Locale.ROOT, "%nversus %s: speed-up (×) / memory ratio%n", BASELINE));
            for (Map.Entry<String, Map<Integer, ScalingCell>> row : byVariant.entrySet()) {
                if (row.getKey().equals(BASELINE)) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-14s", row.getKey()));
                for (int n : lengths) {
                    out.append(" | ").append(String.format(Locale.ROOT, "%15s", ratio(row.getValue().get(n), dense.get(n))));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String ratio(ScalingCell c, ScalingCell dense) {
        if (c == null || !"COMPLETED".equals(c.status())) {
            return "-";
        }
        if (dense == null || !"COMPLETED".equals(dense.status())) {
            return dense == null ? "-" : "dense " + dense.status().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return String.format(Locale.ROOT, "%.1f× / %.2f", dense.medianMs() / c.medianMs(),
                (double) c.peakAboveBaselineBytes() / dense.peakAboveBaselineBytes());
    }

    static Optional<ScalingFit> fit(Map<Integer, ScalingCell> cells, int from, boolean memory) {
        List<ScalingCell> used = cells.values().stream().filter(c -> c.length() >= from).toList();
        double[] x = used.stream().mapToDouble(ScalingCell::length).toArray();
        double[] y = used.stream().mapToDouble(c -> !"COMPLETED".equals(c.status()) ? Double.NaN
                : memory ? c.peakAboveBaselineBytes() : c.medianMs()).toArray();
        return x.length < 2 ? Optional.empty() : ScalingFit.fit(x, y, 0.95);
    }

    private static String exponent(Optional<ScalingFit> fit) {
        return fit.map(f -> f.slopeInterval().map(i -> String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (n=%d)", f.slope(),
                i.lower(), i.upper(), f.n())).orElse(String.format(Locale.ROOT, "%.2f (n=%d)", f.slope(), f.n()))).orElse("n/a");
    }
}
