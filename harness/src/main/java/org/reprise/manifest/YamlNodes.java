package org.reprise.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Small helpers over SnakeYAML's node tree, which keeps the line and column of every value. */
final class YamlNodes {
    private YamlNodes() {
    }

    /** The entries of a mapping in file order; keys that are not scalars are skipped by the caller's checks. */
    static Map<String, NodeTuple> entries(MappingNode map) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                out.putIfAbsent(key.getValue(), tuple);
            }
        }
        return out;
    }

    /**
     * Deep merge: mappings merge key by key (override wins, recursively); any other value in
     * {@code override} replaces the base value whole. Nodes keep their own marks, so errors in
     * a merged variant still point at the line where the value was written. A mapping that names
     * another {@code type} than its base (an attention pattern) replaces it whole: the base
     * pattern's parameters mean nothing to another pattern.
     */
    static Node merge(Node base, Node override) {
        if (!(base instanceof MappingNode baseMap) || !(override instanceof MappingNode overMap)) {
            return override;
        }
        String baseType = scalar(baseMap, "type");
        String overType = scalar(overMap, "type");
        if (overType != null && !overType.equals(baseType)) {
            return override;
        }
        Map<String, NodeTuple> merged = entries(baseMap);
        for (NodeTuple tuple : overMap.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            NodeTuple previous = merged.get(key.getValue());
            Node value = previous == null ? tuple.getValueNode() : merge(previous.getValueNode(), tuple.getValueNode());
            merged.put(key.getValue(), new NodeTuple(tuple.getKeyNode(), value));
        }
        return mapping(baseMap, new ArrayList<>(merged.values()));
    }

    private static String scalar(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && tuple.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }

    /** A mapping with {@code like}'s tag, style and position, so errors inside it keep a line number. */
    static MappingNode mapping(MappingNode like, List<NodeTuple> tuples) {
        return new MappingNode(like.getTag(), true, tuples, like.getStartMark(), like.getEndMark(), like.getFlowStyle());
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return "'" + scalar.getValue() + "'";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "a list";
    }

    static List<Node> sequence(Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            return seq.getValue();
        }
        return List.of();
    }
}
