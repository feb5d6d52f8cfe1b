package org.reprise.manifest;

import java.util.List;
import java.util.Map;

/**
 * A runnable configuration: the original with the variant's overrides deep-merged over it.
 *
 * @param name        variant name ({@code reduced}, {@code ci}, ...)
 * @param description what the variant is for
 * @param reasons     why it departs from the original, keyed by setting path (e.g. {@code model.layers})
 * @param config      resolved configuration (manifest over {@link Defaults})
 * @param seeds       the variant's seeds
 */
public record VariantSpec(String name, String description, Map<String, String> reasons, RunConfig config,
                          List<Long> seeds) {
    public VariantSpec {
        reasons = Map.copyOf(reasons);
        seeds = List.copyOf(seeds);
    }
}
