package org.reprise.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Binds a manifest's optional {@code benchmark:} section. */
final class BenchmarkBinder {
    private BenchmarkBinder() {
    }

    /** @return the benchmark, or null when the manifest has none (or it is invalid: errors are in the sink) */
    static BenchmarkSpec bind(Section top, java.util.Collection<RunConfig> configs) {
        if (!top.has("benchmark")) {
            return null;
        }
        Section b = top.section("benchmark");
        BenchmarkScope scope = b.choice("scope", BenchmarkScope.class);
        if (scope == null && !b.has("scope")) {
            b.missing("scope", "one of " + String.join(", ", Choice.keys(BenchmarkScope.class)));
        }
        List<Integer> lengths = lengths(b, "lengths", true);
        List<Integer> ciLengths = b.has("ci_lengths") ? lengths(b, "ci_lengths", true) : lengths;
        Integer tokens = b.intValue("tokens_per_batch", 1, Integer.MAX_VALUE);
        if (tokens != null) {
            for (int n : lengths) {
                if (tokens % n != 0) {
                    b.error("tokens_per_batch", tokens + " is not a multiple of length " + n
                            + ": expected a token budget every length divides");
                    break;
                }
            }
        }
        Integer warmup = b.intValue("warmup", 0, 100);
        Integer repetitions = b.intValue("repetitions", 1, 100);
        Double budget = b.number("memory_budget_gib", 0, 1024, true);
        Integer fitFrom = b.intValue("fit_from", 1, Integer.MAX_VALUE);
        Map<String, String> rules = new LinkedHashMap<>();
        Section scale = b.section("scale_with_length");
        for (String parameter : scale.keys()) {
            String rule = scale.string(parameter);
            java.util.Set<String> known = new java.util.TreeSet<>();
            configs.forEach(c -> known.addAll(c.model().attention().type().parameters()));
            if (!known.contains(parameter)) {
                scale.error(parameter, "'" + parameter + "' is not a parameter of any variant's attention type: expected one of "
                        + String.join(", ", known) + Section.suggestion(parameter, known));
            } else if (rule != null && !BenchmarkSpec.validRule(rule)) {
                scale.error(parameter, "'" + rule + "' is not a length rule: expected sqrt or n/K with a positive integer K");
            } else if (rule != null) {
                rules.put(parameter, rule);
            }
        }
        b.finish();
        if (scope == null || lengths.isEmpty()) {
            return null;
        }
        return new BenchmarkSpec(scope, lengths, ciLengths, tokens, warmup != null ? warmup : Defaults.BENCHMARK_WARMUP,
                repetitions != null ? repetitions : Defaults.BENCHMARK_REPETITIONS,
                budget != null ? budget : Defaults.BENCHMARK_MEMORY_BUDGET_GIB,
                fitFrom != null ? fitFrom : lengths.get(Math.min(2, lengths.size() - 1)), rules);
    }

    private static List<Integer> lengths(Section b, String key, boolean required) {
        List<Node> nodes = b.list(key);
        if (nodes.isEmpty()) {
            if (required && !b.has(key)) {
                b.missing(key, "a list of sequence lengths, e.g. [1024, 2048, 4096]");
            }
            return List.of();
        }
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Double value = Section.parseNumber(nodes.get(i));
            if (value == null || value != Math.rint(value) || value < 2 || value > 1 << 20) {
                b.sink().at(nodes.get(i), b.child(key) + "[" + i + "]", "expected a sequence length between 2 and 1048576, found "
                        + YamlNodes.describe(nodes.get(i)));
                return List.of();
            }
            if (!lengths.isEmpty() && value <= lengths.get(lengths.size() - 1)) {
                b.sink().at(nodes.get(i), b.child(key) + "[" + i + "]", "lengths must increase: " + value.intValue()
                        + " follows " + lengths.get(lengths.size() - 1));
                return List.of();
            }
            lengths.add(value.intValue());
        }
        return lengths;
    }
}
