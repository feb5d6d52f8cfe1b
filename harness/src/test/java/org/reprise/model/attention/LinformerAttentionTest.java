package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.model.Engine;
import org.reprise.model.attention.LinformerAttention.Sharing;

/** Linformer's output equals head_i = softmax(Q (E_i K)ᵀ/√d)(F_i V) computed in plain Java, per sharing option. */
class LinformerAttentionTest {
    private static final int B = 2;
    private static final int H = 2;
    private static final int T = 16;
    private static final int DH = 4;
    private static final int K = 5;

    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @ParameterizedTest
    @EnumSource(Sharing.class)
    void outputEqualsTheFormula(Sharing sharing) {
        AttentionShape shape = new AttentionShape(B, H, T, DH);
        INDArray[] x = AttentionHarness.inputs(shape, 9);
        String[] names = LinformerAttention.projectionNames(sharing, 0);
        Nd4j.getRandom().setSeed(10);
        INDArray e = Nd4j.randn(DataType.FLOAT, LinformerAttention.projectionShape(sharing, H, K, T)).div(Math.sqrt(K));
        INDArray f = names[0].equals(names[1]) ? e : Nd4j.randn(DataType.FLOAT, e.shape()).div(Math.sqrt(K));
        SameDiff sd = SameDiff.create();
        sd.var(names[0], e);
        if (!names[0].equals(names[1])) {
            sd.var(names[1], f);
        }
        SDVariable out = new LinformerAttention(K, sharing, 0).attend(sd, "attn",
                sd.var("q", x[0]), sd.var("k", x[1]), sd.var("v", x[2]), shape);

        INDArray actual = sd.outputSingle(Map.of(), out.name());

        for (int b = 0; b < B; b++) {
            for (int h = 0; h < H; h++) {
                double[][] expected = head(x, e, f, sharing == Sharing.NONE, b, h);
                for (int i = 0; i < T; i++) {
                    for (int d = 0; d < DH; d++) {
                        assertThat(actual.getDouble(b, h, i, d)).isCloseTo(expected[i][d], org.assertj.core.data.Offset.offset(1e-4));
                    }
                }
            }
        }
    }

    private static double[][] head(INDArray[] x, INDArray e, INDArray f, boolean perHead, int b, int h) {
        double[][] kp = new double[K][DH];
        double[][] vp = new double[K][DH];
        for (int r = 0; r < K; r++) {
            for (int j = 0; j < T; j++) {
                double er = perHead ? e.getDouble(h, r, j) : e.getDouble(r, j);
                double fr = perHead ? f.getDouble(h, r, j) : f.getDouble(r, j);
                for (int d = 0; d < DH; d++) {
                    kp[r][d] += er * x[1].getDouble(b, h, j, d);
                    vp[r][d] += fr * x[2].getDouble(b, h, j, d);
                }
            }
        }
        double[][] out = new double[T][DH];
        for (int i = 0; i < T; i++) {
            double[] s = new double[K];
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < K; r++) {
                for (int d = 0; d < DH; d++) {
                    s[r] += x[0].getDouble(b, h, i, d) * kp[r][d] / Math.sqrt(DH);
                }
                max = Math.max(max, s[r]);
            }
            double z = 0;
            for (int r = 0; r < K; r++) {
                s[r] = Math.exp(s[r] - max);
                z += s[r];
            }
            for (int r = 0; r < K; r++) {
                for (int d = 0; d < DH; d++) {
                    out[i][d] += s[r] / z * vp[r][d];
                }
            }
        }
        return out;
    }
}
