package org.reprise.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.manifest.ModelSpec;

/**
 * The Transformer's parameters by name, initialised from one seed on the Java side (so the values
 * do not depend on ND4J's RNG). Scheme, after Child et al. 2019 §5 and GPT-2: weights N(0, 0.02²),
 * projections into the residual stream scaled by 1/√(2N), biases 0, LayerNorm gains 1, and the
 * output matrix 0 so the untrained model predicts uniformly (loss exactly ln V). Parameters an
 * attention pattern owns (Linformer's E/F) follow their authors' initialisation: Xavier-uniform with
 * gain 1/√2 per [k, n] matrix ({@link org.reprise.model.attention.LinformerAttention#INIT_GAIN}).
 */
final class ParameterSet {
    static final double INIT_STD = 0.02;

    private final Map<String, INDArray> arrays = new LinkedHashMap<>();

    static ParameterSet initialise(ModelSpec spec, int vocab, long seed, DataType type) {
        ParameterSet p = new ParameterSet();
        Random random = new Random(seed);
        int d = spec.width();
        double residualStd = INIT_STD / Math.sqrt(2.0 * spec.layers());
        p.normal("wte", random, INIT_STD, type, vocab, d);
        if (spec.embedding() == org.reprise.manifest.EmbeddingKind.FACTORIZED) {
            // two tables (n_emb = 2) whose sum has the variance of one (Child et al. §5.2: N(0, ·/(d·n_emb)))
            int stride = spec.attention().parameter("stride", 1);
            p.normal("wpe.row", random, INIT_STD / Math.sqrt(2), type, spec.sequenceLength() / stride, d);
            p.normal("wpe.col", random, INIT_STD / Math.sqrt(2), type, stride, d);
        } else if (spec.embedding() == org.reprise.manifest.EmbeddingKind.IMAGE) {
            // three tables (n_emb = 3: row, column, channel) whose sum has the variance of one table
            org.reprise.data.ImageLayout image = org.reprise.data.ImageLayout.ofLength(spec.sequenceLength());
            p.normal("wpe.row", random, INIT_STD / Math.sqrt(3), type, image.height(), d);
            p.normal("wpe.col", random, INIT_STD / Math.sqrt(3), type, image.width(), d);
            p.normal("wpe.chan", random, INIT_STD / Math.sqrt(3), type, image.channels(), d);
        } else {
            p.normal("wpe", random, INIT_STD, type, spec.sequenceLength(), d);
        }
        for (int i = 0; i < spec.layers(); i++) {
            String h = "h" + i;
            p.constant(h + ".ln1.g", 1, type, d);
            p.constant(h + ".ln1.b", 0, type, d);
            p.normal(h + ".attn.wq", random, INIT_STD, type, d, d);
            boolean sharedQk = org.reprise.model.attention.Attentions.sharesQueryKey(spec.attention());
            if (!sharedQk) { // shared-QK (Reformer §3) has one projection for queries and keys
                p.normal(h + ".attn.wk", random, INIT_STD, type, d, d);
            }
            p.normal(h + ".attn.wv", random, INIT_STD, type, d, d);
            p.constant(h + ".attn.bq", 0, type, d);
            if (!sharedQk) {
                p.constant(h + ".attn.bk", 0, type, d);
            }
            p.constant(h + ".attn.bv", 0, type, d);
            for (Map.Entry<String, long[]> e : org.reprise.model.attention.Attentions.parameters(
                    spec.attention(), i, spec.heads(), spec.sequenceLength()).entrySet()) {
                if (!p.arrays.containsKey(e.getKey())) { // a layerwise-shared projection is created once
                    p.xavierUniform(e.getKey(), random, org.reprise.model.attention.LinformerAttention.INIT_GAIN, type, e.getValue());
                }
            }
            p.normal(h + ".attn.wo", random, residualStd, type, d, d);
            p.constant(h + ".attn.bo", 0, type, d);
            p.constant(h + ".ln2.g", 1, type, d);
            p.constant(h + ".ln2.b", 0, type, d);
            p.normal(h + ".mlp.w1", random, INIT_STD, type, d, spec.ffWidth());
            p.constant(h + ".mlp.b1", 0, type, spec.ffWidth());
            p.normal(h + ".mlp.w2", random, residualStd, type, spec.ffWidth(), d);
            p.constant(h + ".mlp.b2", 0, type, d);
        }
        p.constant("lnf.g", 1, type, d);
        p.constant("lnf.b", 0, type, d);
        p.constant("head.w", 0, type, d, vocab);
        p.constant("head.b", 0, type, vocab);
        return p;
    }

    Map<String, INDArray> arrays() {
        return arrays;
    }

    INDArray get(String name) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalStateException("no parameter named " + name);
        }
        return array;
    }

    long count() {
        return arrays.values().stream().mapToLong(INDArray::length).sum();
    }

    /**
     * Weight decay applies to weight matrices (rank 2, or 3 for Linformer's per-head projections
     * [H, k, n]), not to biases or LayerNorm gains.
     */
    static boolean decays(INDArray array) {
        return array.rank() >= 2;
    }

    private void normal(String name, Random random, double std, DataType type, long... shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * std;
        }
        arrays.put(name, Nd4j.create(values, shape, DataType.DOUBLE).castTo(type));
    }

    /** U(−a, a), a = gain·√(6 / (fan_in + fan_out)) over the last two axes [fan_out, fan_in] (Glorot &amp; Bengio 2010). */
    private void xavierUniform(String name, Random random, double gain, DataType type, long... shape) {
        long fanOut = shape[shape.length - 2];
        long fanIn = shape[shape.length - 1];
        double bound = gain * Math.sqrt(6.0 / (fanIn + fanOut));
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (2 * random.nextDouble() - 1) * bound;
        }
        arrays.put(name, Nd4j.create(values, shape, DataType.DOUBLE).castTo(type));
    }

    private void constant(String name, double value, DataType type, long... shape) {
        arrays.put(name, Nd4j.valueArrayOf(shape, value, type));
    }
}
