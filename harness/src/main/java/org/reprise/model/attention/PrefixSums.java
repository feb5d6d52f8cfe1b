package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exclusive prefix sums by matrix products, because ND4J 1.0.0-M2.1's {@code cumsum} leaks native
 * memory on every call (see {@link RowScatter}). The axis of length L is cut into blocks of s ≈ √L:
 * a strictly lower-triangular [s, s] product sums within each block and one [L/s, L/s] product sums
 * the block totals before it, O(L^1.5) work per column instead of L², with no L×L array. Exact in
 * float32 for sums below 2^24 (the LSH counting sort sums 0/1 entries over at most L positions).
 */
final class PrefixSums {
    private PrefixSums() {
    }

    /** {@code out[m, i, w] = Σ_{j < i} x[m, j, w]} for x [M, L, W], the shape known. */
    static SDVariable exclusive(SameDiff sd, SDVariable x, long m, int length, long width) {
        int s = blockLength(length);
        int nb = length / s;
        DataType type = x.dataType();
        SDVariable blocks = sd.reshape(x, m, nb, s, width);                              // [M, nb, s, W]
        SDVariable columns = sd.reshape(sd.permute(blocks, 2, 0, 1, 3), s, m * nb * width); // [s, M·nb·W]
        SDVariable within = sd.permute(sd.reshape(sd.mmul(strictlyLower(sd, s, type), columns), s, m, nb, width),
                1, 2, 0, 3);                                                             // [M, nb, s, W]
        if (nb > 1) {
            SDVariable totals = sd.reshape(sd.permute(blocks.sum(2), 1, 0, 2), nb, m * width); // [nb, M·W]
            SDVariable before = sd.permute(sd.reshape(sd.mmul(strictlyLower(sd, nb, type), totals), nb, m, width),
                    1, 0, 2);                                                            // [M, nb, W]
            within = within.add(sd.expandDims(before, 2));
        }
        return sd.reshape(within, m, length, width);
    }

    /** The divisor of L nearest √L from below (1 for a prime L: then one product of L² per column). */
    static int blockLength(int length) {
        int s = (int) Math.floor(Math.sqrt(length));
        while (length % s != 0) {
            s--;
        }
        return s == 1 ? length : s;
    }

    private static SDVariable strictlyLower(SameDiff sd, int n, DataType type) {
        float[] values = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                values[i * n + j] = 1f;
            }
        }
        INDArray lower = Nd4j.create(values, new long[] {n, n}, DataType.FLOAT).castTo(type);
        return sd.constant(lower);
    }
}
