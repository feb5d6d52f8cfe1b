package org.reprise.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.MetricSpec;
import org.reprise.manifest.ReportedValue;
import org.reprise.manifest.RunConfig;
import org.reprise.manifest.VariantSpec;
import org.reprise.run.Json;
import org.reprise.run.RunRecord;

/**
 * The methodology table (one row per configuration, in the papers' style) and the deviation
 * ledger (every setting where a variant departs from the original, with the manifest's reason).
 */
final class ConfigTables {
    static final String NOT_STATED = "not stated";

    private ConfigTables() {
    }

    static Table methodology(ExperimentManifest m, Outcomes outcomes) {
        List<String> header = new ArrayList<>(List.of("configuration", "attention", "LR", "dropout", "layers", "heads",
                "embedding", "length", "batch", "steps", "parameters"));
        for (MetricSpec metric : m.metrics()) {
            header.add(metric.name() + " (" + metric.direction().key() + " is better)");
        }
        Table.Builder t = new Table.Builder("methodology", "One row per configuration: the original as the paper reports it,"
                + " each variant as run. Metrics are final values, mean ± sd over completed seeds (n).",
                header.toArray(String[]::new));
        Set<String> unstated = m.original().unstated();
        List<Object> original = configCells("original (as reported)", m.original().config(), unstated,
                m.original().assumed().keySet());
        original.add("not reported");
        for (MetricSpec metric : m.metrics()) {
            original.add(m.original().reported().stream().filter(r -> r.metric().equals(metric.name())).findFirst()
                    .map(ConfigTables::reportedWithCondition).orElse(NOT_STATED));
        }
        t.row(original.toArray());
        for (VariantSpec v : m.variants().values()) {
            List<Object> row = configCells(v.name() + (outcomes.wasRun(v.name()) ? "" : " (not run)"), v.config(), Set.of(), Set.of());
            row.add(parameters(outcomes.runs(v.name())));
            for (MetricSpec metric : m.metrics()) {
                String missing = outcomes.missing(v.name());
                row.add(outcomes.wasRun(v.name())
                        ? Num.meanSd(outcomes.summary(v.name(), metric.name())) + (missing.isEmpty() ? "" : "; " + missing)
                        : "—");
            }
            t.row(row.toArray());
        }
        StringBuilder note = new StringBuilder("\"not stated\": the paper does not give the setting (the harness fills it from"
                + " its Defaults only to keep the configuration complete).");
        m.original().assumed().forEach((path, why) -> note.append(" \"assumed\" ").append(path).append(": ").append(why).append('.'));
        return t.note(note.toString()).build();
    }

    private static String reportedWithCondition(ReportedValue r) {
        return ClaimTables.reported(r) + (r.condition() == null ? "" : " [" + r.condition() + "]");
    }

    private static List<Object> configCells(String label, RunConfig c, Set<String> unstated, Set<String> assumed) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(stated(unstated, assumed, "model.attention", attention(c.model().attention())));
        row.add(stated(unstated, assumed, "training.learning_rate", Num.setting(c.training().learningRate())));
        row.add(stated(unstated, assumed, "model.dropout", Num.setting(c.model().dropout())));
        row.add(stated(unstated, assumed, "model.layers", Integer.toString(c.model().layers())));
        row.add(stated(unstated, assumed, "model.heads", Integer.toString(c.model().heads())));
        row.add(stated(unstated, assumed, "model.width", "d = " + c.model().width()) + ", "
                + stated(unstated, assumed, "model.embedding", c.model().embedding().key()));
        row.add(stated(unstated, assumed, "model.sequence_length", Integer.toString(c.model().sequenceLength())));
        row.add(stated(unstated, assumed, "training.batch_size", Integer.toString(c.training().batchSize())));
        row.add(c.training().epochs() != null ? Num.setting(c.training().epochs()) + " epochs"
                : stated(unstated, assumed, "training.steps", Num.integer(c.training().steps())));
        return row;
    }

    static String attention(AttentionSpec a) {
        if (a.parameters().isEmpty()) {
            return a.type().key();
        }
        StringBuilder s = new StringBuilder(a.type().key()).append(" (");
        a.parameters().forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append(' ').append(v));
        return s.append(')').toString();
    }

    /** The value, "not stated" when the paper does not give it, or marked "(assumed)" (a path or a parameter below it). */
    private static String stated(Set<String> unstated, Set<String> assumed, String path, String value) {
        if (unstated.contains(path)) {
            return NOT_STATED;
        }
        return assumed.stream().anyMatch(a -> a.equals(path) || a.startsWith(path + ".")) ? value + " (assumed)" : value;
    }

    private static String parameters(List<RunRecord> runs) {
        List<String> counts = runs.stream().map(RunRecord::parameterCount).filter(p -> p > 0).distinct()
                .map(Num::integer).toList();
        return counts.isEmpty() ? Num.NA : String.join(" / ", counts);
    }

    static Table deviations(ExperimentManifest m) {
        Table.Builder t = new Table.Builder("deviations", "Deviation ledger: every setting where a variant departs from"
                + " the original, with the reason the manifest gives.", "variant", "setting", "original", "variant value", "reason");
        Map<String, String> original = flatten(m.original().config());
        for (VariantSpec v : m.variants().values()) {
            Map<String, String> ours = flatten(v.config());
            Set<String> keys = new java.util.TreeSet<>(original.keySet());
            keys.addAll(ours.keySet());
            for (String key : keys) {
                String was = original.getOrDefault(key, "—");
                String now = ours.getOrDefault(key, "—");
                String reason = reason(v.reasons(), key);
                if (was.equals(now) && reason == null) {
                    continue;
                }
                String shownOriginal = m.original().unstated().contains(key) ? NOT_STATED + " (harness default " + was + ")" : was;
                Cell why = reason != null ? Cell.of(reason + (was.equals(now) ? " (same value as the original)" : ""))
                        : Cell.styled("no reason given in the manifest", "missing-reason");
                t.row(v.name(), key, shownOriginal, now, why);
            }
        }
        if (t.isEmpty()) {
            t.note("No variant departs from the original.");
        }
        return t.build();
    }

    /** The reason for {@code key} or for the nearest enclosing setting ({@code model.attention} for {@code model.attention.type}). */
    private static String reason(Map<String, String> reasons, String key) {
        for (String k = key; !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
            if (reasons.containsKey(k)) {
                return reasons.get(k);
            }
        }
        return null;
    }

    /** Setting path in manifest spelling ({@code model.sequence_length}) → value as text. */
    static Map<String, String> flatten(RunConfig config) {
        Map<String, String> out = new TreeMap<>();
        flatten("", Json.MAPPER.valueToTree(config), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? snake(f.getKey()) : prefix + "." + snake(f.getKey()), f.getValue(), out);
            }
            return;
        }
        if (node.isNull()) {
            return;
        }
        out.put(prefix, node.isNumber() ? Num.setting(node.asDouble()) : choiceSpelling(node.asText()));
    }

    /** Enum names as the manifest spells them (DENSE → dense). */
    private static String choiceSpelling(String text) {
        return text.matches("[A-Z][A-Z0-9_]*") ? text.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : text;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
