package org.reprise.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Which data a run trains and evaluates on; options are validated against {@link DatasetKind#options()}. */
public record DataSpec(DatasetKind dataset, Split evalSplit, Map<String, String> options) {
    public DataSpec {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public int intOption(String key, int fallback) {
        String value = options.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
