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
        // records written before a pattern had options (and dense ones, which omit them) read back as null
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
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

    /**
     * Why a model trained with this attention cannot run {@code other} on its parameters, or null when it
     * can: shared-QK (LSH) builds no key projection, and Linformer owns projections shaped by k and sharing.
     */
    public String parameterMismatch(AttentionSpec other) {
        if (type.sharesQueryKey() != other.type.sharesQueryKey()) {
            AttentionSpec shared = type.sharesQueryKey() ? this : other;
            AttentionSpec separate = shared == this ? other : this;
            return shared.type.key() + " shares one projection for queries and keys (Kitaev et al. 2020 §3), "
                    + separate.type.key() + " needs a separate key projection";
        }
        boolean linformer = type == AttentionType.LINFORMER;
        if (linformer != (other.type == AttentionType.LINFORMER)) {
            return "linformer owns sequence projections E/F that " + (linformer ? other : this).type.key() + " has not";
        }
        if (linformer && (parameter("k", 1) != other.parameter("k", 1) || !option("sharing").equals(other.option("sharing")))) {
            return "linformer's projections are shaped by k and sharing: k " + other.parameter("k", 1) + " and sharing "
                    + other.option("sharing") + " differ from the trained k " + parameter("k", 1) + " and sharing "
                    + option("sharing");
        }
        return null;
    }

    /** A text option, or the type's default (the first allowed value). */
    public String option(String name) {
        String value = options.get(name);
        return value != null ? value : type.options().get(name).get(0);
    }
}
