package org.reprise.run;

import java.util.List;
import java.util.Map;
import org.reprise.manifest.RunConfig;

/**
 * The record of one (variant, length) cell of a benchmark experiment, written to
 * {@code results/<experiment>/<variant>-<length>.json}.
 *
 * @param pattern        the variant's name (for attention benchmarks, the attention pattern)
 * @param stride         the pattern's block parameter at this length: stride (strided, fixed), window,
 *                       block (BigBird), chunk (LSH); 0 for dense
 * @param status         COMPLETED, OUT_OF_MEMORY or FAILED
 * @param timesMs        wall time of each timed step (forward + backward, plus the optimizer in the model scope), ms
 * @param medianMs       median of {@code timesMs}; NaN unless COMPLETED
 * @param peakAboveBaselineBytes peak RSS minus the RSS after loading the backend, before building the
 *                       graph: the memory the cell itself needed (JavaCPP's off-heap count misses ND4J's buffers)
 * @param peakRssBytes   peak resident set size of the cell's JVM (VmHWM), including the JVM itself
 * @param peakHeapBytes  peak Java heap in use
 * @param scope          attention (one layer) or model (one optimizer step); null in records written before scopes
 * @param config         the resolved configuration at this length (null in older records)
 * @param configHash     hash of config, scope, repetitions and threads: a rerun skips a cell with the same hash
 * @param parameterCount trainable parameters in the model scope, 0 otherwise
 */
public record ScalingCell(
        String experiment,
        String pattern,
        int length,
        int stride,
        int c,
        int batch,
        int heads,
        int headWidth,
        int warmup,
        int repetitions,
        String status,
        String reason,
        List<Double> timesMs,
        double medianMs,
        long peakAboveBaselineBytes,
        long peakRssBytes,
        long peakHeapBytes,
        Map<String, String> environment,
        String finishedAt,
        String scope,
        RunConfig config,
        String configHash,
        long parameterCount,
        Provenance provenance) {

    /** Tokens processed per second (batch × length / median time); NaN unless COMPLETED. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public double tokensPerSecond() {
        return "COMPLETED".equals(status) ? batch * (double) length / (medianMs / 1000) : Double.NaN;
    }
}
