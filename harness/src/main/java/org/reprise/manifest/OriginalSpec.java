package org.reprise.manifest;

import java.util.List;
import java.util.Set;

/**
 * The paper's own configuration and what it reported. Settings the paper does not state are
 * listed in {@code unstated} (as key paths) and take {@link Defaults} only so the configuration
 * stays complete; reports print them as "not stated".
 */
public record OriginalSpec(RunConfig config, List<ReportedValue> reported, Set<String> unstated, String notes) {
    public OriginalSpec {
        reported = List.copyOf(reported);
        unstated = Set.copyOf(unstated);
    }
}
