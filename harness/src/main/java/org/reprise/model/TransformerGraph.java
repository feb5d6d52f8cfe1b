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

        SDVariable x = embed(sd, spec, w, tokens, vocab, batch, type);                                   // [B·T, d]

        AttentionShape shape = new AttentionShape(batch, spec.heads(), t, spec.headWidth());
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            SDVariable a = attentionBlock(sd, h, layerNorm(sd, x, w, h + ".ln1"), w, attention.apply(i), shape);
            x = x.add(h + ".resid1", dropout(sd, a, dropout, rows, d, type));
            SDVariable m = mlpBlock(sd, h, layerNorm(sd, x, w, h + ".ln2"), w);
            x = x.add(h + ".resid2", dropout(sd, m, dropout, rows, d, type));
        }
        sd.setLossVariables(headLoss(sd, x, w, targets, mask, vocab, type));
        return sd;
    }

    /** H_0 = onehot(x) W_e + positions: [B·T, d] from tokens [B, T]. */
    static SDVariable embed(SameDiff sd, ModelSpec spec, Map<String, SDVariable> w, SDVariable tokens, int vocab, int batch,
                            DataType type) {
        int t = spec.sequenceLength();
        int d = spec.width();
        SDVariable oneHot = sd.oneHot("x.onehot", sd.reshape(tokens, (long) batch * t), vocab, -1, 1.0, 0.0, type); // [B·T, V]
        SDVariable tokenEmb = sd.reshape(oneHot.mmul(w.get("wte")), batch, t, d);                                // [B, T, d]
        return sd.reshape(tokenEmb.add(positions(sd, spec, w, type)), (long) batch * t, d);                      // [B·T, d]
    }

    /** The masked mean cross-entropy of LN(x) W_out + b, naming {@link #LOGITS}, {@link #CROSS_ENTROPY} and {@link #LOSS}. */
    static SDVariable headLoss(SameDiff sd, SDVariable x, Map<String, SDVariable> w, SDVariable targets, SDVariable mask,
                               int vocab, DataType type) {
        SDVariable logits = layerNorm(sd, x, w, "lnf").mmul(w.get("head.w")).add(LOGITS, w.get("head.b")); // [B·T, V]
        SDVariable logProbs = sd.nn.logSoftmax(logits);                                                   // [B·T, V]
        SDVariable targetHot = sd.oneHot("y.onehot", targets, vocab, -1, 1.0, 0.0, type);
        SDVariable ce = targetHot.mul(logProbs).sum(1).neg().rename(CROSS_ENTROPY);                      // [B·T]
        return ce.mul(mask).sum().div(mask.sum()).rename(LOSS);                                          // scalar
    }

    /**
     * [T, d]: a learned table; for text W_row[⌊i/l⌋] + W_col[i mod l] (Child et al. 2019 Eq. 15, n_emb = 2);
     * for images W_row[row] + W_col[column] + W_chan[channel] (n_emb = 3). Each lookup is a constant
     * one-hot matrix times the table, as for tokens (gather fails in training, dl4j-notes #1).
     */
    static SDVariable positions(SameDiff sd, ModelSpec spec, Map<String, SDVariable> w, DataType type) {
        int t = spec.sequenceLength();
        return switch (spec.embedding()) {
            case LEARNED -> w.get("wpe");
            case FACTORIZED -> {
                int l = spec.attention().parameter("stride", 1);
                yield lookup(sd, "pos.row", t, t / l, i -> i / l, type).mmul(w.get("wpe.row"))
                        .add(lookup(sd, "pos.col", t, l, i -> i % l, type).mmul(w.get("wpe.col")));       // [T, d]
            }
            case IMAGE -> {
                org.reprise.data.ImageLayout image = org.reprise.data.ImageLayout.ofLength(t);
                yield lookup(sd, "pos.row", t, image.height(), image::row, type).mmul(w.get("wpe.row"))
                        .add(lookup(sd, "pos.col", t, image.width(), image::column, type).mmul(w.get("wpe.col")))
                        .add(lookup(sd, "pos.chan", t, image.channels(), image::channel, type).mmul(w.get("wpe.chan"))); // [T, d]
            }
        };
    }

    /** A constant [T, size] one-hot matrix selecting row index(i) for position i. */
    private static SDVariable lookup(SameDiff sd, String name, int t, int size, java.util.function.IntUnaryOperator index,
                                     DataType type) {
        float[] hot = new float[t * size];
        for (int i = 0; i < t; i++) {
            hot[i * size + index.applyAsInt(i)] = 1f;
        }
        return sd.constant(name, org.nd4j.linalg.factory.Nd4j.create(hot, new long[] {t, size}, DataType.FLOAT).castTo(type));
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
