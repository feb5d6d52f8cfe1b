package org.reprise.manifest;

import java.util.Map;
import java.util.TreeMap;

/** The attention pattern of a model and its integer parameters (stride, window, rounds, ...). */
public record AttentionSpec(AttentionType type, Map<String, Long> parameters) {
    public AttentionSpec {
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static AttentionSpec of(AttentionType type) {
        return new AttentionSpec(type, Map.of());
    }
}
