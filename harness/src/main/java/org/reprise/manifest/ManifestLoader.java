package org.reprise.manifest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an experiment manifest (YAML) into an {@link ExperimentManifest}, validating it whole:
 * every error is collected and thrown together as a {@link ManifestException}.
 * The format is documented in {@code experiments/README.md}.
 */
public final class ManifestLoader {
    /** Experiment and variant names: plain, so they are safe as folder names. */
    public static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> CONFIG_SECTIONS = Set.of("model", "training", "data");

    private ManifestLoader() {
    }

    /**
     * @param file        the manifest to read
     * @param displayPath how errors name the file (e.g. {@code experiments/copy-task.yaml})
     */
    public static ExperimentManifest load(Path file, String displayPath) {
        ErrorSink sink = new ErrorSink(displayPath);
        Node root = parse(file, sink);
        sink.throwIfAny();
        ExperimentManifest manifest = bind(root, sink, file);
        sink.throwIfAny();
        return manifest;
    }

    private static Node parse(Path file, ErrorSink sink) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                sink.at(null, "", "the file is empty; expected a mapping with name, title, paper, original, variants, metrics");
            }
            return root;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            sink.atPosition(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem() + context);
            return null;
        } catch (IOException e) {
            sink.at(null, "", "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static ExperimentManifest bind(Node root, ErrorSink sink, Path file) {
        Section top = Section.of(sink, root, "");
        String name = top.requiredString("name");
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (name != null && !PLAIN_NAME.matcher(name).matches()) {
            top.error("name", "'" + name + "' is not a plain name: expected lower-case letters, digits and hyphens");
        } else if (name != null && !name.equals(stem)) {
            top.error("name", "'" + name + "' must equal the file name '" + stem + "'");
        }
        String title = top.requiredString("title");
        Section paperSection = top.section("paper");
        Paper paper = new Paper(paperSection.requiredString("citation"), paperSection.string("arxiv"));
        paperSection.finish();
        Double confidence = top.number("confidence", 0.5, 0.999, true);
        List<MetricSpec> metrics = bindMetrics(top);
        List<Long> topSeeds = bindSeeds(top, "seeds");

        Section originalSection = top.section("original");
        if (!top.has("original")) {
            top.missing("original", "the paper's configuration (model, training, data) and its reported numbers");
        }
        Node originalConfig = configNodes(originalSection);
        RunConfig originalRun = RunConfigBinder.bind(Section.of(sink, originalConfig, "original"));
        Set<String> metricNames = new HashSet<>();
        metrics.forEach(m -> metricNames.add(m.name()));
        List<ReportedValue> reported = new ArrayList<>();
        List<Node> reportedNodes = originalSection.list("reported");
        for (int i = 0; i < reportedNodes.size(); i++) {
            ReportedValue value = bindReported(Section.of(sink, reportedNodes.get(i), "original.reported[" + i + "]"), metricNames);
            if (value != null) {
                reported.add(value);
            }
        }
        Set<String> unstated = bindUnstated(originalSection);
        Map<String, String> assumed = bindAssumed(originalSection, unstated);
        String notes = originalSection.string("notes");
        originalSection.finish();

        Map<String, VariantSpec> variants = new LinkedHashMap<>();
        Section variantsSection = top.section("variants");
        if (variantsSection.keys().isEmpty()) {
            top.missing("variants", "at least one named variant (e.g. reduced, ci) overriding the original");
        }
        VariantChain chain = new VariantChain(variantsSection, originalConfig, topSeeds != null ? topSeeds : Defaults.SEEDS);
        for (String variantName : variantsSection.keys()) {
            VariantSpec variant = chain.bind(variantName);
            if (variant != null) {
                variants.put(variantName, variant);
            }
        }
        BenchmarkSpec benchmark = BenchmarkBinder.bind(top, variants.values().stream().map(VariantSpec::config).toList());
        checkMetricsProduced(top, metrics, originalRun, variants, top.has("benchmark"));
        if (top.has("benchmark") && !top.list("claims").isEmpty()) {
            top.error("claims", "a benchmark's cells are compared in its report's ratio and exponent tables;"
                    + " claims apply to training experiments only: remove claims or the benchmark section");
        }
        List<ClaimSpec> claims = ClaimBinder.bind(top, metrics, variants, variantsSection.keys());
        LauncherSpec launcher = LauncherBinder.bind(top.section("launcher"));
        top.finish();
        if (!sink.isEmpty()) {
            return null;
        }
        return new ExperimentManifest(name, title, paper, new OriginalSpec(originalRun, reported, unstated, assumed, notes),
                variants, metrics, claims, confidence != null ? confidence : Defaults.CONFIDENCE, sink.file(), benchmark,
                launcher);
    }

    /** The model/training/data part of the original, as a mapping variants merge over. */
    private static Node configNodes(Section original) {
        CONFIG_SECTIONS.forEach(original::value); // marks them known: they are bound by RunConfigBinder
        if (!(original.node() instanceof MappingNode map)) {
            return null;
        }
        var tuples = new ArrayList<org.yaml.snakeyaml.nodes.NodeTuple>();
        for (var tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && CONFIG_SECTIONS.contains(key.getValue())) {
                tuples.add(tuple);
            }
        }
        return YamlNodes.mapping(map, tuples);
    }

    /**
     * Binds variants, each merged over the original or, with {@code extends: <variant>}, over another
     * variant's merged configuration (its reasons and seeds inherited unless given), so a family of
     * variants (ci, ci-lsh1, ci-lsh2, ...) states its shared budget once. Each variant is bound once;
     * a chain that returns to itself is an error.
     */
    private static final class VariantChain {
        private final Section variants;
        private final Node originalConfig;
        private final List<Long> defaultSeeds;
        private final Map<String, VariantSpec> bound = new HashMap<>();
        /** Merged model/training/data mapping of each bound variant, for variants that extend it. */
        private final Map<String, Node> configs = new HashMap<>();
        private final Set<String> done = new HashSet<>();
        private final Set<String> inProgress = new HashSet<>();

        VariantChain(Section variants, Node originalConfig, List<Long> defaultSeeds) {
            this.variants = variants;
            this.originalConfig = originalConfig;
            this.defaultSeeds = defaultSeeds;
        }

        /** The variant, or null when it (or a variant it extends) has errors, all recorded in the sink. */
        VariantSpec bind(String variantName) {
            if (done.contains(variantName)) {
                return bound.get(variantName);
            }
            inProgress.add(variantName);
            VariantSpec spec = bindOnce(variantName);
            inProgress.remove(variantName);
            done.add(variantName);
            if (spec != null) {
                bound.put(variantName, spec);
            }
            return spec;
        }

        private VariantSpec bindOnce(String variantName) {
            Section v = variants.section(variantName);
            if (!PLAIN_NAME.matcher(variantName).matches() || variantName.equals("original")) {
                variants.error(variantName, "'" + variantName
                        + "' is not a usable variant name: expected lower-case letters, digits and hyphens, other than 'original'");
            }
            String description = v.requiredString("description");
            String parentName = v.string("extends");
            VariantSpec parent = null;
            boolean parentValid = true;
            if (parentName != null) {
                if (!variants.has(parentName) || parentName.equals(variantName)) {
                    v.error("extends", "'" + parentName + "' must name another variant of this experiment (variants: "
                            + String.join(", ", variants.keys()) + ")" + Section.suggestion(parentName, variants.keys()));
                    parentValid = false;
                } else if (inProgress.contains(parentName)) {
                    v.error("extends", "'" + parentName + "' extends " + variantName + " in turn: the chain of extends"
                            + " must end at a variant that extends none");
                    parentValid = false;
                } else {
                    parent = bind(parentName);
                    parentValid = parent != null; // its errors are reported where they were written
                }
            }
            Map<String, String> reasons = new LinkedHashMap<>(parent != null ? parent.reasons() : Map.of());
            Section reasonSection = v.section("reasons");
            for (String key : reasonSection.keys()) {
                String text = reasonSection.string(key);
                if (!RunConfigBinder.SETTING_PATHS.contains(key)) {
                    reasonSection.error(key, "'" + key + "' is not a setting path" + Section.suggestion(key, RunConfigBinder.SETTING_PATHS));
                } else if (text != null) {
                    reasons.put(key, text);
                }
            }
            List<Long> variantSeeds = bindSeeds(v, "seeds");
            Node overrides = configNodes(v);
            v.finish();
            if (!parentValid) {
                return null;
            }
            Node base = parent != null ? configs.get(parentName) : originalConfig;
            Node merged = base == null ? overrides : YamlNodes.merge(base, overrides);
            RunConfig config = RunConfigBinder.bind(Section.of(variants.sink(), merged, variants.child(variantName)));
            if (config == null || description == null) {
                return null;
            }
            configs.put(variantName, merged);
            List<Long> seeds = variantSeeds != null ? variantSeeds : parent != null ? parent.seeds() : defaultSeeds;
            return new VariantSpec(variantName, description, reasons, config, seeds);
        }
    }

    private static List<MetricSpec> bindMetrics(Section top) {
        List<MetricSpec> metrics = new ArrayList<>();
        List<Node> nodes = top.list("metrics");
        if (nodes.isEmpty() && !top.has("metrics")) {
            top.missing("metrics", "a list of {name, unit, direction}");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Section m = Section.of(top.sink(), nodes.get(i), "metrics[" + i + "]");
            String metricName = m.requiredString("name");
            String unit = m.requiredString("unit");
            Direction direction = m.choice("direction", Direction.class);
            if (direction == null && !m.has("direction")) {
                m.missing("direction", "lower or higher");
            }
            m.finish();
            if (metricName != null && !names.add(metricName)) {
                m.error("name", "'" + metricName + "' is declared twice");
            }
            if (metricName != null && unit != null && direction != null) {
                metrics.add(new MetricSpec(metricName, unit, direction));
            }
        }
        return metrics;
    }

    private static void checkMetricsProduced(Section top, List<MetricSpec> metrics, RunConfig original,
                                             Map<String, VariantSpec> variants, boolean benchmark) {
        List<Node> nodes = top.list("metrics");
        for (int i = 0; i < metrics.size() && i < nodes.size(); i++) {
            MetricSpec metric = metrics.get(i);
            if (benchmark) {
                if (!BenchmarkSpec.METRICS.contains(metric.name())) {
                    top.sink().at(nodes.get(i), "metrics[" + i + "].name", "'" + metric.name() + "' is not measured by a benchmark;"
                            + " it measures " + String.join(", ", BenchmarkSpec.METRICS)
                            + Section.suggestion(metric.name(), BenchmarkSpec.METRICS));
                }
                continue;
            }
            for (VariantSpec variant : variants.values()) {
                DatasetKind dataset = variant.config().data().dataset();
                if (!dataset.metrics().contains(metric.name())) {
                    top.sink().at(nodes.get(i), "metrics[" + i + "].name", "'" + metric.name() + "' is not produced by dataset '"
                            + dataset.key() + "' (variant " + variant.name() + "); it produces "
                            + String.join(", ", new java.util.TreeSet<>(dataset.metrics()))
                            + Section.suggestion(metric.name(), dataset.metrics()));
                    break;
                }
            }
        }
    }

    /** {@code seeds: 3} means seeds 1, 2, 3; {@code seeds: [1, 5, 9]} lists them. */
    static List<Long> bindSeeds(Section s, String key) {
        Node value = s.value(key);
        if (value == null || Section.isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode) {
            Long count = s.integer(key, 1, 1000);
            if (count == null) {
                return null;
            }
            List<Long> seeds = new ArrayList<>();
            for (long i = 1; i <= count; i++) {
                seeds.add(i);
            }
            return seeds;
        }
        List<Long> seeds = new ArrayList<>();
        Set<Long> unique = new LinkedHashSet<>();
        boolean ok = true;
        for (Node item : s.list(key)) {
            Double parsed = Section.parseNumber(item);
            if (parsed == null || parsed < 0 || parsed != Math.rint(parsed)) {
                s.sink().at(item, s.child(key), "expected non-negative integer seeds, found " + YamlNodes.describe(item));
                ok = false;
            } else if (!unique.add(parsed.longValue())) {
                s.sink().at(item, s.child(key), "seed " + parsed.longValue() + " is listed twice");
                ok = false;
            } else {
                seeds.add(parsed.longValue());
            }
        }
        if (ok && seeds.isEmpty()) {
            s.error(key, "expected a seed count or a non-empty list of seeds");
        }
        return ok && !seeds.isEmpty() ? seeds : null;
    }

    static ReportedValue bindReported(Section r, Set<String> metricNames) {
        String metric = r.requiredString("metric");
        Double value = r.number("value", -Double.MAX_VALUE, Double.MAX_VALUE, false);
        Double sd = r.number("sd", 0, Double.MAX_VALUE, false);
        Integer n = r.intValue("n", 1, 1_000_000);
        String condition = r.string("condition");
        String source = r.requiredString("source");
        if (value == null && !r.has("value")) {
            r.missing("value", "the number as printed in the source");
        }
        r.finish();
        if (metric != null && !metricNames.isEmpty() && !metricNames.contains(metric)) {
            r.error("metric", "'" + metric + "' is not declared under metrics" + Section.suggestion(metric, metricNames));
            return null;
        }
        if (metric == null || value == null || source == null) {
            return null;
        }
        return new ReportedValue(metric, value, sd, n, condition, source);
    }

    private static Set<String> bindUnstated(Section original) {
        Set<String> unstated = new LinkedHashSet<>();
        Node list = original.value("unstated");
        for (Node item : original.list("unstated")) {
            String path = item instanceof ScalarNode s ? s.getValue() : null;
            if (path == null || !RunConfigBinder.SETTING_PATHS.contains(path)) {
                original.sink().at(item, "original.unstated", (path == null ? YamlNodes.describe(item) : "'" + path + "'")
                        + " is not a setting path" + (path == null ? "" : Section.suggestion(path, RunConfigBinder.SETTING_PATHS)));
            } else if (isGiven(original, path)) {
                original.sink().at(item, "original.unstated", "'" + path + "' is listed as not stated by the paper but original gives a value for it");
            } else {
                unstated.add(path);
            }
        }
        return list == null ? Set.of() : unstated;
    }

    /** {@code assumed: {model.attention.stride: "why this value"}}: each path must be given a value in original. */
    private static Map<String, String> bindAssumed(Section original, Set<String> unstated) {
        Map<String, String> assumed = new LinkedHashMap<>();
        Section section = original.section("assumed");
        for (String path : section.keys()) {
            String why = section.string(path);
            boolean attentionParameter = path.startsWith("model.attention.") && path.split("\\.").length == 3;
            if (!RunConfigBinder.SETTING_PATHS.contains(path) && !attentionParameter) {
                section.error(path, "'" + path + "' is not a setting path" + Section.suggestion(path, RunConfigBinder.SETTING_PATHS));
            } else if (!isGiven(original, path)) {
                section.error(path, "'" + path + "' is listed as assumed but original gives it no value");
            } else if (unstated.contains(path)) {
                section.error(path, "'" + path + "' cannot be both unstated and assumed");
            } else if (why != null) {
                assumed.put(path, why);
            }
        }
        return assumed;
    }

    /** Whether original gives a value at a dotted path such as {@code training.steps} or {@code model.attention.stride}. */
    private static boolean isGiven(Section original, String path) {
        Node node = original.node();
        for (String part : path.split("\\.")) {
            if (!(node instanceof MappingNode map) || !YamlNodes.entries(map).containsKey(part)) {
                return false;
            }
            node = YamlNodes.entries(map).get(part).getValueNode();
        }
        return true;
    }
}
