package org.reprise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.manifest.ModelSpec;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.Attentions;

/**
 * The Transformer with reversible layers (Kitaev et al. 2020 §3) as three pieces that are
 * differentiated one after another instead of one graph:
 * <pre>
 *   embed:  X = onehot(x) W_e + positions                     [B·T, d], X1 = X2 = X
 *   stack:  (Y1, Y2) = reversible layers (X1, X2)            activations recomputed in backward
 *   head:   loss = CE(LN((Y1 + Y2) / 2) W_out + b)
 * </pre>
 * Backward runs head → stack → embed, the stack recomputing each layer's inputs, so memory does not
 * grow with depth. The paper does not say how the two streams meet the output; the trax code
 * concatenates them (doubling the head's width); their mean is used here so the parameters are those
 * of the ordinary model.
 */
final class ReversibleTransformer {
    private static final String UPSTREAM = "upstream";
    private static final String EMBEDDING = "embedding";
    private static final String Y1 = "y1";
    private static final String Y2 = "y2";

    private final SameDiff embedGraph;
    private final SameDiff headGraph;
    private final ReversibleStack trainStack;
    private final ReversibleStack evalStack;
    private final List<Attention> trainAttentions = new ArrayList<>();
    private final List<Attention> evalAttentions = new ArrayList<>();
    /** Stacks for further evaluation attentions by name (Kitaev et al. 2020 Table 2), added on demand. */
    private final Map<String, ReversibleStack> furtherStacks = new HashMap<>();
    private final ModelSpec spec;
    private final int batch;
    private final ParameterSet params;
    private final DataType type;
    private final List<String> embedParameters = new ArrayList<>();
    private final List<String> headParameters = new ArrayList<>();

    ReversibleTransformer(ModelSpec spec, int vocab, int batch, ParameterSet params, DataType type) {
        int rows = batch * spec.sequenceLength();
        this.spec = spec;
        this.batch = batch;
        this.params = params;
        this.type = type;
        this.embedGraph = embedGraph(spec, vocab, batch, params, type);
        this.headGraph = headGraph(spec, vocab, rows, params, type);
        this.trainStack = new ReversibleStack(spec, batch, params,
                layer -> remember(trainAttentions, Attentions.create(spec.attention(), layer, spec.heads())),
                type, spec.ffChunks(), spec.dropout());
        this.evalStack = new ReversibleStack(spec, batch, params,
                layer -> remember(evalAttentions, Attentions.createForEvaluation(spec.attention(), layer, spec.heads())),
                type, spec.ffChunks(), 0.0);
    }

    private SameDiff embedGraph(ModelSpec spec, int vocab, int batch, ParameterSet params, DataType type) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = variables(sd, params, name -> name.equals("wte") || name.startsWith("wpe"), embedParameters);
        SDVariable tokens = sd.placeHolder(TransformerGraph.TOKENS, DataType.INT32, batch, spec.sequenceLength());
        SDVariable x = TransformerGraph.embed(sd, spec, w, tokens, vocab, batch, type).rename(EMBEDDING);  // [B·T, d]
        SDVariable upstream = sd.placeHolder(UPSTREAM, type, (long) batch * spec.sequenceLength(), spec.width());
        sd.setLossVariables(x.mul(upstream).sum());
        return sd;
    }

    private SameDiff headGraph(ModelSpec spec, int vocab, int rows, ParameterSet params, DataType type) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = variables(sd, params, name -> name.startsWith("lnf.") || name.startsWith("head."), headParameters);
        SDVariable y1 = sd.var(Y1, Nd4j.zeros(type, rows, spec.width()));
        SDVariable y2 = sd.var(Y2, Nd4j.zeros(type, rows, spec.width()));
        SDVariable targets = sd.placeHolder(TransformerGraph.TARGETS, DataType.INT32, rows);
        SDVariable mask = sd.placeHolder(TransformerGraph.MASK, type, rows);
        sd.setLossVariables(TransformerGraph.headLoss(sd, y1.add(y2).mul(0.5), w, targets, mask, vocab, type));
        return sd;
    }

    private static Map<String, SDVariable> variables(SameDiff sd, ParameterSet params, java.util.function.Predicate<String> which,
                                                     List<String> names) {
        Map<String, SDVariable> w = new HashMap<>();
        params.arrays().forEach((name, value) -> {
            if (which.test(name)) {
                w.put(name, sd.var(name, value));
                names.add(name);
            }
        });
        return w;
    }

    List<Attention> trainAttentions() {
        return trainAttentions;
    }

    List<Attention> evalAttentions() {
        return evalAttentions;
    }

    /**
     * Loss and the gradient of every parameter.
     *
     * @param inputs tokens, targets, mask and the attentions' per-step inputs
     * @param seed   this step's dropout masks
     */
    OutAndGrad gradients(Map<String, INDArray> inputs, long seed) {
        ReversibleStack.Step step = new ReversibleStack.Step(inputs, seed);
        INDArray x = embedding(inputs);
        INDArray[] y = trainStack.forward(x, x, step);
        headGraph.getVariable(Y1).setArray(y[0]);
        headGraph.getVariable(Y2).setArray(y[1]);
        List<String> headWanted = new ArrayList<>(headParameters);
        headWanted.addAll(List.of(Y1, Y2));
        OutAndGrad head = headGraph.calculateGradientsAndOutputs(headInputs(inputs), List.of(TransformerGraph.LOSS), headWanted);
        Map<String, INDArray> grads = new LinkedHashMap<>();
        headParameters.forEach(name -> grads.put(name, head.getGradients().get(name)));
        Map<String, INDArray> stack = trainStack.backward(y[0], y[1], head.getGradients().get(Y1), head.getGradients().get(Y2), step);
        stack.forEach((name, g) -> {
            if (!name.equals("x1") && !name.equals("x2")) {
                grads.put(name, g);
            }
        });
        Map<String, INDArray> embedInputs = new HashMap<>();
        embedInputs.put(TransformerGraph.TOKENS, inputs.get(TransformerGraph.TOKENS));
        embedInputs.put(UPSTREAM, stack.get("x1").add(stack.get("x2")));           // X feeds both streams
        grads.putAll(embedGraph.calculateGradients(embedInputs, embedParameters));
        return new OutAndGrad(head.getOutputs(), grads);
    }

    /** The named head outputs ({@link TransformerGraph#LOSS}, CROSS_ENTROPY, LOGITS) without dropout. */
    Map<String, INDArray> outputs(Map<String, INDArray> inputs, String... names) {
        return outputs(evalStack, inputs, names);
    }

    /**
     * Adds a stack that runs {@code pattern} in every layer on the same parameters, for
     * {@link #outputs(String, Map, String...)}; its layers' attentions are added to {@code attentions}.
     */
    void addEvaluation(String name, org.reprise.manifest.AttentionSpec pattern, List<Attention> attentions) {
        furtherStacks.put(name, new ReversibleStack(spec, batch, params,
                layer -> remember(attentions, Attentions.createForEvaluation(pattern, layer, spec.heads())),
                type, spec.ffChunks(), 0.0));
    }

    /** As {@link #outputs(Map, String...)} under the further evaluation {@code evaluation} (see {@link #addEvaluation}). */
    Map<String, INDArray> outputs(String evaluation, Map<String, INDArray> inputs, String... names) {
        ReversibleStack stack = furtherStacks.get(evaluation);
        if (stack == null) {
            throw new IllegalArgumentException("no evaluation stack '" + evaluation + "' was added");
        }
        return outputs(stack, inputs, names);
    }

    private Map<String, INDArray> outputs(ReversibleStack stack, Map<String, INDArray> inputs, String... names) {
        INDArray x = embedding(inputs);
        INDArray[] y = stack.forward(x, x, new ReversibleStack.Step(inputs, 0));
        headGraph.getVariable(Y1).setArray(y[0]);
        headGraph.getVariable(Y2).setArray(y[1]);
        return headGraph.output(headInputs(inputs), names);
    }

    private INDArray embedding(Map<String, INDArray> inputs) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(TransformerGraph.TOKENS, inputs.get(TransformerGraph.TOKENS));
        ph.put(UPSTREAM, Nd4j.zeros(embedGraph.getVariable(UPSTREAM).dataType(), embedGraph.getVariable(UPSTREAM).placeholderShape()));
        return embedGraph.output(ph, EMBEDDING).get(EMBEDDING);
    }

    private static Map<String, INDArray> headInputs(Map<String, INDArray> inputs) {
        return Map.of(TransformerGraph.TARGETS, inputs.get(TransformerGraph.TARGETS), TransformerGraph.MASK,
                inputs.get(TransformerGraph.MASK));
    }

    private static Attention remember(List<Attention> into, Attention attention) {
        into.add(attention);
        return attention;
    }
}
