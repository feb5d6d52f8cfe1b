package org.reprise.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one experiment's report prints, computed from run records and the manifest; every
 * number is already text. Templates only lay it out.
 *
 * @param claims          the summary box: one entry per claim of the manifest
 * @param statisticsNote  how verdicts and intervals were computed (levels, bootstrap, Holm)
 * @param determinism     the determinism audit in sentences
 * @param figures         figures that could be drawn from the data
 * @param omittedFigures  one line per figure left out, saying why
 * @param command         the command(s) that produced the records
 */
public record ReportModel(String name, String title, String citation, String arxiv, String manifestFile,
                          List<ClaimSummary> claims, Table scope, Table methodology, Table results,
                          String statisticsNote, List<Figure> figures, List<String> omittedFigures, Table seeds,
                          Table variation, List<String> determinism, Table compute, Table deviations,
                          List<Table> extraTables, Table provenance, List<String> command, List<String> warnings) {

    /**
     * One claim in the summary box.
     *
     * @param verdict "reproduced", "not reproduced", "inconclusive" or "not run"
     * @param style   CSS class of the verdict badge
     */
    public record ClaimSummary(String id, String statement, String metric, String variant, String verdict,
                               String style, String reason, String source) {
    }

    /**
     * An inline SVG figure.
     *
     * @param svg the {@code <svg>} element as written by JFreeSVG (not escaped again)
     */
    public record Figure(String id, String title, String caption, String svg) {
    }

    /** Every table of the report, in page order: what the exports write. */
    public List<Table> tables() {
        List<Table> all = new ArrayList<>(List.of(scope, methodology, results, seeds, variation, compute, deviations));
        all.addAll(extraTables);
        all.add(provenance);
        return all;
    }
}
