package org.reprise.model.bench;

import org.reprise.manifest.BenchmarkScope;
import org.reprise.manifest.RunConfig;

/**
 * What one benchmark cell measures, handed to the child JVM as JSON.
 *
 * @param config       the model (at the cell's length) and training settings (batch size, optimizer)
 * @param vocabSize    token ids of the model scope's random batches
 * @param budgetBytes  resident memory above which the cell stops as OUT_OF_MEMORY
 * @param seed         seeds the random inputs
 * @param threads      OpenMP threads (the child's environment sets the same)
 */
public record CostRequest(RunConfig config, BenchmarkScope scope, int vocabSize, int warmup, int repetitions,
                          long budgetBytes, long seed, int threads) {
}
