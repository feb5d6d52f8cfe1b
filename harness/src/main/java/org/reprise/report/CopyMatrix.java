package org.reprise.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ReportedValue;

/**
 * The copy task's train × eval accuracy matrix (Kitaev et al. 2020, Table 2) as a coloured table,
 * built from the reported values whose condition reads "train A, eval B". Only the paper's
 * numbers: our runs train and evaluate with the same attention, so we have no off-diagonal cell.
 */
final class CopyMatrix {
    private static final Pattern CONDITION = Pattern.compile("train (.+?), eval (.+)");

    private CopyMatrix() {
    }

    static Optional<Table> of(ExperimentManifest m) {
        Map<String, Map<String, ReportedValue>> cells = new TreeMap<>();
        Set<String> trains = new LinkedHashSet<>();
        Set<String> evals = new LinkedHashSet<>();
        for (ReportedValue r : m.original().reported()) {
            Matcher match = r.condition() == null ? null : CONDITION.matcher(r.condition());
            if (match != null && match.matches() && r.metric().equals("accuracy")) {
                trains.add(match.group(1));
                evals.add(match.group(2));
                cells.computeIfAbsent(match.group(1), k -> new TreeMap<>()).put(match.group(2), r);
            }
        }
        if (trains.size() < 2 || evals.size() < 2) {
            return Optional.empty();
        }
        List<String> header = new java.util.ArrayList<>(List.of("train \\ eval"));
        header.addAll(evals);
        Table.Builder t = new Table.Builder("copy-matrix", "Copy task: accuracy of each training attention (rows) evaluated"
                + " with each attention (columns), as the paper reports it.", header.toArray(String[]::new));
        for (String train : trains) {
            Object[] row = new Object[header.size()];
            row[0] = train;
            int col = 1;
            for (String eval : evals) {
                ReportedValue r = cells.get(train).get(eval);
                row[col++] = r == null ? Cell.of("—") : new Cell(Num.value(r.value()), "heat", heat(r.value()));
            }
            t.row(row);
        }
        return Optional.of(t.note("Our matrix has only the full/full cell (see the results): the LSH rows and columns"
                + " need the LSH attention pattern, which the harness does not have yet.").build());
    }

    /** Red (0) through yellow to green (1), light enough for black text. */
    static String heat(double accuracy) {
        double a = Math.max(0, Math.min(1, accuracy));
        int red = (int) Math.round(a < 0.5 ? 244 : 244 - (a - 0.5) * 2 * (244 - 168));
        int green = (int) Math.round(a < 0.5 ? 168 + a * 2 * (230 - 168) : 230);
        int blue = 168;
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
}
