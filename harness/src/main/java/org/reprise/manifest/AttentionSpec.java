package org.reprise.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attention pattern of a model, its integer parameters (stride, c, ...) and its text options
 * (window rule, integration, ...). Options left out of the manifest are filled with their defaults
 * by the binder, so downstream code never sees a missing option.
 */
public record AttentionSpec(AttentionType type, Map<String, Long> parameters,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options) {
    public AttentionSpec {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        // records written before options existed (and dense ones, which omit the empty map) read back as empty
        options = Collections.unmodifiableMap(new TreeMap<>(options != null ? options : Map.of()));
    }

    public AttentionSpec(AttentionType type, Map<String, Long> parameters) {
        this(type, parameters, Map.of());
    }

    public static AttentionSpec of(AttentionType type) {
        return new AttentionSpec(type, Map.of());
    }

    /** An integer parameter, or the fallback when absent. */
    public int parameter(String name, int fallback) {
        Long value = parameters.get(name);
        return value != null ? Math.toIntExact(value) : fallback;
    }

    /** A text option, or the type's default (the first allowed value). */
    public String option(String name) {
        String value = options.get(name);
        return value != null ? value : type.options().get(name).get(0);
    }
}
