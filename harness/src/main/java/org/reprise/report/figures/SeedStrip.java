package org.reprise.report.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Final values of one metric, one dot per completed seed, variants side by side, the paper's value as a line. */
public final class SeedStrip {
    /** Horizontal spread of the dots of one variant, in category widths, so equal values stay visible. */
    private static final double JITTER = 0.12;

    private SeedStrip() {
    }

    /**
     * @param values    variant → final values of its completed seeds
     * @param paper     the paper's value, or null
     * @param paperNote label of the paper's line (e.g. its source)
     * @return the SVG, or null when no variant has a value
     */
    public static String draw(String id, String metric, String unit, Map<String, double[]> values, Double paper,
                              String paperNote) {
        List<String> variants = List.copyOf(values.keySet());
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries dots = new XYSeries("completed seeds", false, true);
        for (int i = 0; i < variants.size(); i++) {
            double[] v = values.get(variants.get(i));
            for (int k = 0; k < v.length; k++) {
                double offset = v.length == 1 ? 0 : JITTER * (2.0 * k / (v.length - 1) - 1);
                dots.add(i + offset, v[k]);
            }
        }
        if (dots.getItemCount() == 0) {
            return null;
        }
        data.addSeries(dots);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, SvgCharts.color(0));
        SymbolAxis x = new SymbolAxis("variant", variants.toArray(String[]::new));
        x.setRange(-0.6, variants.size() - 0.4);
        NumberAxis y = new NumberAxis(metric + " (" + unit + ")");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (paper != null) {
            ValueMarker marker = new ValueMarker(paper, new Color(0xC0, 0x39, 0x2B), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("paper: " + paperNote);
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker);
            double lo = Math.min(paper, dots.getMinY());
            double hi = Math.max(paper, dots.getMaxY());
            double pad = Math.max((hi - lo) * 0.15, Math.max(Math.abs(hi), 1e-6) * 0.01);
            y.setRange(lo - pad, hi + pad);
        }
        JFreeChart chart = new JFreeChart("Final " + metric + " per seed", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return SvgCharts.svg(chart, id, 640, 320);
    }
}
