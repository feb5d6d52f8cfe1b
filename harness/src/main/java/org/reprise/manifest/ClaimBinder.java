package org.reprise.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Binds the {@code claims} list and checks each claim against the declared metrics and variants. */
final class ClaimBinder {
    private ClaimBinder() {
    }

    /**
     * @param validVariants    the variants that bound without errors
     * @param declaredVariants every variant name the manifest declares
     */
    static List<ClaimSpec> bind(Section top, List<MetricSpec> metrics, java.util.Map<String, VariantSpec> validVariants,
                                List<String> declaredVariants) {
        List<ClaimSpec> claims = new ArrayList<>();
        Set<String> metricNames = new HashSet<>();
        metrics.forEach(m -> metricNames.add(m.name()));
        Set<String> ids = new HashSet<>();
        List<Node> nodes = top.list("claims");
        for (int i = 0; i < nodes.size(); i++) {
            ClaimSpec claim = bindOne(Section.of(top.sink(), nodes.get(i), "claims[" + i + "]"), metrics, metricNames,
                    declaredVariants, validVariants, ids);
            if (claim != null && validVariants.containsKey(claim.variant())) {
                claims.add(claim);
            }
        }
        return claims;
    }

    private static ClaimSpec bindOne(Section c, List<MetricSpec> metrics, Set<String> metricNames,
                                     List<String> variants, java.util.Map<String, VariantSpec> valid, Set<String> ids) {
        String id = c.requiredString("id");
        String statement = c.requiredString("statement");
        String metric = c.requiredString("metric");
        String variant = c.requiredString("variant");
        ClaimKind kind = c.choice("kind", ClaimKind.class);
        Double tolerance = c.number("tolerance", 0, Double.MAX_VALUE, false);
        Direction direction = c.choice("direction", Direction.class);
        String versus = c.string("versus");
        ReportedValue paper = c.has("paper")
                ? ManifestLoader.bindReported(withMetric(c.section("paper"), metric), Set.of()) : null;
        c.finish();
        int errorsBefore = c.sink().size();
        if (kind == null && !c.has("kind")) {
            c.missing("kind", "one of " + String.join(", ", Choice.keys(ClaimKind.class)));
        }
        if (tolerance == null && !c.has("tolerance")) {
            c.missing("tolerance", "a non-negative number in the metric's unit (δ)");
        }
        if (id != null && !ids.add(id)) {
            c.error("id", "'" + id + "' is used by another claim");
        }
        String baseMetric = metric == null ? null : MetricSpec.base(metric);
        if (baseMetric != null && !metricNames.contains(baseMetric)) {
            c.error("metric", "'" + baseMetric + "' is not declared under metrics" + Section.suggestion(baseMetric, metricNames));
        } else if (baseMetric != null && MetricSpec.evaluation(metric) != null) {
            checkEvaluation(c, metric, valid.get(variant), versus == null ? null : valid.get(versus));
        }
        if (variant != null && !variants.contains(variant)) {
            c.error("variant", "'" + variant + "' is not a variant of this experiment (variants: "
                    + String.join(", ", variants) + ")" + Section.suggestion(variant, variants));
        }
        if (kind != null && kind.comparesVariants()) {
            if (versus == null) {
                c.missing("versus", kind == ClaimKind.BETTER_THAN ? "the variant this one is claimed to beat"
                        : "the variant this one is claimed to be not worse than");
            } else if (!variants.contains(versus) || versus.equals(variant)) {
                c.error("versus", "'" + versus + "' must name another variant (variants: " + String.join(", ", variants) + ")");
            }
            if (paper != null) {
                c.error("paper", "a " + kind.key() + " claim compares two of our variants; it takes no paper value");
            }
        } else if (kind != null) {
            if (paper == null && !c.has("paper")) {
                c.missing("paper", "the paper's value: {value, source} and its sd and n when given");
            }
            if (versus != null) {
                c.error("versus", "only better-than and not-worse-than claims compare against another variant");
            }
            if (kind == ClaimKind.EQUIVALENT && tolerance != null && tolerance == 0) {
                c.error("tolerance", "0 makes equivalence impossible to show: expected a positive δ in the metric's unit");
            }
        }
        MetricSpec metricSpec = metrics.stream().filter(m -> m.name().equals(baseMetric)).findFirst().orElse(null);
        if (direction != null && metricSpec != null && direction != metricSpec.direction()) {
            c.error("direction", "'" + direction.key() + "' contradicts metric " + metric + " (" + metricSpec.direction().key() + " is better)");
        }
        if (c.sink().size() > errorsBefore || id == null || statement == null || metricSpec == null || variant == null
                || kind == null || tolerance == null) {
            return null;
        }
        return new ClaimSpec(id, statement, metric, variant, kind, paper, versus, tolerance,
                direction != null ? direction : metricSpec.direction());
    }

    /**
     * A metric measured under a further evaluation attention ({@code accuracy@lsh-8}) exists only for
     * variants whose {@code model.evaluate_with} names that attention.
     */
    private static void checkEvaluation(Section c, String metric, VariantSpec variant, VariantSpec versus) {
        String evaluation = MetricSpec.evaluation(metric);
        for (VariantSpec v : new VariantSpec[] {variant, versus}) {
            if (v == null) {
                continue;
            }
            java.util.Set<String> names = v.config().model().evaluateWith().keySet();
            if (!names.contains(evaluation)) {
                c.error("metric", "'" + metric + "' is measured under the evaluation attention '" + evaluation
                        + "', which variant " + v.name() + " does not name under model.evaluate_with ("
                        + (names.isEmpty() ? "it has none" : "it has " + String.join(", ", names)) + ")"
                        + Section.suggestion(evaluation, names));
                return;
            }
        }
    }

    /** A claim's paper value inherits the claim's metric, so the manifest need not repeat it. */
    private static Section withMetric(Section paper, String metric) {
        if (metric == null || !(paper.node() instanceof org.yaml.snakeyaml.nodes.MappingNode map)) {
            return paper;
        }
        var tuples = new ArrayList<>(map.getValue());
        if (YamlNodes.entries(map).containsKey("metric")) {
            return paper;
        }
        var key = new org.yaml.snakeyaml.nodes.ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, "metric",
                map.getStartMark(), map.getEndMark(), org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        var value = new org.yaml.snakeyaml.nodes.ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, metric,
                map.getStartMark(), map.getEndMark(), org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
        tuples.add(new org.yaml.snakeyaml.nodes.NodeTuple(key, value));
        return Section.of(paper.sink(), YamlNodes.mapping(map, tuples), paper.path());
    }
}
