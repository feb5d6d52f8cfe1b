package org.reprise.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reprise.data.Tasks;
import org.reprise.manifest.BenchmarkScope;
import org.reprise.model.bench.CostMeasurement;
import org.reprise.model.bench.CostProbe;
import org.reprise.model.bench.CostRequest;

/**
 * Runs a benchmark plan: each cell is measured by {@link CostProbe} in a child JVM of its own (so
 * its peak memory is its own, and a cell that does not fit is recorded as OUT_OF_MEMORY while the
 * sweep goes on), and its record is written atomically to {@code results/<experiment>/<variant>-<n>.json}.
 * A rerun skips cells already finished (COMPLETED or OUT_OF_MEMORY) with the same configuration hash.
 */
public final class BenchmarkSweep {
    /** The child's heap: the model's arrays live off-heap, so a small heap leaves the memory to ND4J. */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx3g");
    /**
     * glibc's malloc keeps freed blocks for reuse and raises its mmap threshold as large blocks are
     * freed, so ND4J's freed arrays stay resident and the peak RSS becomes the allocator's high-water
     * mark rather than the step's working set (measured, reversible LSH model, n = 1024, 8 layers:
     * 1,246 MiB by default, 680 with a fixed threshold; 2 layers: 731 and 588). A fixed 64 KiB
     * threshold serves every array of that size or more with its own mapping, returned on free, so
     * the memory probe's peak is the working set.
     */
    static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_MMAP_THRESHOLD_", "65536");
    private static final long CELL_TIMEOUT_MINUTES = 30;

    private final Path resultsRoot;
    private final Path dataDir;
    private final String classpath;
    private final Provenance provenance;
    private final PrintStream out;

    /** @param classpath the harness's classpath, for the child JVMs */
    public BenchmarkSweep(Path resultsRoot, Path dataDir, String classpath, Provenance provenance, PrintStream out) {
        this.resultsRoot = resultsRoot;
        this.dataDir = dataDir;
        this.classpath = classpath;
        this.provenance = provenance;
        this.out = out;
    }

    /** The record file of a cell. */
    public Path recordFile(BenchmarkCell cell) {
        return resultsRoot.resolve(cell.experiment()).resolve(cell.fileStem() + ".json");
    }

    public List<ScalingCell> run(BenchmarkPlan plan) throws IOException {
        List<ScalingCell> records = new ArrayList<>();
        int index = 0;
        for (BenchmarkCell cell : plan.cells()) {
            index++;
            String prefix = String.format(Locale.ROOT, "[%d/%d] %s", index, plan.cells().size(), cell.id());
            Optional<ScalingCell> existing = read(recordFile(cell));
            if (existing.isPresent() && cell.configHash().equals(existing.get().configHash())
                    && !CostMeasurement.FAILED.equals(existing.get().status()) && measuredAsNow(existing.get())) {
                out.println(prefix + "  skipped: already " + existing.get().status() + " with this configuration  " + line(existing.get()));
                records.add(existing.get());
                continue;
            }
            ScalingCell record = toRecord(cell, measure(cell));
            AtomicFiles.writeJson(recordFile(cell), record);
            out.println(prefix + "  " + line(record));
            records.add(record);
        }
        return records;
    }

    /** A record measured under other child settings (an older harness) is measured again, not mixed in. */
    private static boolean measuredAsNow(ScalingCell record) {
        Map<String, String> environment = record.environment();
        return environment != null && String.join(" ", CHILD_JVM_OPTIONS).equals(environment.get("jvm_options"))
                && MEMORY_ENVIRONMENT.entrySet().stream().allMatch(e -> e.getValue().equals(environment.get("memory_probe_" + e.getKey())));
    }

    private static Optional<ScalingCell> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), ScalingCell.class));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: measured again and overwritten atomically
        }
    }

    /**
     * Memory and time come from two child JVMs: the peak under {@link #MEMORY_ENVIRONMENT} (one timed
     * step after the warm-up is enough for a peak), then the times under the allocator's defaults,
     * which is how training runs. A fixed mmap threshold slows steps that allocate much: measured,
     * standard 8-layer model 3,770 against 1,240 ms.
     */
    private CostMeasurement measure(BenchmarkCell cell) throws IOException {
        CostMeasurement memory = probe(cell, 1, MEMORY_ENVIRONMENT);
        if (!CostMeasurement.COMPLETED.equals(memory.status())) {
            return memory;
        }
        CostMeasurement timing = probe(cell, cell.repetitions(), Map.of());
        if (!CostMeasurement.COMPLETED.equals(timing.status())) {
            return CostMeasurement.failed(timing.status(), "timing run under the default allocator: " + timing.reason());
        }
        return new CostMeasurement(CostMeasurement.COMPLETED, "", timing.timesMs(), memory.peakAboveBaselineBytes(),
                memory.peakRssBytes(), memory.peakHeapBytes(), memory.parameterCount(), memory.engine());
    }

    private CostMeasurement probe(BenchmarkCell cell, int repetitions, Map<String, String> environment) throws IOException {
        int vocab = cell.scope() == BenchmarkScope.MODEL ? Tasks.create(cell.config(), dataDir).vocabSize() : 0;
        Path request = Files.createTempFile("reprise-cost-", ".json");
        try {
            Json.MAPPER.writeValue(request.toFile(), new CostRequest(cell.config(), cell.scope(), vocab, cell.warmup(),
                    repetitions, cell.budgetBytes(), 1, cell.threads()));
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(CHILD_JVM_OPTIONS);
            command.addAll(List.of("-cp", classpath, CostProbe.class.getName(), request.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(cell.threads()));
            builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(cell.threads()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            String result = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(CostProbe.MARK)) {
                        result = line.substring(CostProbe.MARK.length());
                    }
                }
            }
            boolean ended = process.waitFor(CELL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            if (result != null) {
                return Json.MAPPER.readValue(result, CostMeasurement.class);
            }
            int exit = ended ? process.exitValue() : -1;
            // 137 is SIGKILL, the kernel's OOM killer; 134 an abort from a failed native allocation
            String status = exit == 137 || exit == 134 ? CostMeasurement.OUT_OF_MEMORY : CostMeasurement.FAILED;
            return CostMeasurement.failed(status, ended ? "child JVM exited with " + exit + " and no result"
                    : "child JVM timed out after " + CELL_TIMEOUT_MINUTES + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CostMeasurement.failed(CostMeasurement.FAILED, "interrupted");
        } finally {
            Files.deleteIfExists(request);
        }
    }

    private ScalingCell toRecord(BenchmarkCell cell, CostMeasurement m) {
        var model = cell.config().model();
        var attention = model.attention();
        int block = attention.parameter("stride", attention.parameter("window", attention.parameter("block",
                attention.parameter("chunk", 0))));
        double median = Double.NaN;
        if (CostMeasurement.COMPLETED.equals(m.status()) && !m.timesMs().isEmpty()) {
            List<Double> sorted = new ArrayList<>(m.timesMs());
            sorted.sort(null);
            median = sorted.get(sorted.size() / 2);
        }
        Map<String, String> environment = new java.util.LinkedHashMap<>(m.engine());
        environment.put("jvm_options", String.join(" ", CHILD_JVM_OPTIONS));
        MEMORY_ENVIRONMENT.forEach((key, value) -> environment.put("memory_probe_" + key, value));
        return new ScalingCell(cell.experiment(), cell.variant(), cell.length(), block, attention.parameter("c", 0),
                cell.config().training().batchSize(), model.heads(), model.headWidth(), cell.warmup(), cell.repetitions(),
                m.status(), m.reason(), m.timesMs(), median, m.peakAboveBaselineBytes(), m.peakRssBytes(), m.peakHeapBytes(),
                environment, Instant.now().toString(), cell.scope().key(), cell.config(), cell.configHash(), m.parameterCount(),
                provenance);
    }

    private static String line(ScalingCell c) {
        if (!CostMeasurement.COMPLETED.equals(c.status())) {
            return c.status() + (c.reason() == null || c.reason().isEmpty() ? "" : ": " + c.reason());
        }
        return String.format(Locale.ROOT, "COMPLETED  %,.1f ms/step  %,.0f MiB above baseline  %,.0f tokens/s",
                c.medianMs(), c.peakAboveBaselineBytes() / (1024.0 * 1024.0), c.tokensPerSecond());
    }
}
