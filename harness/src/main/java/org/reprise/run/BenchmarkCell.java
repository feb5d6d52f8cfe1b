package org.reprise.run;

import org.reprise.manifest.BenchmarkScope;
import org.reprise.manifest.RunConfig;

/**
 * One planned benchmark measurement: a variant at one sequence length.
 *
 * @param config     the variant's configuration at this length (length-scaled attention parameters, batch)
 * @param configHash identifies what the cell measures; a rerun skips a finished cell with the same hash
 */
public record BenchmarkCell(String experiment, String variant, int length, RunConfig config, BenchmarkScope scope,
                            int warmup, int repetitions, long budgetBytes, int threads, String configHash) {
    /** {@code experiment/variant-length}, as log lines name it. */
    public String id() {
        return experiment + "/" + fileStem();
    }

    /** The record's file name without extension. */
    public String fileStem() {
        return variant + "-" + length;
    }
}
