package org.reprise.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a report, as printed: the HTML page, and the CSV, Markdown and LaTeX exports are
 * all written from this one object, so they cannot disagree.
 *
 * @param id      file stem of the exports and HTML anchor, e.g. "results"
 * @param caption one sentence saying what the table shows
 * @param header  column names
 * @param rows    cells, each row as long as the header
 * @param note    a sentence printed under the table ("" for none)
 */
public record Table(String id, String caption, List<String> header, List<List<Cell>> rows, String note) {
    public Table {
        header = List.copyOf(header);
        List<List<Cell>> copy = new ArrayList<>();
        for (List<Cell> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells, the header "
                        + header.size());
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
        note = note == null ? "" : note;
    }

    /** Collects rows of plain or styled cells. */
    public static final class Builder {
        private final String id;
        private final String caption;
        private final List<String> header;
        private final List<List<Cell>> rows = new ArrayList<>();
        private String note = "";

        public Builder(String id, String caption, String... header) {
            this.id = id;
            this.caption = caption;
            this.header = List.of(header);
        }

        public Builder row(Object... cells) {
            List<Cell> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell instanceof Cell c ? c : Cell.of(String.valueOf(cell)));
            }
            rows.add(row);
            return this;
        }

        public Builder note(String text) {
            this.note = text;
            return this;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public Table build() {
            return new Table(id, caption, header, rows, note);
        }
    }
}
