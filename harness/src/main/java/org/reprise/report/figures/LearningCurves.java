package org.reprise.report.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.reprise.run.RunRecord;

/**
 * A metric against training step, one line per variant: the mean across seeds with a band of
 * ± one sd (seeds present at that step; a diverged seed contributes until its values stop being finite).
 */
public final class LearningCurves {
    private LearningCurves() {
    }

    /** @return the SVG, or null when no run has two evaluations of the metric */
    public static String draw(String id, String metric, String unit, Map<String, List<RunRecord>> byVariant) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean drawable = false;
        for (Map.Entry<String, List<RunRecord>> e : byVariant.entrySet()) {
            Map<Long, SummaryStatistics> atStep = new TreeMap<>();
            for (RunRecord r : e.getValue()) {
                r.history().forEach(p -> {
                    Double v = p.metrics().get(metric);
                    if (v != null && Double.isFinite(v)) {
                        atStep.computeIfAbsent(p.step(), k -> new SummaryStatistics()).addValue(v);
                    }
                });
            }
            YIntervalSeries series = new YIntervalSeries(e.getKey() + " (mean ± sd)");
            atStep.forEach((step, s) -> {
                double sd = s.getN() > 1 ? s.getStandardDeviation() : 0;
                series.add(step, s.getMean(), s.getMean() - sd, s.getMean() + sd);
            });
            drawable |= series.getItemCount() >= 2;
            data.addSeries(series);
        }
        if (!drawable) {
            return null;
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = SvgCharts.color(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.2f);
        NumberAxis x = new NumberAxis("training step");
        NumberAxis y = new NumberAxis(metric + " (" + unit + ")");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Learning curve: " + metric, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return SvgCharts.svg(chart, id, 640, 360);
    }
}
