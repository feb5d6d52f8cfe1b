package org.reprise.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprise.nightly.GateVerdict;
import org.reprise.nightly.NightlyHistory;
import org.reprise.report.figures.NightlyTrend;
import org.reprise.run.AtomicFiles;

/**
 * {@code reports/nightly/index.html}: every metric across every nightly kept in
 * {@code results/nightly/}, the latest verdict, and the first commit where it moved.
 */
public final class NightlyHistoryReport {
    private NightlyHistoryReport() {
    }

    /** The page's content. */
    public record Model(String title, List<Table> tables, List<ReportModel.Figure> figures, List<String> notes) {
    }

    public static Model build(NightlyHistory history) {
        Table.Builder t = new Table.Builder("nightly-history", "Each metric across nightlies: the latest night's mean and"
                + " verdict, and the first night it drifted or its runs failed (with the last night that passed before it).",
                "experiment/variant/metric", "nights", "latest mean", "latest verdict", "first moved", "last passed before");
        List<ReportModel.Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int k = 0;
        for (String key : history.keys()) {
            var series = history.series(key);
            long measured = series.values().stream().filter(Double::isFinite).count();
            NightlyHistory.Night latest = history.nights().get(history.nights().size() - 1);
            Double mean = latest.means().get(key);
            GateVerdict verdict = latest.verdicts().get(key);
            var move = history.firstMove(key);
            t.row(key, Long.toString(measured), mean == null ? "—" : String.format(Locale.ROOT, "%.6g", mean),
                    verdict == null ? "—" : verdict.name(),
                    move.map(m -> m.first().commit() + " (" + m.first().date() + ", " + m.first().verdicts().get(key) + ")").orElse("never"),
                    move.flatMap(NightlyHistory.Move::lastGood).map(n -> n.commit() + " (" + n.date() + ")").orElse("—"));
            String svg = NightlyTrend.draw("fig-nightly-" + k++, key, series);
            if (svg != null) {
                figures.add(new ReportModel.Figure("fig-nightly-" + (k - 1), key, "Mean over seeds per night, oldest first.", svg));
            }
        }
        if (figures.isEmpty()) {
            notes.add("Trend plots need at least two nights with a value: " + history.nights().size() + " night(s) so far.");
        }
        return new Model("Nightly history: " + history.nights().size() + " night(s)", List.of(t.build()), figures, notes);
    }

    /** Writes the page (and its table exports) into {@code dir}; returns the HTML file. */
    public static Path write(NightlyHistory history, Path dir) throws IOException {
        Model model = build(history);
        for (Table table : model.tables()) {
            AtomicFiles.writeString(dir.resolve(table.id() + ".csv"), org.reprise.report.export.TableExports.csv(table));
            AtomicFiles.writeString(dir.resolve(table.id() + ".md"), org.reprise.report.export.TableExports.markdown(table));
            AtomicFiles.writeString(dir.resolve(table.id() + ".tex"), org.reprise.report.export.TableExports.latex(table));
        }
        Path html = dir.resolve("index.html");
        AtomicFiles.writeString(html, new TemplateRenderer().render("nightly.ftlh", model));
        return html;
    }
}
