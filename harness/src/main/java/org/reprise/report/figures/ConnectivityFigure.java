package org.reprise.report.figures;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/** An attention pattern's connectivity matrix as blocks: query position down, key position across. */
public final class ConnectivityFigure {
    private ConnectivityFigure() {
    }

    public static String draw(String id, String title, boolean[][] mask) {
        int n = mask.length;
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                xs[k] = j;
                ys[k] = i;
                zs[k] = mask[i][j] ? 1 : 0;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("connectivity", new double[][] {xs, ys, zs});
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.01, new Color(0xF2, 0xF2, 0xF2));
        scale.add(0.5, SvgCharts.color(0));
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis("key position j");
        NumberAxis y = new NumberAxis("query position i");
        x.setRange(-0.5, n - 0.5);
        y.setRange(-0.5, n - 0.5);
        y.setInverted(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return SvgCharts.svg(chart, id, 360, 380);
    }
}
