package org.reprise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.manifest.ModelSpec;
import org.reprise.model.attention.Attention;
import org.reprise.model.attention.AttentionShape;

/**
 * Reformer's reversible residual layers (Kitaev et al. 2020 §3, after Gomez et al. 2017):
 * <pre>
 *   Y1 = X1 + F(X2),  F = Attention(LN(·))       Y2 = X2 + G(Y1),  G = FeedForward(LN(·))
 * </pre>
 * Forward keeps only the last (Y1, Y2); backward walks down the layers, recomputing each layer's
 * inputs from its outputs (X2 = Y2 − G(Y1), X1 = Y1 − F(X2)) and back-propagating through one block
 * at a time, so stored activations do not grow with depth. Each block is its own small SameDiff
 * graph over [B·T, d] (the input a variable so it gets a gradient, the upstream gradient a
 * placeholder: loss = Σ block(x) · upstream), sharing the {@link ParameterSet}'s arrays.
 * Recomputation costs one extra forward per block; reconstruction is exact up to float rounding.
 */
final class ReversibleStack {
    private static final String IN = "x";
    private static final String UPSTREAM = "upstream";
    private static final String OUT = "out";

    private final List<Block> f = new ArrayList<>();
    private final List<Block> g = new ArrayList<>();

    /**
     * One residual function with its own graph and parameter names, applied to {@code chunks} row
     * chunks one after another (Reformer §3 "Chunking": a position-wise block computed chunk by chunk
     * holds one chunk's activations at a time; exact because rows do not interact).
     */
    private record Block(SameDiff sd, List<String> parameters, int chunks) {
        INDArray apply(INDArray x) {
            List<INDArray> parts = new ArrayList<>();
            for (INDArray chunk : split(x)) {
                sd.getVariable(IN).setArray(chunk);
                parts.add(sd.outputSingle(Map.of(UPSTREAM, chunk.like()), OUT).dup());
            }
            return parts.size() == 1 ? parts.get(0) : org.nd4j.linalg.factory.Nd4j.concat(0, parts.toArray(new INDArray[0]));
        }

        /** d(Σ block(x)·u)/dx and /dθ, summing parameter gradients over chunks. */
        Map<String, INDArray> gradients(INDArray x, INDArray upstream) {
            List<String> wanted = new ArrayList<>(parameters);
            wanted.add(IN);
            List<INDArray> xs = split(x);
            List<INDArray> us = split(upstream);
            Map<String, INDArray> total = new HashMap<>();
            List<INDArray> inputGrads = new ArrayList<>();
            for (int c = 0; c < xs.size(); c++) {
                sd.getVariable(IN).setArray(xs.get(c));
                Map<String, INDArray> g = sd.calculateGradients(Map.of(UPSTREAM, us.get(c)), wanted);
                for (String name : parameters) {
                    total.merge(name, g.get(name).dup(), INDArray::addi);
                }
                inputGrads.add(g.get(IN).dup());
            }
            total.put(IN, inputGrads.size() == 1 ? inputGrads.get(0)
                    : org.nd4j.linalg.factory.Nd4j.concat(0, inputGrads.toArray(new INDArray[0])));
            return total;
        }

        private List<INDArray> split(INDArray x) {
            long rows = x.rows() / chunks;
            List<INDArray> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                parts.add(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(c * rows, (c + 1) * rows),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).dup());
            }
            return parts;
        }
    }

    ReversibleStack(ModelSpec spec, int batch, ParameterSet params, IntFunction<Attention> attention, DataType type) {
        this(spec, batch, params, attention, type, 1);
    }

    /**
     * @param ffChunks the feed-forward block runs on B·T/ffChunks rows at a time (must divide B·T)
     */
    ReversibleStack(ModelSpec spec, int batch, ParameterSet params, IntFunction<Attention> attention, DataType type,
                    int ffChunks) {
        int rows = batch * spec.sequenceLength();
        if (ffChunks < 1 || rows % ffChunks != 0) {
            throw new IllegalArgumentException("feed-forward chunks " + ffChunks + " must divide batch × length " + rows);
        }
        AttentionShape shape = new AttentionShape(batch, spec.heads(), spec.sequenceLength(), spec.headWidth());
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            Attention layerAttention = attention.apply(i);
            f.add(block(params, h + ".ln1", h + ".attn", rows, 1, spec.width(), type,
                    (sd, x, w) -> TransformerGraph.attentionBlock(sd, h, TransformerGraph.layerNorm(sd, x, w, h + ".ln1"),
                            w, layerAttention, shape)));
            g.add(block(params, h + ".ln2", h + ".mlp", rows / ffChunks, ffChunks, spec.width(), type,
                    (sd, x, w) -> TransformerGraph.mlpBlock(sd, h, TransformerGraph.layerNorm(sd, x, w, h + ".ln2"), w)));
        }
    }

    private interface BlockBody {
        SDVariable build(SameDiff sd, SDVariable x, Map<String, SDVariable> w);
    }

    private static Block block(ParameterSet params, String normPrefix, String bodyPrefix, int rows, int chunks, int d,
                               DataType type, BlockBody body) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : params.arrays().entrySet()) {
            if (e.getKey().startsWith(normPrefix + ".") || e.getKey().startsWith(bodyPrefix + ".")) {
                w.put(e.getKey(), sd.var(e.getKey(), e.getValue()));
                names.add(e.getKey());
            }
        }
        SDVariable x = sd.var(IN, org.nd4j.linalg.factory.Nd4j.zeros(type, rows, d));
        SDVariable upstream = sd.placeHolder(UPSTREAM, type, rows, d);
        SDVariable out = body.build(sd, x, w).rename(OUT);                               // [B·T, d]
        sd.setLossVariables(out.mul(upstream).sum());
        return new Block(sd, names, chunks);
    }

    /** (X1, X2) → (Y1, Y2) through every layer, keeping nothing in between. */
    INDArray[] forward(INDArray x1, INDArray x2) {
        INDArray a = x1;
        INDArray b = x2;
        for (int i = 0; i < f.size(); i++) {
            INDArray y1 = a.add(f.get(i).apply(b));
            INDArray y2 = b.add(g.get(i).apply(y1));
            a = y1;
            b = y2;
        }
        return new INDArray[] {a, b};
    }

    /** Gradients of the inputs ("x1", "x2") and of every block parameter, from the top outputs and their gradients. */
    Map<String, INDArray> backward(INDArray y1, INDArray y2, INDArray dy1, INDArray dy2) {
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (int i = f.size() - 1; i >= 0; i--) {
            Map<String, INDArray> gg = g.get(i).gradients(y1, dy2);                         // through Y2 = X2 + G(Y1)
            INDArray x2 = y2.sub(g.get(i).apply(y1));                                        // recompute X2
            INDArray dY1 = dy1.add(gg.get(IN));
            Map<String, INDArray> fg = f.get(i).gradients(x2, dY1);                          // through Y1 = X1 + F(X2)
            INDArray x1 = y1.sub(f.get(i).apply(x2));                                        // recompute X1
            dy2 = dy2.add(fg.get(IN));
            dy1 = dY1;
            y1 = x1;
            y2 = x2;
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
}
