package org.reprise.manifest;

import java.util.List;
import java.util.Set;

/**
 * The paper's own configuration and what it reported. Settings the paper does not state are
 * listed in {@code unstated} (as key paths) and take {@link Defaults} only so the configuration
 * stays complete; reports print them as "not stated". Settings the paper does not state but the
 * configuration cannot do without (such as a stride) are given a value and listed in
 * {@code assumed}, path → where the value comes from; reports mark them "assumed".
 */
public record OriginalSpec(RunConfig config, List<ReportedValue> reported, Set<String> unstated,
                           java.util.Map<String, String> assumed, String notes) {
    public OriginalSpec {
        reported = List.copyOf(reported);
        unstated = Set.copyOf(unstated);
        assumed = assumed == null ? java.util.Map.of() : java.util.Map.copyOf(assumed);
    }
}
