package org.reprise.report.figures;

import java.awt.BasicStroke;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One metric's nightly mean across nights, oldest first (nights without a value are gaps). */
public final class NightlyTrend {
    private NightlyTrend() {
    }

    /** @return the SVG, or null when fewer than two nights have a value */
    public static String draw(String id, String title, Map<String, Double> byNight) {
        XYSeries series = new XYSeries(title, false, true);
        int index = 0;
        int points = 0;
        for (double value : byNight.values()) {
            index++;
            if (Double.isFinite(value)) {
                series.add(index, value);
                points++;
            }
        }
        if (points < 2) {
            return null;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SvgCharts.color(0));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis x = new NumberAxis("night (1 = oldest)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("mean over seeds");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return SvgCharts.svg(chart, id, 420, 260);
    }
}
