package org.reprise.model.bench;

import java.util.List;
import java.util.Map;

/**
 * What the child JVM measured for one benchmark cell.
 *
 * @param status                 COMPLETED, OUT_OF_MEMORY or FAILED
 * @param timesMs                wall time of each timed step, ms
 * @param peakAboveBaselineBytes peak resident memory minus the resident memory after the backend
 *                               loaded and before the graph was built: what the cell itself needed
 *                               (ND4J's and JavaCPP's counters miss its CPU buffers, dl4j trap)
 * @param peakRssBytes           peak resident memory of the child JVM (VmHWM)
 * @param peakHeapBytes          peak Java heap in use
 * @param parameterCount         trainable parameters (model scope), 0 for the attention scope
 * @param engine                 backend, BLAS and thread settings of the child
 */
public record CostMeasurement(String status, String reason, List<Double> timesMs, long peakAboveBaselineBytes,
                              long peakRssBytes, long peakHeapBytes, long parameterCount, Map<String, String> engine) {
    public static final String COMPLETED = "COMPLETED";
    public static final String OUT_OF_MEMORY = "OUT_OF_MEMORY";
    public static final String FAILED = "FAILED";

    /** A cell that produced no measurement (the child died, timed out or ran out of memory). */
    public static CostMeasurement failed(String status, String reason) {
        return new CostMeasurement(status, reason, List.of(), -1, -1, -1, 0, Map.of());
    }
}
