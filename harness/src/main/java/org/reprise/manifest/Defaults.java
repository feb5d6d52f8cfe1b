package org.reprise.manifest;

import java.util.List;

/**
 * The one place where defaults live. Precedence is command line &gt; manifest &gt; these values;
 * nothing downstream of {@link ManifestLoader} ever sees a missing setting.
 */
public final class Defaults {
    private Defaults() {
    }

    // model
    public static final double FF_MULTIPLIER = 4.0;
    public static final double DROPOUT = 0.0;
    public static final AttentionType ATTENTION = AttentionType.DENSE;
    public static final EmbeddingKind EMBEDDING = EmbeddingKind.LEARNED;

    // training (Adam's betas and epsilon are Kingma and Ba's)
    public static final Optimizer OPTIMIZER = Optimizer.ADAM;
    public static final double LEARNING_RATE = 1e-3;
    public static final int WARMUP_STEPS = 0;
    public static final Schedule SCHEDULE = Schedule.COSINE;
    public static final int BATCH_SIZE = 8;
    public static final double GRADIENT_CLIP = 1.0;
    public static final double WEIGHT_DECAY = 0.0;
    public static final int EVALUATIONS_PER_RUN = 10;
    public static final int EVAL_BATCHES = 4;
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    // data
    public static final Split EVAL_SPLIT = Split.VALIDATION;

    // experiment
    /** Seeds 1, 2, 3, as Child et al. report theirs. */
    public static final List<Long> SEEDS = List.of(1L, 2L, 3L);
    public static final double CONFIDENCE = 0.95;
    /** Error rate of each one-sided test in equivalence checks (giving 90% intervals). */
    public static final double ALPHA = 0.05;

    // nightly
    /** Seeds of each nightly {@code ci} run. */
    public static final List<Long> NIGHTLY_SEEDS = List.of(1L, 2L, 3L);

    // reports
    /** Resamples of the percentile bootstrap interval of a variant's mean (stated in every report). */
    public static final int BOOTSTRAP_RESAMPLES = 10_000;
    /** The bootstrap's own seed, fixed so a rebuilt report prints the same interval. */
    public static final long BOOTSTRAP_SEED = 0xB007_5EEDL;

    /**
     * The held-out set of a generated task is drawn from this fixed stream so every seed and every
     * variant is evaluated on the same examples; the run's own seed drives only training.
     */
    public static final long EVAL_DATA_SEED = 0x5EED_E7A1L;

    // benchmarks
    /** Untimed steps before a benchmark cell's timing (JIT and graph compilation). */
    public static final int BENCHMARK_WARMUP = 1;
    /** Timed steps of a benchmark cell; the median is reported. */
    public static final int BENCHMARK_REPETITIONS = 3;
    /**
     * Resident memory a benchmark cell may use before it is recorded as out of memory: 12 GiB on this
     * 24 GiB machine lets dense attention run at n = 8192 (about 6 GiB) and stops it at 16384.
     */
    public static final double BENCHMARK_MEMORY_BUDGET_GIB = 12;

    // engine
    /** One OpenMP thread: on 2 cores about twice as fast as ND4J's default (dl4j-notes #8). */
    public static final int THREADS = 1;

    // launcher (-Dlauncher=slurm); partition, account, time limit and memory are left to the cluster's defaults
    /** GPUs per array task: none, so a CPU sweep fits any partition. */
    public static final int SLURM_GPUS_PER_TASK = 0;
    /** The user-level launcher file, relative to the user's home ({@code -Dlauncher.config} names another). */
    public static final String LAUNCHER_FILE = ".config/reprise/launcher.yaml";

    /**
     * Variables that change ND4J's numbers without changing its configuration: OpenBLAS's kernel
     * choice and cache blocking (measured: OPENBLAS_CORETYPE=Haswell against autodetection on an
     * AVX-512 machine moves the copy task's final loss in the 8th digit). A Slurm task gets each one
     * that is set where the sweep is submitted, so it computes as a local run there would.
     */
    public static final List<String> SLURM_NUMERICS_ENVIRONMENT = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

    /** One CPU per OpenMP thread of the run, so a task never oversubscribes its allocation. */
    public static int slurmCpusPerTask(int threads) {
        return threads;
    }

    /** Evaluate about {@link #EVALUATIONS_PER_RUN} times per run. */
    public static int evalInterval(long steps) {
        return (int) Math.max(1, steps / EVALUATIONS_PER_RUN);
    }

    /** Checkpoint at every evaluation unless told otherwise. */
    public static int checkpointInterval(int evalInterval) {
        return evalInterval;
    }
}
