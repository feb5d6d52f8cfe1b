package org.reprise.model.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.data.Batch;
import org.reprise.manifest.BenchmarkScope;
import org.reprise.manifest.ModelSpec;
import org.reprise.model.Engine;
import org.reprise.model.ProcessMemory;
import org.reprise.model.SameDiffModel;
import org.reprise.model.TrainableModel;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.AttentionShape;
import org.reprise.model.attention.Attentions;

/**
 * Measures one benchmark cell inside its own JVM (started by the harness's benchmark sweep), so the
 * peak resident memory is the cell's own and a cell that does not fit ends as OUT_OF_MEMORY instead
 * of ending the sweep: a watchdog thread reads the resident size every 2 ms and stops the JVM past
 * the budget. The result is printed as one {@value #MARK} line of JSON on standard output.
 *
 * <pre>java -cp CLASSPATH org.reprise.model.bench.CostProbe request.json</pre>
 */
public final class CostProbe {
    public static final String MARK = "COST_MEASUREMENT ";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.INDENT_OUTPUT);
    private static final PrintStream RESULT = System.out;

    private CostProbe() {
    }

    public static void main(String[] args) throws IOException {
        CostRequest request = JSON.readValue(Path.of(args[0]).toFile(), CostRequest.class);
        report(measure(request));
        System.exit(0);
    }

    private static synchronized void report(CostMeasurement measurement) {
        try {
            RESULT.println(MARK + JSON.writeValueAsString(measurement));
            RESULT.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CostMeasurement measure(CostRequest request) {
        Engine.configure(request.threads());
        Nd4j.create(DataType.FLOAT, 8, 8).addi(1); // load the native backend before taking the baseline
        long baseline = ProcessMemory.resident();
        Thread watchdog = watchdog(request.budgetBytes());
        List<Double> times = new ArrayList<>();
        long parameters = 0;
        String status = CostMeasurement.COMPLETED;
        String reason = "";
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // SameDiff prints while building gradients
        try {
            Step step = request.scope() == BenchmarkScope.ATTENTION ? attentionStep(request) : modelStep(request);
            parameters = step.parameters();
            for (int rep = 0; rep < request.warmup() + request.repetitions(); rep++) {
                // off-heap buffers are freed only when the GC runs (dl4j-notes #9): without this the
                // peak would add up the garbage of every repetition instead of one step's working set
                System.gc();
                Thread.sleep(50);
                long start = System.nanoTime();
                step.run(rep);
                if (rep >= request.warmup()) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = CostMeasurement.FAILED;
            reason = "interrupted";
        } catch (OutOfMemoryError e) {
            status = CostMeasurement.OUT_OF_MEMORY;
            reason = "Java heap: " + e.getMessage();
        } catch (RuntimeException e) {
            String message = e.getMessage() + (e.getCause() != null ? " / " + e.getCause().getMessage() : "");
            status = message.toLowerCase(Locale.ROOT).contains("memory") ? CostMeasurement.OUT_OF_MEMORY : CostMeasurement.FAILED;
            reason = e.getClass().getSimpleName() + ": " + message;
        } finally {
            System.setOut(stdout);
        }
        watchdog.interrupt();
        long peak = ProcessMemory.peakResident();
        return new CostMeasurement(status, reason, times, Math.max(0, peak - baseline), peak, peakHeap(), parameters,
                Engine.describe());
    }

    /** One timed unit of work. */
    private interface Step {
        void run(int repetition);

        long parameters();
    }

    /** One attention layer: q, k, v as variables, loss Σ out·R, gradients of q, k, v. */
    private static Step attentionStep(CostRequest request) {
        ModelSpec m = request.config().model();
        int batch = request.config().training().batchSize();
        AttentionShape shape = new AttentionShape(batch, m.heads(), m.sequenceLength(), m.headWidth());
        long[] dims = {batch, m.heads(), m.sequenceLength(), m.headWidth()};
        SameDiff sd = SameDiff.create();
        Nd4j.getRandom().setSeed(request.seed());
        SDVariable q = sd.var("q", Nd4j.randn(DataType.FLOAT, dims));
        SDVariable k = sd.var("k", Nd4j.randn(DataType.FLOAT, dims));
        SDVariable v = sd.var("v", Nd4j.randn(DataType.FLOAT, dims));
        SDVariable r = sd.constant("r", Nd4j.randn(DataType.FLOAT, dims));
        Attention attention = Attentions.create(m.attention(), 0, m.heads());
        sd.setLossVariables(attention.attend(sd, "attn", q, k, v, shape).mul(r).sum());
        List<String> wrt = attention.sharesQueryKey() ? List.of("q", "v") : List.of("q", "k", "v");
        return new Step() {
            @Override
            public void run(int repetition) {
                Map<String, INDArray> inputs = attention.stepInputs(request.seed() + repetition);
                sd.calculateGradients(inputs, wrt);
            }

            @Override
            public long parameters() {
                return 0;
            }
        };
    }

    /** One optimizer step of the whole model on a batch of uniformly random tokens. */
    private static Step modelStep(CostRequest request) {
        ModelSpec m = request.config().model();
        int batch = request.config().training().batchSize();
        TrainableModel model = SameDiffModel.factory().create(m, request.config().training(), request.vocabSize(), request.seed());
        SplittableRandom random = new SplittableRandom(request.seed());
        int n = batch * m.sequenceLength();
        int[] inputs = random.ints(n, 0, request.vocabSize()).toArray();
        int[] targets = random.ints(n, 0, request.vocabSize()).toArray();
        float[] mask = new float[n];
        java.util.Arrays.fill(mask, 1f);
        Batch tokens = new Batch(batch, m.sequenceLength(), inputs, targets, mask);
        return new Step() {
            @Override
            public void run(int repetition) {
                model.trainStep(tokens, request.config().training().learningRate(), request.seed() + repetition);
            }

            @Override
            public long parameters() {
                return model.parameterCount();
            }
        };
    }

    /** Stops the JVM, after printing an OUT_OF_MEMORY result, when resident memory passes the budget. */
    private static Thread watchdog(long budgetBytes) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long rss = ProcessMemory.resident();
                if (rss > budgetBytes) {
                    report(CostMeasurement.failed(CostMeasurement.OUT_OF_MEMORY, "resident memory " + (rss >> 20)
                            + " MiB passed the budget of " + (budgetBytes >> 20) + " MiB"));
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
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
}
