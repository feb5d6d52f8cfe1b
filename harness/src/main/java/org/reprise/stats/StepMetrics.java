package org.reprise.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one evaluation step of a run, as recorded.
 *
 * @param step    training step of the evaluation
 * @param metrics metric name → value; copied, iterated in name order, no null keys or values
 */
public record StepMetrics(long step, Map<String, Double> metrics) {

    public StepMetrics {
        // TreeMap: a fixed iteration order makes "the first metric that differs" well defined
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (metrics.containsValue(null)) {
            throw new IllegalArgumentException("metric values must not be null at step " + step);
        }
    }

    /** A step whose metrics are an unnamed vector; they are named "value[0]", "value[1]", .... */
    public static StepMetrics of(long step, double... values) {
        Map<String, Double> named = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(String.format(java.util.Locale.ROOT, "value[%0" + digits(values.length) + "d]", i), values[i]);
        }
        return new StepMetrics(step, named);
    }

    /** Zero-padded indices keep name order equal to index order past value[9]. */
    private static int digits(int count) {
        return Math.max(1, String.valueOf(Math.max(0, count - 1)).length());
    }
}
