package org.reprise.report.figures;

import java.awt.BasicStroke;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A quantity against sequence length on log-log axes, one line per pattern (its label carries the fitted exponent). */
public final class ScalingPlot {
    private ScalingPlot() {
    }

    /**
     * @param series label → points {length, value}; non-positive or non-finite values (out of memory) are left out
     * @return the SVG, or null when no series has two points
     */
    public static String draw(String id, String title, String yLabel, Map<String, double[][]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        boolean drawable = false;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            for (double[] point : e.getValue()) {
                if (point[1] > 0 && Double.isFinite(point[1])) {
                    s.add(point[0], point[1]);
                }
            }
            drawable |= s.getItemCount() >= 2;
            data.addSeries(s);
        }
        if (!drawable) {
            return null;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, SvgCharts.color(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis x = new LogAxis("sequence length n");
        x.setBase(2);
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return SvgCharts.svg(chart, id, 640, 400);
    }
}
