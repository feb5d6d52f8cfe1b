package org.reprise.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A typed view of one YAML mapping that records every problem in an {@link ErrorSink} instead of
 * stopping at the first. Getters return {@code null} for an absent (or invalid) key, so the
 * caller can fall back to {@link Defaults}; {@link #finish()} turns every key that nobody asked
 * for into an "unknown key" error with a suggestion.
 */
final class Section {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final ErrorSink sink;
    private final Node node;
    private final String path;
    private final Map<String, NodeTuple> entries;
    private final Set<String> known = new HashSet<>();

    private Section(ErrorSink sink, Node node, String path, Map<String, NodeTuple> entries) {
        this.sink = sink;
        this.node = node;
        this.path = path;
        this.entries = entries;
    }

    /** A section over {@code node}; anything but a mapping (or absence) is an error and gives an empty section. */
    static Section of(ErrorSink sink, Node node, String path) {
        if (node instanceof MappingNode map) {
            reportDuplicateKeys(sink, map, path);
            return new Section(sink, node, path, YamlNodes.entries(map));
        }
        if (node != null && !isNull(node)) {
            sink.at(node, path, "expected a mapping of keys, found " + YamlNodes.describe(node));
        }
        return new Section(sink, node, path, Map.of());
    }

    /** SnakeYAML's compose() keeps duplicate keys (its duplicate check runs only when constructing objects). */
    private static void reportDuplicateKeys(ErrorSink sink, MappingNode map, String path) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
                sink.at(key, path.isEmpty() ? key.getValue() : path + "." + key.getValue(),
                        "key appears twice in the same mapping; keep one");
            }
        }
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    ErrorSink sink() {
        return sink;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple != null && !isNull(tuple.getValueNode());
    }

    /** The raw value node, or null when absent; marks the key as known. */
    Node value(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    Section section(String key) {
        return of(sink, value(key), child(key));
    }

    String string(String key) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        sink.at(value, child(key), "expected text, found " + YamlNodes.describe(value));
        return null;
    }

    String requiredString(String key) {
        String value = string(key);
        if (value == null && !isPresentButInvalid(key)) {
            missing(key, "text");
        }
        return value;
    }

    Long integer(String key, long min, long max) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return null;
        }
        String text = value instanceof ScalarNode s ? s.getValue().replace("_", "") : null;
        try {
            if (text == null) {
                throw new NumberFormatException();
            }
            long parsed = Long.parseLong(text);
            if (parsed < min || parsed > max) {
                sink.at(value, child(key), rangeMessage(text, min, max, "an integer"));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            sink.at(value, child(key), "expected an integer, found " + YamlNodes.describe(value));
            return null;
        }
    }

    Integer intValue(String key, int min, int max) {
        Long value = integer(key, min, max);
        return value == null ? null : value.intValue();
    }

    /** A real number in [min, max] (or (min, max] when {@code minExclusive}). */
    Double number(String key, double min, double max, boolean minExclusive) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return null;
        }
        Double parsed = parseNumber(value);
        if (parsed == null) {
            sink.at(value, child(key), "expected a number, found " + YamlNodes.describe(value));
            return null;
        }
        boolean tooLow = minExclusive ? parsed <= min : parsed < min;
        if (tooLow || parsed > max) {
            String lower = minExclusive ? "greater than " + fmt(min) : "at least " + fmt(min);
            String upper = max == Double.MAX_VALUE ? "" : " and at most " + fmt(max);
            sink.at(value, child(key), "expected a number " + lower + upper + ", found " + ((ScalarNode) value).getValue());
            return null;
        }
        return parsed;
    }

    Boolean bool(String key) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return null;
        }
        if (value instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return Boolean.parseBoolean(s.getValue());
        }
        sink.at(value, child(key), "expected true or false, found " + YamlNodes.describe(value));
        return null;
    }

    /** One of a closed set of choices, spelled as in the manifest (lower case, hyphens). */
    <E extends Enum<E> & Choice> E choice(String key, Class<E> type) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        Optional<E> found = Choice.parse(type, text);
        if (found.isEmpty()) {
            List<String> allowed = Choice.keys(type);
            sink.at(value(key), child(key), "'" + text + "' is not one of " + String.join(", ", allowed)
                    + suggestion(text, allowed));
            return null;
        }
        return found.get();
    }

    List<Node> list(String key) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            return YamlNodes.sequence(value);
        }
        sink.at(value, child(key), "expected a list, found " + YamlNodes.describe(value));
        return List.of();
    }

    void missing(String key, String expected) {
        sink.at(node, child(key), "missing; expected " + expected);
    }

    void error(String key, String message) {
        Node value = value(key);
        sink.at(value != null ? value : node, child(key), message);
    }

    /** Reports every key that no getter asked for, with a "did you mean" when one is close. */
    void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                sink.at(entry.getValue().getKeyNode(), child(entry.getKey()),
                        "unknown key" + suggestion(entry.getKey(), known) + " (known keys: "
                                + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    static String suggestion(String seen, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = DISTANCE.apply(seen.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, seen.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    private boolean isPresentButInvalid(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && !isNull(tuple.getValueNode());
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty());
    }

    static Double parseNumber(Node value) {
        if (!(value instanceof ScalarNode scalar)) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(scalar.getValue().replace("_", ""));
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String rangeMessage(String text, long min, long max, String what) {
        String upper = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "" : " and at most " + max;
        return "expected " + what + " of at least " + min + upper + ", found " + text;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static List<String> sortedKeys(Set<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(null);
        return out;
    }

    static Set<String> setOf(String... keys) {
        return new HashSet<>(Arrays.asList(keys));
    }
}
