package org.reprise.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The readable nightly summary and its exit code: 1 on drift or failure, 3 when only inconclusive, else 0. */
public final class NightlySummary {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int INCONCLUSIVE = 3;

    private NightlySummary() {
    }

    public static int exitCode(List<GateRow> rows) {
        if (rows.stream().anyMatch(r -> r.verdict().fails())) {
            return FAILED;
        }
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.verdict() != GateVerdict.PASS)) {
            return INCONCLUSIVE;
        }
        return PASSED;
    }

    public static String headline(List<GateRow> rows) {
        long failing = rows.stream().filter(r -> r.verdict().fails()).count();
        long undecided = rows.stream().filter(r -> !r.verdict().fails() && r.verdict() != GateVerdict.PASS).count();
        return switch (exitCode(rows)) {
            case PASSED -> "NIGHTLY PASSED: all " + rows.size() + " metrics equivalent to their baselines";
            case FAILED -> "NIGHTLY FAILED: " + failing + " of " + rows.size() + " metrics drifted or their runs failed";
            default -> rows.isEmpty() ? "NIGHTLY INCONCLUSIVE: nothing was compared"
                    : "NIGHTLY INCONCLUSIVE: " + undecided + " of " + rows.size() + " metrics could not be decided (not a pass)";
        };
    }

    public static String format(List<GateRow> rows) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"experiment", "variant", "metric", "baseline", "tonight", "verdict"});
        rows.forEach(r -> table.add(new String[] {r.experiment(), r.variant(), r.metric(), r.baseline(), r.tonight(), r.verdict().name()}));
        int[] widths = new int[6];
        table.forEach(row -> {
            for (int i = 0; i < 6; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder(headline(rows)).append("\n\n");
        for (String[] row : table) {
            for (int i = 0; i < 6; i++) {
                out.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
            }
            out.append('\n');
        }
        rows.stream().filter(r -> r.verdict() != GateVerdict.PASS).forEach(r -> out.append("\n").append(r.verdict()).append("  ")
                .append(r.experiment()).append('/').append(r.variant()).append('/').append(r.metric()).append(": ").append(r.reason()));
        return out.append('\n').toString();
    }
}
