package org.reprise.data;

/**
 * A batch of token sequences, flattened row-major as [batch, length].
 *
 * @param batchSize sequences in the batch (B)
 * @param length    tokens per sequence (T)
 * @param inputs    input token ids, B·T
 * @param targets   the token each position must predict, B·T
 * @param mask      1 where the prediction is scored, 0 where it is not, B·T
 */
public record Batch(int batchSize, int length, int[] inputs, int[] targets, float[] mask) {
    public Batch {
        int n = batchSize * length;
        if (inputs.length != n || targets.length != n || mask.length != n) {
            throw new IllegalArgumentException("batch arrays must hold " + batchSize + "×" + length + " = " + n
                    + " entries; got inputs " + inputs.length + ", targets " + targets.length + ", mask " + mask.length);
        }
    }

    /** Number of scored positions. */
    public long scoredPositions() {
        long count = 0;
        for (float m : mask) {
            if (m != 0f) {
                count++;
            }
        }
        return count;
    }
}
