package org.reprise.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ReportedValue;

/**
 * The copy task's train × eval accuracy matrix (Kitaev et al. 2020, Table 2) as coloured tables: the
 * paper's, from the reported values whose condition reads "train A, eval B", and one per
 * reproduction whose condition reads "reported by WHO: train A, eval B — why it is not comparable".
 * Only reported numbers: our runs train and evaluate with the same attention.
 */
final class CopyMatrix {
    private static final Pattern PAPER = Pattern.compile("train (.+?), eval (.+)");
    private static final Pattern REPRODUCTION = Pattern.compile("reported by (.+?): train (.+?), eval (.+?) — (.+)");

    private CopyMatrix() {
    }

    /** The paper's matrix, or empty when the manifest reports no grid of at least 2 × 2. */
    static Optional<Table> of(ExperimentManifest m) {
        Grid paper = new Grid();
        for (ReportedValue r : accuracies(m)) {
            Matcher match = PAPER.matcher(r.condition());
            if (match.matches()) {
                paper.put(match.group(1), match.group(2), r);
            }
        }
        return paper.table("copy-matrix", "Copy task: accuracy of each training attention (rows) evaluated with each"
                + " attention (columns), as the paper reports it.", "Our runs train and evaluate with the same attention;"
                + " evaluating one trained model under other attentions (the off-diagonal cells) is not built yet.");
    }

    /** One matrix per reproduction that reports the grid, with its comparability note. */
    static List<Table> reproductions(ExperimentManifest m) {
        Map<String, Grid> grids = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (ReportedValue r : accuracies(m)) {
            Matcher match = REPRODUCTION.matcher(r.condition());
            if (match.matches()) {
                grids.computeIfAbsent(match.group(1), k -> new Grid()).put(match.group(2), match.group(3), r);
                notes.putIfAbsent(match.group(1), match.group(4));
            }
        }
        List<Table> tables = new java.util.ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Grid> e : grids.entrySet()) {
            e.getValue().table("copy-matrix-reproduction-" + ++index, "Copy task as reported by " + e.getKey()
                    + " (" + e.getValue().source + ").", notes.get(e.getKey())).ifPresent(tables::add);
        }
        return tables;
    }

    private static List<ReportedValue> accuracies(ExperimentManifest m) {
        return m.original().reported().stream()
                .filter(r -> r.condition() != null && r.metric().equals("accuracy")).toList();
    }

    /** Cells by training attention, then evaluation attention, in the order they are reported. */
    private static final class Grid {
        private final Map<String, Map<String, ReportedValue>> cells = new LinkedHashMap<>();
        private final Set<String> evals = new LinkedHashSet<>();
        private String source = "";

        void put(String train, String eval, ReportedValue r) {
            cells.computeIfAbsent(train, k -> new LinkedHashMap<>()).put(eval, r);
            evals.add(eval);
            source = r.source();
        }

        Optional<Table> table(String id, String caption, String note) {
            if (cells.size() < 2 || evals.size() < 2) {
                return Optional.empty();
            }
            List<String> header = new java.util.ArrayList<>(List.of("train \\ eval"));
            header.addAll(evals);
            Table.Builder t = new Table.Builder(id, caption, header.toArray(String[]::new));
            for (Map.Entry<String, Map<String, ReportedValue>> row : cells.entrySet()) {
                Object[] values = new Object[header.size()];
                values[0] = row.getKey();
                int col = 1;
                for (String eval : evals) {
                    ReportedValue r = row.getValue().get(eval);
                    values[col++] = r == null ? Cell.of("—") : new Cell(Num.value(r.value()), "heat", heat(r.value()));
                }
                t.row(values);
            }
            return Optional.of(t.note(note).build());
        }
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
