package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.MetricSpec;
import org.reprise.train.RunStatus;

/** The table printed at the end of a sweep: per variant, each metric as mean ± sd (n) over completed seeds. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String format(ExperimentManifest manifest, List<RunRecord> records) {
        Map<String, List<RunRecord>> byVariant = new LinkedHashMap<>();
        for (RunRecord r : records) {
            byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r);
        }
        TreeSet<String> metricNames = new TreeSet<>();
        TreeSet<String> further = new TreeSet<>();    // metric@attention: one column each would not fit a terminal
        records.forEach(r -> r.finalMetrics().keySet().forEach(
                m -> (MetricSpec.evaluation(m) == null ? metricNames : further).add(m)));
        List<String> header = new ArrayList<>(List.of("variant", "runs"));
        for (String m : metricNames) {
            header.add(m + manifest.metric(m).map(s -> " (" + s.unit() + ", " + s.direction().key() + " is better)").orElse(""));
        }
        header.add("tok/s");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunRecord>> e : byVariant.entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(e.getKey());
            long completed = e.getValue().stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
            String others = e.getValue().stream().filter(r -> r.status() != RunStatus.COMPLETED)
                    .map(r -> "seed " + r.seed() + " " + r.status()).reduce((a, b) -> a + ", " + b).map(s -> " (" + s + ")").orElse("");
            row.add(completed + "/" + e.getValue().size() + " completed" + others);
            for (String m : metricNames) {
                SummaryStatistics s = new SummaryStatistics();
                e.getValue().stream().filter(r -> r.status() == RunStatus.COMPLETED && r.finalMetrics().containsKey(m))
                        .forEach(r -> s.addValue(r.finalMetrics().get(m)));
                row.add(s.getN() == 0 ? "n/a" : s.getN() == 1
                        ? String.format(Locale.ROOT, "%.4f (n=1)", s.getMean())
                        : String.format(Locale.ROOT, "%.4f ± %.4f (n=%d)", s.getMean(), s.getStandardDeviation(), s.getN()));
            }
            SummaryStatistics speed = new SummaryStatistics();
            e.getValue().stream().filter(r -> r.tokensPerSecond() > 0).forEach(r -> speed.addValue(r.tokensPerSecond()));
            row.add(speed.getN() == 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", speed.getMean()));
            rows.add(row);
        }
        return render(header, rows) + (further.isEmpty() ? "" : "also measured under further evaluation attentions: "
                + String.join(", ", further) + " (the report's train × eval table)\n");
    }

    private static String render(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        appendRow(out, rule, widths);
        rows.forEach(r -> appendRow(out, r, widths));
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cells.get(i)));
        }
        out.append('\n');
    }
}
