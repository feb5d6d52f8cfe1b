package org.reprise.manifest;

import java.util.List;
import java.util.Map;

/**
 * A cost benchmark instead of training: every variant is measured at every sequence length, each
 * (variant, length) cell in its own JVM so its peak memory is its own.
 *
 * @param scope           what is timed
 * @param lengths         sequence lengths of the full sweep
 * @param ciLengths       lengths used by the ci and smoke profiles
 * @param tokensPerBatch  when set, batch = tokensPerBatch / length (Reformer Fig. 5 keeps tokens per
 *                        batch fixed); otherwise training.batch_size
 * @param warmup          untimed steps before timing
 * @param repetitions     timed steps; the median is reported
 * @param memoryBudgetGib resident memory a cell may use; a cell that passes it is OUT_OF_MEMORY
 * @param fitFrom         exponents are fitted over lengths ≥ this
 * @param scaleWithLength attention parameters that follow the length: {@code sqrt} (2^round(log2 √n),
 *                        Child et al. §4.2's l ≈ √n) or {@code n/K} (n divided by K)
 */
public record BenchmarkSpec(BenchmarkScope scope, List<Integer> lengths, List<Integer> ciLengths, Integer tokensPerBatch,
                            int warmup, int repetitions, double memoryBudgetGib, int fitFrom,
                            Map<String, String> scaleWithLength) {
    /** The metrics every benchmark cell produces. */
    public static final List<String> METRICS = List.of("ms_per_step", "seconds_per_step", "steps_per_second", "tokens_per_second",
            "peak_memory_mib", "peak_memory_gb");

    public BenchmarkSpec {
        lengths = List.copyOf(lengths);
        ciLengths = List.copyOf(ciLengths);
        scaleWithLength = Map.copyOf(scaleWithLength);
    }

    /** The value of a length rule at length n; the rule's syntax is checked by the binder. */
    public static int scaled(String rule, int n) {
        if (rule.equals("sqrt")) {
            return 1 << (int) Math.round(Math.log(Math.sqrt(n)) / Math.log(2));
        }
        return n / Integer.parseInt(rule.substring(2));
    }

    /** Whether {@code rule} is {@code sqrt} or {@code n/K} with a positive integer K. */
    static boolean validRule(String rule) {
        return rule.equals("sqrt") || rule.matches("n/[1-9][0-9]*");
    }
}
