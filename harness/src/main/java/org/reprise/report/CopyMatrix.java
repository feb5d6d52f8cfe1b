package org.reprise.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.MetricSpec;
import org.reprise.manifest.ReportedValue;
import org.reprise.manifest.VariantSpec;

/**
 * The copy task's train × eval accuracy matrix (Kitaev et al. 2020, Table 2) as coloured tables: the
 * paper's, from the reported values whose condition reads "train A, eval B"; one per reproduction
 * whose condition reads "reported by WHO: train A, eval B — why it is not comparable"; and ours, one
 * per tier of variants (ci, ci-lsh1, ... form tier ci), each row a variant's training attention and
 * each column one of its further evaluation attentions ({@code accuracy@<name>}), with the paper's
 * cell beside ours where the labels match.
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
                + " attention (columns), as the paper reports it.", "Our matrices, one per tier of variants, follow below"
                + " when runs have recorded them.");
    }

    /**
     * Our matrices: per tier (the variant name before its first '-'), the variants whose models are
     * evaluated under further attentions, if at least 2 rows × 2 columns; empty cells read "not run".
     */
    static List<Table> ours(ExperimentManifest m, Outcomes outcomes) {
        Map<String, List<VariantSpec>> tiers = new LinkedHashMap<>();
        for (VariantSpec v : m.variants().values()) {
            if (!v.config().model().evaluateWith().isEmpty()) {
                tiers.computeIfAbsent(tier(v.name()), k -> new java.util.ArrayList<>()).add(v);
            }
        }
        Map<String, ReportedValue> paper = new java.util.HashMap<>();
        for (ReportedValue r : accuracies(m)) {
            Matcher match = PAPER.matcher(r.condition());
            if (match.matches()) {
                paper.put(key(match.group(1), match.group(2)), r);
            }
        }
        List<Table> tables = new java.util.ArrayList<>();
        for (Map.Entry<String, List<VariantSpec>> tier : tiers.entrySet()) {
            Map<String, String> columns = new LinkedHashMap<>();          // column label → evaluation name
            tier.getValue().forEach(v -> v.config().model().evaluateWith().forEach(
                    (name, attention) -> columns.putIfAbsent(label(attention), name)));
            if (tier.getValue().size() < 2 || columns.size() < 2) {
                continue;
            }
            List<String> header = new java.util.ArrayList<>(List.of("train \\ eval", "variant"));
            header.addAll(columns.keySet());
            Table.Builder t = new Table.Builder("copy-matrix-ours-" + tier.getKey(), "Copy task, our " + tier.getKey()
                    + " variants: accuracy of each training attention (rows) evaluated with each attention (columns),"
                    + " mean ± sd over completed seeds; the paper's cell follows where it has one.", header.toArray(String[]::new));
            for (VariantSpec v : tier.getValue()) {
                String row = label(v.config().model().attention());
                Object[] values = new Object[header.size()];
                values[0] = row;
                values[1] = v.name();
                int col = 2;
                for (Map.Entry<String, String> column : columns.entrySet()) {
                    values[col++] = cell(outcomes, v, column.getValue(), paper.get(key(row, column.getKey())));
                }
                t.row(values);
            }
            tables.add(t.note("Each cell is one trained model evaluated on the same held-out batches under another"
                    + " attention, with the trained parameters (model.evaluate_with). Rows are named by the training"
                    + " attention and columns by the evaluation attention: one bucket is full shared-QK attention, LSH-r"
                    + " hashes r rounds. The paper's numbers are at length 1024 after 150K steps; a tier's own scale is in"
                    + " its variant's description.").build());
        }
        return tables;
    }

    private static Cell cell(Outcomes outcomes, VariantSpec v, String evaluation, ReportedValue paper) {
        if (!v.config().model().evaluateWith().containsKey(evaluation)) {
            return Cell.of("—");
        }
        org.reprise.stats.Summary s = outcomes.summary(v.name(), MetricSpec.under("accuracy", evaluation));
        String reported = paper == null ? "" : " · paper " + Num.value(paper.value());
        if (s.n() == 0) {
            return Cell.of("not run" + reported);
        }
        return new Cell(Num.meanSd(s) + reported, "heat", heat(s.mean().orElse(0)));
    }

    /** ci-lsh1 → ci, reduced → reduced. */
    static String tier(String variant) {
        int dash = variant.indexOf('-');
        return dash < 0 ? variant : variant.substring(0, dash);
    }

    /** The name Table 2 gives an attention: "full attention" for one bucket (or dense), "LSH-r" for r hash rounds. */
    static String label(AttentionSpec a) {
        if (a.type() == AttentionType.DENSE) {
            return "full attention (separate QK)";
        }
        if (a.type() != AttentionType.LSH) {
            return a.type().key();
        }
        return a.parameter("buckets", 1) == 1 ? "full attention" : "LSH-" + a.parameter("rounds", 1);
    }

    private static String key(String train, String eval) {
        return train.trim().toLowerCase(java.util.Locale.ROOT) + "|" + eval.trim().toLowerCase(java.util.Locale.ROOT);
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
