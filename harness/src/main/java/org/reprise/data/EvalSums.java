package org.reprise.data;

/**
 * Sufficient statistics of an evaluation over scored positions, additive across batches.
 *
 * @param crossEntropyNats sum of −log p(target) in nats
 * @param scored           number of scored positions
 * @param correct          scored positions whose arg-max prediction equals the target
 */
public record EvalSums(double crossEntropyNats, long scored, long correct) {
    public static final EvalSums ZERO = new EvalSums(0, 0, 0);

    public EvalSums plus(EvalSums other) {
        return new EvalSums(crossEntropyNats + other.crossEntropyNats, scored + other.scored, correct + other.correct);
    }

    /** Mean cross-entropy per scored position, in nats. */
    public double meanNats() {
        return crossEntropyNats / scored;
    }

    /**
     * Mean cross-entropy per scored position in bits (bits per byte, or bits per dimension for
     * images): nats ÷ ln 2. A model uniform over 256 byte values scores exactly 8.
     */
    public double meanBits() {
        return meanNats() / Math.log(2);
    }

    public double accuracy() {
        return (double) correct / scored;
    }
}
