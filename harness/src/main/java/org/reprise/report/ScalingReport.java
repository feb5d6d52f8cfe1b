package org.reprise.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.reprise.report.figures.ScalingPlot;
import org.reprise.run.Json;
import org.reprise.run.ScalingCell;
import org.reprise.stats.ScalingFit;

/**
 * The report of a scaling benchmark (such as attention-scaling): time and peak memory of each
 * pattern against sequence length, as a table, log-log plots, fitted exponents (log-log least
 * squares with 95% intervals, stats.ScalingFit) and ratios to dense. Built from the benchmark's
 * cell records ({@code results/<experiment>/<pattern>-<n>.json}) alone.
 */
public final class ScalingReport {
    /** Exponents are fitted over lengths at least this long, where the attention dominates fixed costs. */
    public static final int FIT_FROM = 2048;
    private static final double CONFIDENCE = 0.95;
    private static final double MB = 1024.0 * 1024.0;

    private ScalingReport() {
    }

    /** The page's content. */
    public record Model(String name, String title, List<Table> tables, List<ReportModel.Figure> figures, List<String> notes) {
    }

    /** Whether {@code dir} holds scaling cells. */
    public static boolean hasCells(Path dir) throws IOException {
        return !cells(dir).isEmpty();
    }

    static List<ScalingCell> cells(Path dir) throws IOException {
        List<ScalingCell> cells = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return cells;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("[a-z0-9-]+-\\d+\\.json")).sorted().toList()) {
                cells.add(Json.MAPPER.readValue(file.toFile(), ScalingCell.class));
            }
        }
        return cells;
    }

    public static Model build(Path dir, String experiment) throws IOException {
        return build(dir, experiment, null);
    }

    /**
     * @param manifest the benchmark's manifest when it can be read (its title and the paper's reported
     *                 rows are shown), or null
     */
    public static Model build(Path dir, String experiment, org.reprise.manifest.ExperimentManifest manifest) throws IOException {
        List<ScalingCell> all = cells(dir);
        boolean model = all.stream().anyMatch(c -> "model".equals(c.scope()));
        String unit = model ? "one optimizer step of the whole model (forward, backward, Adam)"
                : "one attention layer's forward and backward pass";
        Map<String, Map<Integer, ScalingCell>> byPattern = new LinkedHashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (ScalingCell c : all) {
            byPattern.computeIfAbsent(c.pattern(), k -> new TreeMap<>()).put(c.length(), c);
            lengths.add(c.length());
        }
        List<String> header = new ArrayList<>(List.of("pattern"));
        lengths.forEach(n -> header.add("n = " + n));
        header.add("time exponent (n ≥ " + FIT_FROM + ")");
        header.add("memory exponent (n ≥ " + FIT_FROM + ")");
        Table.Builder costs = new Table.Builder("scaling", "Time (median, ms) / peak memory above the JVM's"
                + " baseline (MiB) of " + unit + ", and the log-log slopes with " + Num.percent(CONFIDENCE) + " intervals.",
                header.toArray(String[]::new));
        List<String> ratioHeader = new ArrayList<>(List.of("pattern"));
        lengths.forEach(n -> ratioHeader.add("n = " + n));
        Table.Builder ratios = new Table.Builder("speedup", "Dense time ÷ pattern time (×), and pattern memory ÷ dense memory.",
                ratioHeader.toArray(String[]::new));
        Map<String, double[][]> timeSeries = new LinkedHashMap<>();
        Map<String, double[][]> memorySeries = new LinkedHashMap<>();
        Map<Integer, ScalingCell> dense = byPattern.getOrDefault("dense", Map.of());
        for (Map.Entry<String, Map<Integer, ScalingCell>> e : byPattern.entrySet()) {
            List<Object> row = new ArrayList<>(List.of(e.getKey()));
            List<Object> ratioRow = new ArrayList<>(List.of(e.getKey()));
            List<double[]> times = new ArrayList<>();
            List<double[]> memory = new ArrayList<>();
            for (int n : lengths) {
                ScalingCell c = e.getValue().get(n);
                if (c == null) {
                    row.add("not run");
                    ratioRow.add("—");
                    continue;
                }
                boolean ok = "COMPLETED".equals(c.status());
                row.add(ok ? String.format(Locale.ROOT, "%,.0f / %,.0f", c.medianMs(), c.peakAboveBaselineBytes() / MB)
                        : c.status().toLowerCase(Locale.ROOT).replace('_', ' '));
                ratioRow.add(ratio(c, dense.get(n)));
                times.add(new double[] {n, ok ? c.medianMs() : Double.NaN});
                memory.add(new double[] {n, ok ? c.peakAboveBaselineBytes() / MB : Double.NaN});
            }
            Optional<ScalingFit> timeFit = fit(times);
            Optional<ScalingFit> memoryFit = fit(memory);
            row.add(timeFit.map(ScalingReport::slope).orElse("n/a"));
            row.add(memoryFit.map(ScalingReport::slope).orElse("n/a"));
            costs.row(row.toArray());
            if (!e.getKey().equals("dense")) {
                ratios.row(ratioRow.toArray());
            }
            timeSeries.put(e.getKey() + timeFit.map(f -> String.format(Locale.ROOT, " (slope %.2f)", f.slope())).orElse(""),
                    times.toArray(double[][]::new));
            memorySeries.put(e.getKey() + memoryFit.map(f -> String.format(Locale.ROOT, " (slope %.2f)", f.slope())).orElse(""),
                    memory.toArray(double[][]::new));
        }
        List<ReportModel.Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        addFigure(figures, notes, "fig-scaling-time", "Time against length", "forward+backward ms",
                
                "Median time of " + unit + ", log-log; the legend gives each fitted slope.",
                timeSeries);
        addFigure(figures, notes, "fig-scaling-memory", "Peak memory against length", "MiB above the JVM baseline",
                "Peak resident memory the cell needed, log-log. A cell that passed the benchmark's budget is out of memory and not drawn.",
                memorySeries);
        notes.add("Slopes are fitted over n ≥ " + FIT_FROM + " on completed cells only; an out-of-memory cell is left out of the"
                + " fit, so a pattern that fails early has a fit over fewer points (n/a below 2).");
        List<Table> tables = new ArrayList<>(List.of(costs.build(),
                ratios.note("Ratios at lengths where dense did not complete are not available.").build()));
        if (manifest != null && !manifest.original().reported().isEmpty()) {
            Table.Builder reported = new Table.Builder("reported", "The paper's reported numbers (original setting; "
                    + "compare ratios, not absolute values, unless the hardware and model match).", "metric", "value", "condition", "source");
            manifest.original().reported().forEach(r -> reported.row(r.metric(), Num.setting(r.value()), r.condition(), r.source()));
            if (manifest.original().notes() != null) {
                reported.note(manifest.original().notes().strip());
            }
            tables.add(reported.build());
        }
        String title = manifest != null ? manifest.title() : "Attention cost against sequence length (" + experiment + ")";
        return new Model(experiment, title, tables, figures, notes);
    }

    private static void addFigure(List<ReportModel.Figure> figures, List<String> notes, String id, String title, String yLabel,
                                  String caption, Map<String, double[][]> series) {
        String svg = ScalingPlot.draw(id, title, yLabel, series);
        if (svg == null) {
            notes.add(title + ": omitted — no pattern has two completed lengths.");
        } else {
            figures.add(new ReportModel.Figure(id, title, caption, svg));
        }
    }

    private static Optional<ScalingFit> fit(List<double[]> points) {
        double[] x = points.stream().filter(p -> p[0] >= FIT_FROM).mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().filter(p -> p[0] >= FIT_FROM).mapToDouble(p -> p[1]).toArray();
        return x.length < 2 ? Optional.empty() : ScalingFit.fit(x, y, CONFIDENCE);
    }

    private static String slope(ScalingFit f) {
        return f.slopeInterval().map(i -> String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (n=%d)", f.slope(), i.lower(), i.upper(), f.n()))
                .orElse(String.format(Locale.ROOT, "%.2f (n=%d)", f.slope(), f.n()));
    }

    private static String ratio(ScalingCell c, ScalingCell dense) {
        if (dense == null || !"COMPLETED".equals(c.status()) || !"COMPLETED".equals(dense.status())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f× / %.2f", dense.medianMs() / c.medianMs(),
                (double) c.peakAboveBaselineBytes() / dense.peakAboveBaselineBytes());
    }
}
