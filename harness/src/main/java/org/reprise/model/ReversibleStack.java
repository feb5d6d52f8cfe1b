package org.reprise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.reprise.manifest.ModelSpec;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.AttentionShape;

/**
 * Reformer's reversible residual layers (Kitaev et al. 2020 §3, after Gomez et al. 2017):
 * <pre>
 *   Y1 = X1 + F(X2),  F = drop(Attention(LN(·)))       Y2 = X2 + G(Y1),  G = drop(FeedForward(LN(·)))
 * </pre>
 * Forward keeps only the last (Y1, Y2); backward walks down the layers, recomputing each layer's
 * inputs from its outputs (X2 = Y2 − G(Y1), X1 = Y1 − F(X2)) and back-propagating through one block
 * at a time, so stored activations do not grow with depth. Each block is its own small SameDiff
 * graph over [B·T, d] (the input a variable so it gets a gradient, the upstream gradient a
 * placeholder: loss = Σ block(x) · upstream), sharing the {@link ParameterSet}'s arrays.
 * Recomputation costs one extra forward per block; reconstruction is exact up to float rounding.
 *
 * <p>Recomputation must see exactly the forward's randomness: the dropout masks are a pure function
 * of (step seed, layer, block) drawn on the Java side, and the attention's per-step inputs (LSH
 * rotations) are passed again, through a {@link Step}.
 */
final class ReversibleStack {
    private static final String IN = "x";
    private static final String UPSTREAM = "upstream";
    private static final String MASK = "dropmask";
    private static final String OUT = "out";

    private final List<Block> f = new ArrayList<>();
    private final List<Block> g = new ArrayList<>();
    private final double dropout;
    /**
     * Collects each layer's off-heap garbage once it passes 128 MiB: without it, a step's discarded
     * per-layer arrays pile up until the next collection and peak memory grows with depth after all
     * (measured, 8 layers at n = 1024: 2,734 MiB without, 1,025 with a collection per layer).
     */
    private final OffHeapReclaimer reclaimer = new OffHeapReclaimer(128L << 20);

    /**
     * The randomness of one step: the attentions' placeholder inputs and the seed of the dropout masks.
     *
     * @param inputs placeholders by name (each block takes those its graph has)
     * @param seed   seeds the dropout masks
     */
    record Step(Map<String, INDArray> inputs, long seed) {
        static final Step NONE = new Step(Map.of(), 0);
    }

    /**
     * One residual function with its own graph and parameter names, applied to {@code chunks} row
     * chunks one after another (Reformer §3 "Chunking": a position-wise block computed chunk by chunk
     * holds one chunk's activations at a time; exact because rows do not interact).
     */
    private record Block(SameDiff sd, List<String> parameters, int chunks, boolean masked) {
        INDArray apply(INDArray x, Map<String, INDArray> inputs, INDArray mask) {
            List<INDArray> xs = split(x);
            List<INDArray> masks = mask == null ? null : split(mask);
            List<INDArray> parts = new ArrayList<>();
            for (int c = 0; c < xs.size(); c++) {
                sd.getVariable(IN).setArray(xs.get(c));
                parts.add(sd.outputSingle(placeholders(xs.get(c).like(), inputs, masks == null ? null : masks.get(c)), OUT).dup());
            }
            release();
            return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(new INDArray[0]));
        }

        /**
         * Drops the arrays SameDiff's sessions keep from the last execution (every intermediate of the
         * block, and of its gradient graph): kept, they would make memory grow with depth again.
         */
        private void release() {
            sd.getSessions().clear();
            SameDiff grad = sd.getFunction("grad");
            if (grad != null) {
                grad.getSessions().clear();
            }
        }

        /** d(Σ block(x)·u)/dx and /dθ, summing parameter gradients over chunks. */
        Map<String, INDArray> gradients(INDArray x, INDArray upstream, Map<String, INDArray> inputs, INDArray mask) {
            List<String> wanted = new ArrayList<>(parameters);
            wanted.add(IN);
            List<INDArray> xs = split(x);
            List<INDArray> us = split(upstream);
            List<INDArray> masks = mask == null ? null : split(mask);
            Map<String, INDArray> total = new HashMap<>();
            List<INDArray> inputGrads = new ArrayList<>();
            for (int c = 0; c < xs.size(); c++) {
                sd.getVariable(IN).setArray(xs.get(c));
                Map<String, INDArray> grads = sd.calculateGradients(placeholders(us.get(c), inputs,
                        masks == null ? null : masks.get(c)), wanted);
                for (String name : parameters) {
                    total.merge(name, grads.get(name).dup(), INDArray::addi);
                }
                inputGrads.add(grads.get(IN).dup());
            }
            release();
            total.put(IN, inputGrads.size() == 1 ? inputGrads.get(0) : Nd4j.concat(0, inputGrads.toArray(new INDArray[0])));
            return total;
        }

        private Map<String, INDArray> placeholders(INDArray upstream, Map<String, INDArray> inputs, INDArray mask) {
            Map<String, INDArray> ph = new HashMap<>();
            ph.put(UPSTREAM, upstream);
            inputs.forEach((name, value) -> {
                if (sd.hasVariable(name)) {
                    ph.put(name, value);
                }
            });
            if (masked) {
                ph.put(MASK, mask);
            }
            return ph;
        }

        private List<INDArray> split(INDArray x) {
            if (chunks == 1) {
                return List.of(x);
            }
            long rows = x.rows() / chunks;
            List<INDArray> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                parts.add(x.get(NDArrayIndex.interval(c * rows, (c + 1) * rows), NDArrayIndex.all()).dup());
            }
            return parts;
        }
    }

    ReversibleStack(ModelSpec spec, int batch, ParameterSet params, IntFunction<Attention> attention, DataType type) {
        this(spec, batch, params, attention, type, 1, 0.0);
    }

    ReversibleStack(ModelSpec spec, int batch, ParameterSet params, IntFunction<Attention> attention, DataType type,
                    int ffChunks) {
        this(spec, batch, params, attention, type, ffChunks, 0.0);
    }

    /**
     * @param ffChunks the feed-forward block runs on B·T/ffChunks rows at a time (must divide B·T)
     * @param dropout  drop probability at the end of each residual function (Child et al. §5.2); 0 builds no masks
     */
    ReversibleStack(ModelSpec spec, int batch, ParameterSet params, IntFunction<Attention> attention, DataType type,
                    int ffChunks, double dropout) {
        int rows = batch * spec.sequenceLength();
        if (ffChunks < 1 || rows % ffChunks != 0) {
            throw new IllegalArgumentException("feed-forward chunks " + ffChunks + " must divide batch × length " + rows);
        }
        this.dropout = dropout;
        AttentionShape shape = new AttentionShape(batch, spec.heads(), spec.sequenceLength(), spec.headWidth());
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            Attention layerAttention = attention.apply(i);
            f.add(block(params, h + ".ln1", h + ".attn", rows, 1, spec.width(), type, dropout,
                    (sd, x, w) -> TransformerGraph.attentionBlock(sd, h, TransformerGraph.layerNorm(sd, x, w, h + ".ln1"),
                            w, layerAttention, shape)));
            g.add(block(params, h + ".ln2", h + ".mlp", rows / ffChunks, ffChunks, spec.width(), type, dropout,
                    (sd, x, w) -> TransformerGraph.mlpBlock(sd, h, TransformerGraph.layerNorm(sd, x, w, h + ".ln2"), w)));
        }
    }

    private interface BlockBody {
        SDVariable build(SameDiff sd, SDVariable x, Map<String, SDVariable> w);
    }

    private static Block block(ParameterSet params, String normPrefix, String bodyPrefix, int rows, int chunks, int d,
                               DataType type, double dropout, BlockBody body) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : params.arrays().entrySet()) {
            if (e.getKey().startsWith(normPrefix + ".") || e.getKey().startsWith(bodyPrefix + ".")) {
                w.put(e.getKey(), sd.var(e.getKey(), e.getValue()));
                names.add(e.getKey());
            }
        }
        SDVariable x = sd.var(IN, Nd4j.zeros(type, rows, d));
        SDVariable upstream = sd.placeHolder(UPSTREAM, type, rows, d);
        SDVariable out = body.build(sd, x, w);                                                     // [rows, d]
        if (dropout > 0) {
            // inverted dropout by an explicit mask (dl4j-notes #2), fed so recomputation reuses it
            out = out.mul(sd.placeHolder(MASK, type, rows, d)).div(1 - dropout);
        }
        out = out.rename(OUT);
        sd.setLossVariables(out.mul(upstream).sum());
        return new Block(sd, names, chunks, dropout > 0);
    }

    /** (X1, X2) → (Y1, Y2) through every layer, keeping nothing in between. */
    INDArray[] forward(INDArray x1, INDArray x2) {
        return forward(x1, x2, Step.NONE);
    }

    INDArray[] forward(INDArray x1, INDArray x2, Step step) {
        INDArray a = x1;
        INDArray b = x2;
        for (int i = 0; i < f.size(); i++) {
            INDArray y1 = a.add(f.get(i).apply(b, step.inputs(), mask(step, i, 0, b)));
            INDArray y2 = b.add(g.get(i).apply(y1, step.inputs(), mask(step, i, 1, y1)));
            a = y1;
            b = y2;
            reclaimer.afterStep();
        }
        return new INDArray[] {a, b};
    }

    Map<String, INDArray> backward(INDArray y1, INDArray y2, INDArray dy1, INDArray dy2) {
        return backward(y1, y2, dy1, dy2, Step.NONE);
    }

    /** Gradients of the inputs ("x1", "x2") and of every block parameter, from the top outputs and their gradients. */
    Map<String, INDArray> backward(INDArray y1, INDArray y2, INDArray dy1, INDArray dy2, Step step) {
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (int i = f.size() - 1; i >= 0; i--) {
            INDArray gMask = mask(step, i, 1, y1);
            Map<String, INDArray> gg = g.get(i).gradients(y1, dy2, step.inputs(), gMask);     // through Y2 = X2 + G(Y1)
            INDArray x2 = y2.sub(g.get(i).apply(y1, step.inputs(), gMask));                      // recompute X2
            INDArray dY1 = dy1.add(gg.get(IN));
            INDArray fMask = mask(step, i, 0, x2);
            Map<String, INDArray> fg = f.get(i).gradients(x2, dY1, step.inputs(), fMask);     // through Y1 = X1 + F(X2)
            INDArray x1 = y1.sub(f.get(i).apply(x2, step.inputs(), fMask));                      // recompute X1
            dy2 = dy2.add(fg.get(IN));
            dy1 = dY1;
            y1 = x1;
            y2 = x2;
            reclaimer.afterStep();
            for (String name : g.get(i).parameters()) {
                grads.put(name, gg.get(name).dup());
            }
            for (String name : f.get(i).parameters()) {
                grads.put(name, fg.get(name).dup());
            }
        }
        grads.put("x1", dy1);
        grads.put("x2", dy2);
        return grads;
    }

    /** The Bernoulli(1 − p) keep mask of layer {@code layer}'s block {@code part} (0 = F, 1 = G): a function of the step seed. */
    INDArray mask(Step step, int layer, int part, INDArray like) {
        if (dropout == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(step.seed() * 0x9E3779B97F4A7C15L + layer * 2L + part);
        int n = (int) like.length();
        float[] keep = new float[n];
        for (int k = 0; k < n; k++) {
            keep[k] = random.nextDouble() < dropout ? 0f : 1f;
        }
        return Nd4j.create(keep, like.shape(), DataType.FLOAT).castTo(like.dataType());
    }
}
