package org.reprise.report.export;

import java.util.List;
import org.reprise.report.Cell;
import org.reprise.report.Table;

/** A report table as CSV (RFC 4180), GitHub Markdown and LaTeX (booktabs), cell text as printed in the HTML. */
public final class TableExports {
    private TableExports() {
    }

    public static String csv(Table t) {
        StringBuilder out = new StringBuilder();
        csvLine(out, t.header());
        for (List<Cell> row : t.rows()) {
            csvLine(out, row.stream().map(Cell::text).toList());
        }
        return out.toString();
    }

    private static void csvLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            out.append(i == 0 ? "" : ",").append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        out.append("\r\n");
    }

    public static String markdown(Table t) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(md(t.caption())).append("**\n\n");
        mdLine(out, t.header());
        out.append('|');
        t.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<Cell> row : t.rows()) {
            mdLine(out, row.stream().map(Cell::text).toList());
        }
        if (!t.note().isEmpty()) {
            out.append('\n').append(md(t.note())).append('\n');
        }
        return out.toString();
    }

    private static void mdLine(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(md(c)).append(" |"));
        out.append('\n');
    }

    /** Escapes what Markdown would read as table syntax, emphasis or HTML. */
    private static String md(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ");
    }

    public static String latex(Table t) {
        StringBuilder out = new StringBuilder();
        out.append("% needs \\usepackage{booktabs}\n\\begin{table}[ht]\n\\centering\n\\caption{")
                .append(tex(t.caption())).append("}\n\\label{tab:").append(tex(t.id())).append("}\n\\begin{tabular}{")
                .append("l".repeat(t.header().size())).append("}\n\\toprule\n");
        texLine(out, t.header());
        out.append("\\midrule\n");
        for (List<Cell> row : t.rows()) {
            texLine(out, row.stream().map(Cell::text).toList());
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        if (!t.note().isEmpty()) {
            out.append("\\par\\smallskip\\footnotesize ").append(tex(t.note())).append('\n');
        }
        return out.append("\\end{table}\n").toString();
    }

    private static void texLine(StringBuilder out, List<String> cells) {
        out.append(String.join(" & ", cells.stream().map(TableExports::tex).toList())).append(" \\\\\n");
    }

    /** Escapes LaTeX's special characters; the Unicode signs we print are mapped to math mode. */
    static String tex(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '±' -> out.append("$\\pm$");
                case '−' -> out.append("$-$");
                case 'Δ' -> out.append("$\\Delta$");
                case 'δ' -> out.append("$\\delta$");
                case 'α' -> out.append("$\\alpha$");
                case '×' -> out.append("$\\times$");
                case '—' -> out.append("---");
                case '–' -> out.append("--");
                case '∞' -> out.append("$\\infty$");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
