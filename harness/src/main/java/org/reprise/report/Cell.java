package org.reprise.report;

/**
 * One table cell: its text (already formatted), a CSS class for emphasis ("" for none, e.g.
 * "verdict-reproduced", "status-failed") and a background colour ("" or "#rrggbb", for heat tables).
 */
public record Cell(String text, String style, String color) {
    public Cell {
        text = text == null ? "" : text;
        style = style == null ? "" : style;
        color = color == null ? "" : color;
    }

    public static Cell of(String text) {
        return new Cell(text, "", "");
    }

    public static Cell styled(String text, String style) {
        return new Cell(text, style, "");
    }
}
