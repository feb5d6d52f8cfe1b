package org.reprise.run;

import java.util.List;
import java.util.Map;

/**
 * One (pattern, length) cell of the attention-scaling benchmark, as written to
 * {@code results/attention-scaling/<pattern>-<length>.json}.
 *
 * @param stride         the pattern's block parameter: stride (strided, fixed), window, block (BigBird),
 *                       chunk (LSH); 0 for dense
 * @param status         COMPLETED, OUT_OF_MEMORY or FAILED
 * @param timesMs        forward+backward wall time of each timed repetition, ms
 * @param medianMs       median of {@code timesMs}; NaN unless COMPLETED
 * @param peakAboveBaselineBytes peak RSS minus the RSS after loading the backend, before building the
 *                       graph: the memory the cell itself needed (JavaCPP's off-heap count misses ND4J's buffers)
 * @param peakRssBytes   peak resident set size of the cell's JVM (VmHWM), including the JVM itself
 * @param peakHeapBytes  peak Java heap in use
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
        String finishedAt) {
}
