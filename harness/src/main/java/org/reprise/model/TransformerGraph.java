package org.reprise.model;

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
 * A decoder-only, pre-LayerNorm Transformer as a SameDiff graph for one static (batch, length).
 *
 * <pre>
 *   H_0 = onehot(x) W_e + W_pos
 *   H_k = H_{k-1} + drop(attn(LN(H_{k-1}))) ; H_k += drop(mlp(LN(H_k)))   (Child et al. 2019 Eqs. 9–14)
 *   loss = mean over scored positions of −log softmax(LN(H_N) W_out + b)[target]
 * </pre>
 *
 * Workarounds for SameDiff 1.0.0-M2.1 (dl4j-notes): the embedding is one-hot × matrix because
 * {@code gather} fails in training (#1); dropout multiplies by a Bernoulli mask because
 * {@code nn.dropout} has no gradient (#2); the loss is written out as −Σ onehot·logSoftmax because
 * {@code sparseSoftmaxCrossEntropy}'s gradient is B·T times too large (#3); {@code logSoftmax} is
 * taken over the last dimension of a 2-D tensor because an explicit dimension breaks gradients (#4).
 *
 * <p>Parameters are the arrays of a {@link ParameterSet}, shared by reference between the training
 * graph (with dropout) and the evaluation graph (without), so an optimizer update is seen by both.
 */
final class TransformerGraph {
    static final String TOKENS = "tokens";
    static final String TARGETS = "targets";
    static final String MASK = "mask";
    static final String LOSS = "loss";
    static final String CROSS_ENTROPY = "ce";
    static final String LOGITS = "logits";

    private TransformerGraph() {
    }

    /**
     * @param attention the attention of layer r (layers may differ: interleaved patterns, Child et al. §5.1)
     * @param dropout drop probability at residual adds; 0 builds no dropout ops (the evaluation graph)
     */
    static SameDiff build(ModelSpec spec, int vocab, int batch, ParameterSet params, IntFunction<Attention> attention,
                          double dropout, DataType type) {
        int t = spec.sequenceLength();
        int d = spec.width();
        int rows = batch * t;
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new java.util.HashMap<>();
        for (Map.Entry<String, INDArray> e : params.arrays().entrySet()) {
            w.put(e.getKey(), sd.var(e.getKey(), e.getValue()));
        }
        SDVariable tokens = sd.placeHolder(TOKENS, DataType.INT32, batch, t);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.INT32, rows);
        SDVariable mask = sd.placeHolder(MASK, type, rows);

        SDVariable oneHot = sd.oneHot("x.onehot", sd.reshape(tokens, rows), vocab, -1, 1.0, 0.0, type); // [B·T, V]
        SDVariable tokenEmb = sd.reshape(oneHot.mmul(w.get("wte")), batch, t, d);                        // [B, T, d]
        SDVariable x = sd.reshape(tokenEmb.add(positions(sd, spec, w, type)), rows, d);                  // [B·T, d]

        AttentionShape shape = new AttentionShape(batch, spec.heads(), t, spec.headWidth());
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            SDVariable a = attentionBlock(sd, h, layerNorm(sd, x, w, h + ".ln1"), w, attention.apply(i), shape);
            x = x.add(h + ".resid1", dropout(sd, a, dropout, rows, d, type));
            SDVariable m = mlpBlock(sd, h, layerNorm(sd, x, w, h + ".ln2"), w);
            x = x.add(h + ".resid2", dropout(sd, m, dropout, rows, d, type));
        }
        SDVariable logits = layerNorm(sd, x, w, "lnf").mmul(w.get("head.w")).add(LOGITS, w.get("head.b")); // [B·T, V]
        SDVariable logProbs = sd.nn.logSoftmax(logits);                                                   // [B·T, V]
        SDVariable targetHot = sd.oneHot("y.onehot", targets, vocab, -1, 1.0, 0.0, type);
        SDVariable ce = targetHot.mul(logProbs).sum(1).neg().rename(CROSS_ENTROPY);                      // [B·T]
        SDVariable loss = ce.mul(mask).sum().div(mask.sum()).rename(LOSS);                               // scalar
        sd.setLossVariables(loss);
        return sd;
    }

    /** [T, d]: a learned table, or W_row[⌊i/l⌋] + W_col[i mod l] (Child et al. 2019 Eq. 15, text). */
    private static SDVariable positions(SameDiff sd, ModelSpec spec, Map<String, SDVariable> w, DataType type) {
        if (spec.embedding() != org.reprise.manifest.EmbeddingKind.FACTORIZED) {
            return w.get("wpe");
        }
        int t = spec.sequenceLength();
        int l = spec.attention().parameter("stride", 1);
        float[] row = new float[t * (t / l)];
        float[] col = new float[t * l];
        for (int i = 0; i < t; i++) {
            row[i * (t / l) + i / l] = 1f;
            col[i * l + i % l] = 1f;
        }
        SDVariable rowHot = sd.constant("pos.row", org.nd4j.linalg.factory.Nd4j.create(row, new long[] {t, t / l}, DataType.FLOAT).castTo(type));
        SDVariable colHot = sd.constant("pos.col", org.nd4j.linalg.factory.Nd4j.create(col, new long[] {t, l}, DataType.FLOAT).castTo(type));
        return rowHot.mmul(w.get("wpe.row")).add(colHot.mmul(w.get("wpe.col")));                    // [T, d]
    }

    static SDVariable attentionBlock(SameDiff sd, String h, SDVariable x, Map<String, SDVariable> w,
                                             Attention attention, AttentionShape s) {
        SDVariable q = heads(sd, x.mmul(w.get(h + ".attn.wq")).add(w.get(h + ".attn.bq")), s);
        SDVariable k = attention.sharesQueryKey() ? q                                  // shared-QK (Reformer §3)
                : heads(sd, x.mmul(w.get(h + ".attn.wk")).add(w.get(h + ".attn.bk")), s);
        SDVariable v = heads(sd, x.mmul(w.get(h + ".attn.wv")).add(w.get(h + ".attn.bv")), s);
        SDVariable out = attention.attend(sd, h + ".attn", q, k, v, s);                 // [B, H, T, Dh]
        SDVariable merged = sd.reshape(sd.permute(out, 0, 2, 1, 3),
                (long) s.batch() * s.length(), (long) s.heads() * s.headWidth());        // [B·T, d]
        return merged.mmul(w.get(h + ".attn.wo")).add(w.get(h + ".attn.bo"));
    }

    /** [B·T, d] → [B, H, T, Dh]. */
    private static SDVariable heads(SameDiff sd, SDVariable x, AttentionShape s) {
        SDVariable split = sd.reshape(x, s.batch(), s.length(), s.heads(), s.headWidth()); // [B, T, H, Dh]
        return sd.permute(split, 0, 2, 1, 3);                                           // [B, H, T, Dh]
    }

    static SDVariable mlpBlock(SameDiff sd, String h, SDVariable x, Map<String, SDVariable> w) {
        // GELU is SameDiff's x·σ(1.702x), the approximation Child et al. use (§5.2; dl4j-notes #6)
        SDVariable hidden = sd.nn.gelu(x.mmul(w.get(h + ".mlp.w1")).add(w.get(h + ".mlp.b1"))); // [B·T, ff]
        return hidden.mmul(w.get(h + ".mlp.w2")).add(w.get(h + ".mlp.b2"));                   // [B·T, d]
    }

    static SDVariable layerNorm(SameDiff sd, SDVariable x, Map<String, SDVariable> w, String name) {
        return sd.nn.layerNorm(x, w.get(name + ".g"), w.get(name + ".b"), false, 1);
    }

    /** Inverted dropout by an explicit Bernoulli mask (dl4j-notes #2); identity when p = 0. */
    private static SDVariable dropout(SameDiff sd, SDVariable x, double p, int rows, int cols, DataType type) {
        if (p == 0) {
            return x;
        }
        double keep = 1 - p;
        return x.mul(sd.random.bernoulli(keep, type, rows, cols)).div(keep);
    }
}
