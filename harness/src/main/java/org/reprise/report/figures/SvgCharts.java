package org.reprise.report.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a JFreeChart into an inline {@code <svg>} element with JFreeSVG (which escapes all text it writes). */
public final class SvgCharts {
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    /** A colour-blind-safe qualitative palette (Okabe and Ito 2008). */
    static final Color[] PALETTE = {new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x00, 0x00)};

    private SvgCharts() {
    }

    /**
     * @param id element id and prefix of the SVG's internal ids (clip paths), unique within the page
     */
    public static String svg(JFreeChart chart, String id, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
