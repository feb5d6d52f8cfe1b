package org.reprise.model;

import java.util.function.IntFunction;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.data.Batch;
import org.reprise.data.EvalSums;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.ModelSpec;
import org.reprise.manifest.TrainSpec;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.Attentions;

/** The SameDiff implementation of {@link TrainableModel}: a training and an evaluation graph over shared parameters. */
public final class SameDiffModel implements TrainableModel {
    private final ModelSpec spec;
    private final int batchSize;
    private final DataType type;
    private final ParameterSet params;
    /** The whole model as one graph, or null when the layers are reversible. */
    private final SameDiff trainGraph;
    private final SameDiff evalGraph;
    /** The model with reversible layers (Reformer §3), or null. */
    private final ReversibleTransformer reversible;
    private final AdamOptimizer optimizer;
    private final OffHeapReclaimer reclaimer = new OffHeapReclaimer();
    /** Per-layer attentions of each graph, asked for per-step inputs (LSH rotations). */
    private final List<Attention> trainAttentions = new ArrayList<>();
    private final List<Attention> evalAttentions = new ArrayList<>();
    /** Seeds evaluation-time random inputs (LSH rotations), so evaluation is deterministic per model. */
    private final long evalSeed;
    private final int vocab;
    /**
     * Graphs for the further evaluation attentions ({@link ModelSpec#evaluateWith()}), by name, built on
     * first use: most runs never ask for them before training ends, and each holds its own activations.
     */
    private final Map<String, FurtherEvaluation> further = new HashMap<>();

    /** One further evaluation: its graph (null when the reversible model holds it) and its layers' attentions. */
    private record FurtherEvaluation(SameDiff graph, List<Attention> attentions) {
    }

    SameDiffModel(ModelSpec spec, TrainSpec training, int vocab, long initSeed, DataType type) {
        this.spec = spec;
        this.batchSize = training.batchSize();
        this.type = type;
        this.params = ParameterSet.initialise(spec, vocab, initSeed, type);
        this.evalSeed = initSeed;
        this.vocab = vocab;
        if (spec.reversible()) {
            this.reversible = new ReversibleTransformer(spec, vocab, batchSize, params, type);
            trainAttentions.addAll(reversible.trainAttentions());
            evalAttentions.addAll(reversible.evalAttentions());
            this.trainGraph = null;
            this.evalGraph = null;
        } else {
            this.reversible = null;
            IntFunction<Attention> attention = layer -> remember(trainAttentions, Attentions.create(spec.attention(), layer, spec.heads()));
            this.trainGraph = TransformerGraph.build(spec, vocab, batchSize, params, attention, spec.dropout(), type);
            boolean sameForEvaluation = spec.dropout() == 0 && !Attentions.hasEvaluationVariant(spec.attention());
            if (sameForEvaluation) {
                evalAttentions.addAll(trainAttentions);
            }
            this.evalGraph = sameForEvaluation ? trainGraph
                    : TransformerGraph.build(spec, vocab, batchSize, params,
                            layer -> remember(evalAttentions, Attentions.createForEvaluation(spec.attention(), layer, spec.heads())), 0.0, type);
            quietly(trainGraph::createGradFunction);
        }
        this.optimizer = new AdamOptimizer(training, params.arrays());
    }

    /** Builds a float32 model, the harness's training precision. */
    public static ModelFactory factory() {
        return (model, training, vocab, seed) -> new SameDiffModel(model, training, vocab, seed, DataType.FLOAT);
    }

    /** Builds a model in another precision: double is used by gradient checks against finite differences. */
    public static ModelFactory factory(DataType type) {
        return (model, training, vocab, seed) -> new SameDiffModel(model, training, vocab, seed, type);
    }

    @Override
    public long parameterCount() {
        return params.count();
    }

    @Override
    public StepResult trainStep(Batch batch, double learningRate, long dropoutSeed) {
        Nd4j.getRandom().setSeed(dropoutSeed);
        OutAndGrad result = gradients(batch, dropoutSeed);
        double loss = result.getOutputs().get(TransformerGraph.LOSS).getDouble(0);
        double norm = optimizer.apply(params.arrays(), result.getGradients(), learningRate);
        reclaimer.afterStep();
        return new StepResult(loss, norm);
    }

    /** Loss and gradients for {@code batch} without updating (exposed to tests of the gradient scale). */
    OutAndGrad gradients(Batch batch) {
        return gradients(batch, evalSeed);
    }

    /** @param stepSeed seeds this step's random graph inputs (fresh LSH rotations every step, Reformer §2) */
    private OutAndGrad gradients(Batch batch, long stepSeed) {
        if (reversible != null) {
            return silently(() -> reversible.gradients(placeholders(batch, trainAttentions, stepSeed), stepSeed));
        }
        return trainGraph.calculateGradientsAndOutputs(placeholders(batch, trainAttentions, stepSeed),
                java.util.List.of(TransformerGraph.LOSS), params.arrays().keySet());
    }

    /** The training loss of {@code batch} (forward only), for tests. */
    double loss(Batch batch) {
        return outputs(batch, TransformerGraph.LOSS).get(TransformerGraph.LOSS).getDouble(0);
    }

    /** Logits [B·T, V] for {@code batch} without dropout (for tests). */
    INDArray logits(Batch batch) {
        return outputs(batch, TransformerGraph.LOGITS).get(TransformerGraph.LOGITS);
    }

    ParameterSet parameters() {
        return params;
    }

    @Override
    public EvalSums evaluate(Batch batch) {
        return sums(batch, outputs(batch, TransformerGraph.CROSS_ENTROPY, TransformerGraph.LOGITS));
    }

    @Override
    public List<String> evaluationAttentions() {
        return List.copyOf(spec.evaluateWith().keySet());
    }

    @Override
    public EvalSums evaluate(Batch batch, String attention) {
        AttentionSpec pattern = spec.evaluateWith().get(attention);
        if (pattern == null) {
            return TrainableModel.super.evaluate(batch, attention);
        }
        FurtherEvaluation evaluation = further.computeIfAbsent(attention, name -> buildEvaluation(name, pattern));
        Map<String, INDArray> inputs = placeholders(batch, evaluation.attentions(), evalSeed);
        String[] names = {TransformerGraph.CROSS_ENTROPY, TransformerGraph.LOGITS};
        return sums(batch, evaluation.graph() == null ? reversible.outputs(attention, inputs, names)
                : evaluation.graph().output(inputs, names));
    }

    private FurtherEvaluation buildEvaluation(String name, AttentionSpec pattern) {
        List<Attention> attentions = new ArrayList<>();
        if (reversible != null) {
            reversible.addEvaluation(name, pattern, attentions);
            return new FurtherEvaluation(null, attentions);
        }
        SameDiff graph = TransformerGraph.build(spec, vocab, batchSize, params,
                layer -> remember(attentions, Attentions.createForEvaluation(pattern, layer, spec.heads())), 0.0, type);
        return new FurtherEvaluation(graph, attentions);
    }

    /** Masked cross-entropy sum, scored count and correct argmax predictions of one batch's outputs. */
    private EvalSums sums(Batch batch, Map<String, INDArray> out) {
        double[] ce = out.get(TransformerGraph.CROSS_ENTROPY).castTo(DataType.DOUBLE).toDoubleVector();
        long[] predicted = Nd4j.argMax(out.get(TransformerGraph.LOGITS), 1).toLongVector();
        double sum = 0;
        long scored = 0;
        long correct = 0;
        for (int i = 0; i < ce.length; i++) {
            if (batch.mask()[i] != 0f) {
                sum += ce[i];
                scored++;
                if (predicted[i] == batch.targets()[i]) {
                    correct++;
                }
            }
        }
        reclaimer.afterStep();
        return new EvalSums(sum, scored, correct);
    }

    /** Evaluation outputs (no dropout; evaluation-time attention) by name. */
    private Map<String, INDArray> outputs(Batch batch, String... names) {
        Map<String, INDArray> inputs = placeholders(batch, evalAttentions, evalSeed);
        return reversible != null ? reversible.outputs(inputs, names) : evalGraph.output(inputs, names);
    }

    private static Attention remember(List<Attention> into, Attention attention) {
        into.add(attention);
        return attention;
    }

    private Map<String, INDArray> placeholders(Batch batch, List<Attention> attentions, long seed) {
        if (batch.batchSize() != batchSize || batch.length() != spec.sequenceLength()) {
            throw new IllegalArgumentException("the graph is built for batches of " + batchSize + "×" + spec.sequenceLength()
                    + " tokens; got " + batch.batchSize() + "×" + batch.length());
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(TransformerGraph.TOKENS, Nd4j.createFromArray(batch.inputs()).reshape(batch.batchSize(), batch.length()));
        ph.put(TransformerGraph.TARGETS, Nd4j.createFromArray(batch.targets()));
        ph.put(TransformerGraph.MASK, Nd4j.createFromArray(batch.mask()).castTo(type));
        for (Attention attention : attentions) {
            attention.stepInputs(seed).forEach((name, value) -> ph.put(name, value.castTo(type)));
        }
        return ph;
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("state.bin"))))) {
            out.writeLong(optimizer.step());
            out.writeInt(params.arrays().size());
            for (String name : params.arrays().keySet()) {
                out.writeUTF(name);
                Nd4j.write(params.get(name), out);
                Nd4j.write(optimizer.firstMoment().get(name), out);
                Nd4j.write(optimizer.secondMoment().get(name), out);
            }
        }
    }

    @Override
    public void load(Path dir) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(dir.resolve("state.bin"))))) {
            long step = in.readLong();
            int count = in.readInt();
            if (count != params.arrays().size()) {
                throw new IOException(dir + ": checkpoint holds " + count + " parameters, the model has " + params.arrays().size());
            }
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                INDArray target = params.arrays().get(name);
                if (target == null) {
                    throw new IOException(dir + ": checkpoint parameter " + name + " is not in this model");
                }
                // assign in place: both graphs hold these very arrays
                target.assign(Nd4j.read(in));
                optimizer.firstMoment().get(name).assign(Nd4j.read(in));
                optimizer.secondMoment().get(name).assign(Nd4j.read(in));
            }
            optimizer.restoreStep(step);
        }
    }

    @Override
    public void close() {
        // SameDiff 1.0.0-M2.1 has no close(): its off-heap buffers are freed when the Java GC
        // collects the graphs (dl4j-notes #9), so dropping the model is all there is to do.
    }

    /** SameDiff prints one line per differentiated op with System.out while building gradients (dl4j-notes #7). */
    private static void quietly(Runnable action) {
        silently(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T silently(java.util.function.Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }
}
