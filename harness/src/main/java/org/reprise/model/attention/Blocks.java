package org.reprise.model.attention;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Block layout shared by the block-sparse attentions: a sequence of T positions is viewed as
 * T/l blocks of l (row b, column p holds position b·l + p), so "same block", "previous block" and
 * "same column" are reshapes, slices and permutes, never an n×n matrix.
 */
final class Blocks {
    /** Added to masked scores; large enough that exp underflows to exactly 0 in float32. */
    static final float MASKED = (float) DenseCausalAttention.MASKED;

    private Blocks() {
    }

    static void requireDivides(int stride, AttentionShape s, String what) {
        if (stride < 1 || s.length() % stride != 0) {
            throw new IllegalArgumentException(what + " stride " + stride + " must divide the sequence length "
                    + s.length() + " (set model.attention.stride to a divisor of model.sequence_length)");
        }
    }

    /** [B, H, T, Dh] → [B, H, T/l, l, Dh]. */
    static SDVariable split(SameDiff sd, SDVariable x, AttentionShape s, int l) {
        return sd.reshape(x, s.batch(), s.heads(), s.length() / l, l, s.headWidth());
    }

    /** [B, H, T/l, l, Dh] → [B, H, T, Dh]. */
    static SDVariable merge(SameDiff sd, SDVariable x, AttentionShape s) {
        return sd.reshape(x, s.batch(), s.heads(), s.length(), s.headWidth());
    }

    /** Block b − 1 at block index b, zeros at b = 0: [B, H, nb, l, Dh] → [B, H, nb, l, Dh]. */
    static SDVariable previous(SameDiff sd, String name, SDVariable blocks, AttentionShape s, int l) {
        int nb = s.length() / l;
        SDVariable zeros = sd.constant(name, Nd4j.zeros(blocks.dataType(), s.batch(), s.heads(), 1, l, s.headWidth()));
        if (nb == 1) {
            return zeros;
        }
        SDVariable earlier = sd.slice(blocks, new int[] {0, 0, 0, 0, 0},
                s.batch(), s.heads(), nb - 1, l, s.headWidth());                       // [B, H, nb−1, l, Dh]
        return sd.concat(2, zeros, earlier);                                            // [B, H, nb, l, Dh]
    }

    /** Additive mask constant of the given shape from a boolean "allowed" array in row-major order. */
    static SDVariable mask(SameDiff sd, String name, boolean[] allowed, DataType type, long... shape) {
        float[] values = new float[allowed.length];
        for (int i = 0; i < allowed.length; i++) {
            values[i] = allowed[i] ? 0f : MASKED;
        }
        return sd.constant(name, Nd4j.create(values, shape, DataType.FLOAT).castTo(type));
    }

    /** Slice [from, from + size) of the last axis of a rank-5 tensor. */
    static SDVariable lastAxis(SameDiff sd, SDVariable x, long[] shape, int from, int size) {
        int[] size5 = {(int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3], size};
        return sd.slice(x, new int[] {0, 0, 0, 0, from}, size5);
    }
}
