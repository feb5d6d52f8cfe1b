package org.reprise.model.attention.bench;

import org.reprise.model.ProcessMemory;
import org.reprise.run.ScalingCell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.model.Engine;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.AttentionShape;
import org.reprise.model.attention.DenseCausalAttention;
import org.reprise.model.attention.BigBirdAttention;
import org.reprise.model.attention.FixedAttention;
import org.reprise.model.attention.LshAttention;
import org.reprise.model.attention.SlidingWindowAttention;
import org.reprise.pattern.SlidingWindowPattern;
import org.reprise.model.attention.StridedAttention;
import org.reprise.pattern.Component;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.StridedPattern;
import org.reprise.run.AtomicFiles;
import org.reprise.run.Json;
import org.reprise.stats.ScalingFit;

/**
 * Forward+backward time and peak memory of one attention layer (batch 1, 1 head, Dh 64) for dense,
 * strided, fixed, window (Longformer), BigBird and LSH (Reformer) attention at n ∈ {512 … 16384}
 * (experiments/benchmarks/attention-scaling.yaml).
 * The stride is l = 2^round(log2 √n) (Child et al. §4.2: l ≈ √n) and c = 8 (§4.3 recommends 8–32).
 * Each cell runs in its own child JVM whose resident memory is watched ({@link #MEMORY_BUDGET_BYTES}),
 * so peaks are the cell's own and a dense cell that does not fit is recorded as OUT_OF_MEMORY instead of
 * ending the sweep. (JavaCPP's maxbytes/maxphysicalbytes do not help: its byte count misses ND4J's
 * buffers, which it reported as ≈ 0 here, so the watchdog reads the RSS itself.)
 *
 * <pre>
 *   mvn -B -q -o install -DskipTests
 *   mvn -B -q -o -pl harness dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   OMP_NUM_THREADS=1 java -cp "harness/target/classes:$(cat harness/cp.txt)" \
 *       org.reprise.model.attention.bench.AttentionScalingBenchmark [results-dir] [lengths,...] [patterns,...]
 * </pre>
 */
public final class AttentionScalingBenchmark {
    static final String EXPERIMENT = "attention-scaling";
    static final int WIDTH = 64;
    static final int HEADS = 1;
    static final int SUMMARY_C = 8;
    /** Longformer window (fixed, so the cost is linear) and its leading global tokens. */
    static final int WINDOW = 256;
    static final int GLOBAL_TOKENS = 16;
    /** BigBird-ITC block 64 with 2 global and 3 random blocks (Zaheer et al. Table 8). */
    static final int BIGBIRD_BLOCK = 64;
    /** Reformer chunk m = 64, so n_buckets = 2n/m grows with n (Kitaev et al. Table 3 fixes the chunk); one round. */
    static final int LSH_CHUNK = 64;
    static final int WARMUP = 1;
    static final int REPETITIONS = 3;
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx3g");
    /**
     * Resident memory a cell may use (system property {@code reprise.bench.budget.gib}, default 12): a
     * cell that passes it is stopped and recorded as out of memory. 12 GiB lets dense attention run at
     * n = 8192 (≈ 6 GiB) and stops it at 16384 (≈ 4× that); the "within 4 GB" is read off the RSS column.
     */
    static final long MEMORY_BUDGET_BYTES = Long.getLong("reprise.bench.budget.gib", 12) << 30;
    /** The memory target for the sparse patterns at n = 16384. */
    static final long TARGET_BYTES = 4L << 30;
    private static final String RESULT_MARK = "SCALING_CELL ";
    private static final java.io.PrintStream RESULTS = System.out;

    private static synchronized void report(ScalingCell cell) {
        try {
            RESULTS.println(RESULT_MARK + Json.MAPPER.writer().withoutFeatures(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(cell));
            RESULTS.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AttentionScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cell")) {
            report(runCell(args[1], Integer.parseInt(args[2])));
            System.exit(0);
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "results/" + EXPERIMENT);
        int[] lengths = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {512, 1024, 2048, 4096, 8192, 16384};
        List<String> patterns = args.length > 2 ? List.of(args[2].split(","))
                : List.of("dense", "strided", "fixed", "window", "bigbird", "lsh");
        Files.createDirectories(dir);
        Map<String, Map<Integer, ScalingCell>> table = new LinkedHashMap<>();
        for (String pattern : patterns) {
            for (int n : lengths) {
                ScalingCell cell = runChild(pattern, n);
                AtomicFiles.writeJson(dir.resolve(pattern + "-" + n + ".json"), cell);
                table.computeIfAbsent(pattern, p -> new LinkedHashMap<>()).put(n, cell);
                System.err.printf(Locale.ROOT, "%-8s n=%-6d %-13s %10.1f ms %8.0f MB rss%n", pattern, n, cell.status(),
                        cell.medianMs(), cell.peakRssBytes() / 1e6);
            }
        }
        System.out.print(ScalingTable.render(table, lengths));
    }

    static int strideFor(int n) {
        return 1 << (int) Math.round(Math.log(Math.sqrt(n)) / Math.log(2));
    }

    /** The pattern's block parameter as recorded: stride, window, block or chunk; 0 for dense. */
    static int blockFor(String pattern, int n) {
        return switch (pattern) {
            case "strided", "fixed" -> strideFor(n);
            case "window" -> WINDOW;
            case "bigbird" -> BIGBIRD_BLOCK;
            case "lsh" -> LSH_CHUNK;
            default -> 0;
        };
    }

    static Attention attention(String pattern, int n) {
        int l = strideFor(n);
        return switch (pattern) {
            case "dense" -> new DenseCausalAttention();
            case "strided" -> new StridedAttention(new StridedPattern(l, StridedPattern.WindowRule.OFFICIAL, Component.MERGED));
            case "fixed" -> new FixedAttention(FixedPattern.of(l, SUMMARY_C, FixedPattern.SummaryRule.OFFICIAL, Component.MERGED));
            case "window" -> new SlidingWindowAttention(new SlidingWindowPattern(WINDOW, 1, 0, HEADS, GLOBAL_TOKENS));
            case "bigbird" -> new BigBirdAttention(BIGBIRD_BLOCK, 2, 3, 0);
            case "lsh" -> new LshAttention(2 * n / LSH_CHUNK, 1, LSH_CHUNK);
            default -> throw new IllegalArgumentException("unknown pattern '" + pattern
                    + "' (dense, strided, fixed, window, bigbird, lsh)");
        };
    }

    private static ScalingCell runChild(String pattern, int n) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dreprise.bench.budget.gib=" + (MEMORY_BUDGET_BYTES >> 30));
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AttentionScalingBenchmark.class.getName(),
                "--cell", pattern, Integer.toString(n)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT_MARK)) {
                    result = line.substring(RESULT_MARK.length());
                }
            }
        }
        boolean ended = process.waitFor(30, TimeUnit.MINUTES);
        if (result != null) {
            return Json.MAPPER.readValue(result, ScalingCell.class);
        }
        String reason = ended ? "child JVM exited with " + process.exitValue() + " and no result (killed for memory?)"
                : "child JVM timed out";
        int exit = ended ? process.exitValue() : -1;
        return failed(pattern, n, exit == 137 || exit == 134 ? "OUT_OF_MEMORY" : "FAILED", reason);
    }

    /** Runs in the child JVM: build, warm up, time forward+backward, track peaks. */
    static ScalingCell runCell(String pattern, int n) {
        Engine.configure(1);
        Nd4j.create(DataType.FLOAT, 8, 8).addi(1); // load the native backend before taking the baseline
        long baseline = Pointer.physicalBytes();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long rss = Pointer.physicalBytes();
                if (rss > MEMORY_BUDGET_BYTES) {
                    report(failed(pattern, n, "OUT_OF_MEMORY", "resident memory " + rss / (1 << 20)
                            + " MiB passed the budget of " + (MEMORY_BUDGET_BYTES >> 20) + " MiB"));
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        List<Double> times = new ArrayList<>();
        String status = "COMPLETED";
        String reason = "";
        try {
            AttentionShape shape = new AttentionShape(1, HEADS, n, WIDTH);
            SameDiff sd = SameDiff.create();
            Nd4j.getRandom().setSeed(1);
            SDVariable q = sd.var("q", Nd4j.randn(DataType.FLOAT, 1, HEADS, n, WIDTH));
            SDVariable k = sd.var("k", Nd4j.randn(DataType.FLOAT, 1, HEADS, n, WIDTH));
            SDVariable v = sd.var("v", Nd4j.randn(DataType.FLOAT, 1, HEADS, n, WIDTH));
            SDVariable r = sd.constant("r", Nd4j.randn(DataType.FLOAT, 1, HEADS, n, WIDTH));
            Attention attention = attention(pattern, n);
            SDVariable out = attention.attend(sd, "attn", q, k, v, shape);
            sd.setLossVariables(out.mul(r).sum());
            Map<String, org.nd4j.linalg.api.ndarray.INDArray> inputs = attention.stepInputs(1);
            java.io.PrintStream stdout = System.out;
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                for (int rep = 0; rep < WARMUP + REPETITIONS; rep++) {
                    // off-heap buffers are freed only when the GC runs (dl4j-notes #9): without this the
                    // peak would add up the garbage of every repetition instead of one step's working set
                    System.gc();
                    Thread.sleep(50);
                    long start = System.nanoTime();
                    sd.calculateGradients(inputs, attention.sharesQueryKey() ? List.of("q", "v") : List.of("q", "k", "v"));
                    if (rep >= WARMUP) {
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                }
            } finally {
                System.setOut(stdout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "FAILED";
            reason = "interrupted";
        } catch (OutOfMemoryError e) {
            status = "OUT_OF_MEMORY";
            reason = String.valueOf(e.getMessage());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + (e.getCause() != null ? " / " + e.getCause().getMessage() : "");
            status = message.toLowerCase(Locale.ROOT).contains("memory") ? "OUT_OF_MEMORY" : "FAILED";
            reason = e.getClass().getSimpleName() + ": " + message;
        }
        sampler.interrupt();
        double median = Double.NaN;
        if (status.equals("COMPLETED")) {
            List<Double> sorted = new ArrayList<>(times);
            sorted.sort(null);
            median = sorted.get(sorted.size() / 2);
        }
        Map<String, String> environment = new LinkedHashMap<>(Engine.describe());
        environment.put("java", System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("jvm_options", String.join(" ", CHILD_JVM_OPTIONS));
        environment.put("baseline_rss_bytes", Long.toString(baseline));
        return new ScalingCell(EXPERIMENT, pattern, n, blockFor(pattern, n),
                pattern.equals("fixed") ? SUMMARY_C : 0, 1, HEADS, WIDTH, WARMUP, REPETITIONS, status, reason, times,
                median, Math.max(0, ProcessMemory.peakResident() - baseline), ProcessMemory.peakResident(), peakHeap(), environment, Instant.now().toString());
    }

    private static ScalingCell failed(String pattern, int n, String status, String reason) {
        return new ScalingCell(EXPERIMENT, pattern, n, blockFor(pattern, n),
                pattern.equals("fixed") ? SUMMARY_C : 0, 1, HEADS, WIDTH, WARMUP, REPETITIONS, status, reason,
                List.of(), Double.NaN, -1, -1, -1, Map.of(), Instant.now().toString());
    }

    private static long peakHeap() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return heap;
    }

    static Optional<ScalingFit> fit(Map<Integer, ScalingCell> cells, int from, int to, boolean memory) {
        List<Double> lengths = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ScalingCell cell : cells.values()) {
            if (cell.length() >= from && cell.length() <= to) {
                lengths.add((double) cell.length());
                values.add(!cell.status().equals("COMPLETED") ? Double.NaN
                        : memory ? cell.peakAboveBaselineBytes() : cell.medianMs());
            }
        }
        return ScalingFit.fit(lengths.stream().mapToDouble(Double::doubleValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
    }
}
