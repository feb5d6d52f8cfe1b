package org.reprise.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.ClaimSpec;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.MetricSpec;
import org.reprise.manifest.ReportedValue;
import org.reprise.manifest.VariantSpec;
import org.reprise.report.figures.AttentionPatterns;
import org.reprise.report.figures.ConnectivityFigure;
import org.reprise.report.figures.LearningCurves;
import org.reprise.report.figures.SeedStrip;

/** The figures a report can draw from its data, and a one-line note for each it cannot. */
final class FigureSection {
    /** Length of the connectivity pictures: enough to show a stride or block, small enough to read. */
    static final int CONNECTIVITY_LENGTH = 16;

    final List<ReportModel.Figure> figures = new ArrayList<>();
    final List<String> omitted = new ArrayList<>();

    FigureSection(ExperimentManifest m, Outcomes outcomes) {
        learningCurves(m, outcomes);
        strips(m, outcomes);
        omitted.add("Scaling (log-log time and memory against length, with fitted exponents): omitted — this experiment"
                + " has no runs that vary only the sequence length.");
        connectivity(m);
    }

    private void learningCurves(ExperimentManifest m, Outcomes outcomes) {
        for (MetricSpec metric : m.metrics()) {
            String svg = LearningCurves.draw("fig-curve-" + metric.name(), metric.name(), metric.unit(), outcomes.byVariant());
            if (svg == null) {
                omitted.add("Learning curve of " + metric.name() + ": omitted — no run has two evaluations of it.");
            } else {
                figures.add(new ReportModel.Figure("fig-curve-" + metric.name(), "Learning curve: " + metric.name(),
                        "Mean across seeds per variant with a band of ± one sd (" + metric.direction().key()
                                + " is better).", svg));
            }
        }
    }

    private void strips(ExperimentManifest m, Outcomes outcomes) {
        for (MetricSpec metric : m.metrics()) {
            Map<String, double[]> values = new LinkedHashMap<>();
            outcomes.byVariant().keySet().forEach(v -> values.put(v, outcomes.completedValues(v, metric.name())));
            ReportedValue paper = paperValue(m, metric.name());
            String label = paper == null ? "" : Num.value(paper.value()) + " (" + paper.source()
                    + (paper.condition() == null ? "" : ", " + paper.condition()) + ")";
            String svg = SeedStrip.draw("fig-strip-" + metric.name(), metric.name(), metric.unit(), values,
                    paper == null ? null : paper.value(), label);
            if (svg == null) {
                omitted.add("Per-seed values of " + metric.name() + ": omitted — no completed seed has a final value.");
            } else {
                figures.add(new ReportModel.Figure("fig-strip-" + metric.name(), "Per-seed " + metric.name(),
                        "One dot per completed seed; failed and diverged seeds have no final value and appear in the"
                                + " per-seed table. " + (paper == null ? "The paper reports no value for this metric."
                                : "Dashed line: the paper's value " + label + "."), svg));
            }
        }
    }

    /** The value of a claim on this metric, else the first number the paper reports for it. */
    private static ReportedValue paperValue(ExperimentManifest m, String metric) {
        for (ClaimSpec c : m.claims()) {
            if (c.metric().equals(metric) && c.paper() != null) {
                return c.paper();
            }
        }
        return m.original().reported().stream().filter(r -> r.metric().equals(metric)).findFirst().orElse(null);
    }

    private void connectivity(ExperimentManifest m) {
        Set<AttentionSpec> patterns = new LinkedHashSet<>();
        patterns.add(m.original().config().model().attention());
        for (VariantSpec v : m.variants().values()) {
            patterns.add(v.config().model().attention());
        }
        int k = 0;
        for (AttentionSpec p : patterns) {
            String name = ConfigTables.attention(p);
            var mask = AttentionPatterns.connectivity(p, CONNECTIVITY_LENGTH);
            if (mask.isEmpty()) {
                omitted.add("Attention connectivity of " + name + ": omitted — its attended positions depend on the input (LSH) or"
                        + " mix every key (Linformer).");
                continue;
            }
            String id = "fig-attention-" + k++;
            figures.add(new ReportModel.Figure(id, "Attention connectivity: " + name,
                    "Which key positions (across) each query position (down) attends to, at length "
                            + CONNECTIVITY_LENGTH + ", as in Figure 3 of Child et al. (2019).",
                    ConnectivityFigure.draw(id, name + " attention, n = " + CONNECTIVITY_LENGTH,
                            mask.get())));
        }
    }
}
