package org.reprise.model.attention.bench;

import org.reprise.run.ScalingCell;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reprise.stats.ScalingFit;

/** Plain-text table of the attention-scaling cells: time, memory, fitted exponents, ratios to dense. */
final class ScalingTable {
    static final int FIT_FROM = 2048;
    static final int FIT_TO = 16384;

    private ScalingTable() {
    }

    static String render(Map<String, Map<Integer, ScalingCell>> table, int[] lengths) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-8s", "pattern"));
        for (int n : lengths) {
            out.append(String.format(Locale.ROOT, " | %17s", "n=" + n + " ms / MB"));
        }
        out.append(String.format(Locale.ROOT, " | %-22s | %s%n", "time exponent [2K,16K]", "memory exponent"));
        for (Map.Entry<String, Map<Integer, ScalingCell>> row : table.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-8s", row.getKey()));
            for (int n : lengths) {
                ScalingCell c = row.getValue().get(n);
                out.append(" | ").append(c == null ? String.format(Locale.ROOT, "%17s", "-")
                        : c.status().equals("COMPLETED")
                        ? String.format(Locale.ROOT, "%9.1f / %5.0f", c.medianMs(), c.peakAboveBaselineBytes() / 1e6)
                        : String.format(Locale.ROOT, "%17s", c.status().equals("OUT_OF_MEMORY") ? "out of memory" : "failed"));
            }
            out.append(" | ").append(String.format(Locale.ROOT, "%-22s", exponent(
                    AttentionScalingBenchmark.fit(row.getValue(), FIT_FROM, FIT_TO, false))));
            out.append(" | ").append(exponent(AttentionScalingBenchmark.fit(row.getValue(), FIT_FROM, FIT_TO, true)));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nRSS peak (MB, whole child JVM; * = above the %d MB target):%n",
                AttentionScalingBenchmark.TARGET_BYTES >> 20));
        for (Map.Entry<String, Map<Integer, ScalingCell>> row : table.entrySet()) {
            out.append(String.format(Locale.ROOT, "%-8s", row.getKey()));
            for (int n : lengths) {
                ScalingCell c = row.getValue().get(n);
                out.append(String.format(Locale.ROOT, " | %8s", c == null || c.peakRssBytes() < 0 ? "-"
                        : String.format(Locale.ROOT, "%.0f%s", c.peakRssBytes() / 1e6,
                                c.peakRssBytes() > AttentionScalingBenchmark.TARGET_BYTES ? "*" : "")));
            }
            out.append('\n');
        }
        Map<Integer, ScalingCell> dense = table.get("dense");
        if (dense != null) {
            out.append(String.format(Locale.ROOT, "%nversus dense (speed-up ×, memory-above-baseline ratio, RSS ratio):%n"));
            for (Map.Entry<String, Map<Integer, ScalingCell>> row : table.entrySet()) {
                if (row.getKey().equals("dense")) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-8s", row.getKey()));
                for (int n : lengths) {
                    ScalingCell c = row.getValue().get(n);
                    ScalingCell d = dense.get(n);
                    if (c == null || d == null || !c.status().equals("COMPLETED")) {
                        out.append(String.format(Locale.ROOT, " | %26s", "-"));
                    } else if (!d.status().equals("COMPLETED")) {
                        out.append(String.format(Locale.ROOT, " | %26s", "dense out of memory"));
                    } else {
                        out.append(String.format(Locale.ROOT, " | %6.1f× %7.3f %7.3f n=%-5d", d.medianMs() / c.medianMs(),
                                (double) c.peakAboveBaselineBytes() / d.peakAboveBaselineBytes(),
                                (double) c.peakRssBytes() / d.peakRssBytes(), n));
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String exponent(Optional<ScalingFit> fit) {
        return fit.map(f -> String.format(Locale.ROOT, "%.2f (n=%d%s)", f.slope(), f.n(),
                f.dropped() > 0 ? ", " + f.dropped() + " dropped" : "")).orElse("n/a");
    }
}
