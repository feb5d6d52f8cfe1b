package org.reprise.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numeric engine's process-wide settings and identity. Thread counts are set deliberately:
 * results are bit-identical only for the same seed and the same thread count (dl4j-notes #8),
 * and on 2 cores one OpenMP thread is about twice as fast as ND4J's default.
 */
public final class Engine {
    private static int configuredThreads = -1;

    private Engine() {
    }

    /** Sets ND4J's OpenMP and BLAS thread counts; safe to call again with the same value. */
    public static synchronized void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == configuredThreads) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configuredThreads = threads;
    }

    public static synchronized int threads() {
        return configuredThreads > 0 ? configuredThreads : Nd4j.getEnvironment().maxThreads();
    }

    /** Backend, device and BLAS, for run records. */
    public static Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        info.put("device", Nd4j.getEnvironment().isCPU() ? "cpu" : "cuda");
        info.put("blas", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        info.put("omp_num_threads_env", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        info.put("nd4j_threads", Integer.toString(threads()));
        info.put("blas_threads", Integer.toString(Nd4j.factory().blas().getMaxThreads()));
        info.put("dtype", "float32");
        return info;
    }
}
