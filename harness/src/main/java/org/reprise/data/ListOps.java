package org.reprise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * LRA ListOps (Tay et al. 2021; generator {@code lra_benchmarks/data/listops.py}), generated from its
 * published rules. A tree with its root at depth 1: below depth 10 draw r ~ U(0,1), else r = 1; if
 * r &gt; 0.25 it is a leaf, a uniform value 0–9; otherwise a uniform operator of MIN, MAX, MED, SM
 * (sum mod 10) with 2–10 children one level deeper. An example is kept only if 500 &lt; length &lt; 2000
 * (values, operators and closing brackets) and not seen before. The label is the tree's value.
 *
 * <p>Tokens are LRA's 15 types after its pipeline drops parentheses and turns "]" into "X": pad 0,
 * values 0–9 as ids 1–10, [MIN 11, [MAX 12, [MED 13, [SM 14, X 15; Reprise adds CLS 16.
 */
public final class ListOps {
    public static final int PAD = 0;
    public static final int MIN = 11;
    public static final int MAX = 12;
    public static final int MED = 13;
    public static final int SM = 14;
    public static final int CLOSE = 15;
    public static final int CLS = 16;
    public static final int VOCAB = 17;
    public static final int CLASSES = 10;

    static final int MAX_DEPTH = 10;
    static final int MAX_ARGS = 10;
    static final double VALUE_P = 0.25;
    /** Kept lengths are strictly between these. */
    static final int MIN_LENGTH = 500;
    static final int MAX_LENGTH = 2000;

    /** One example: token ids (each &lt; {@link #CLS}) and the class, 0–9. */
    public record Example(byte[] tokens, int label) {
    }

    private ListOps() {
    }

    /** Token id of a value 0–9. */
    public static int valueToken(int value) {
        return 1 + value;
    }

    /**
     * {@code count} distinct examples from the stream {@code seed}, none of them in {@code seen}
     * (which receives them), so splits generated one after another never overlap.
     */
    public static List<Example> generate(long seed, int count, Set<Tokens> seen) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>(count);
        Buffer buffer = new Buffer();
        while (out.size() < count) {
            buffer.size = 0;
            int value = node(random, 1, buffer);
            // An over-long tree is abandoned as soon as it reaches MAX_LENGTH: it could never be kept.
            if (value >= 0 && buffer.size > MIN_LENGTH && buffer.size < MAX_LENGTH) {
                byte[] tokens = Arrays.copyOf(buffer.tokens, buffer.size);
                if (seen.add(new Tokens(tokens))) {
                    out.add(new Example(tokens, value));
                }
            }
        }
        return out;
    }

    /** Writes one subtree's tokens; returns its value, or −1 once the example is too long to keep. */
    private static int node(SplittableRandom random, int depth, Buffer out) {
        double r = depth < MAX_DEPTH ? random.nextDouble() : 1;
        if (r > VALUE_P) {
            int value = random.nextInt(CLASSES);
            return out.add(valueToken(value)) ? value : -1;
        }
        int operator = MIN + random.nextInt(4);
        int children = 2 + random.nextInt(MAX_ARGS - 1);
        if (!out.add(operator)) {
            return -1;
        }
        int[] values = new int[children];
        for (int i = 0; i < children; i++) {
            values[i] = node(random, depth + 1, out);
            if (values[i] < 0) {
                return -1;
            }
        }
        return out.add(CLOSE) ? apply(operator, values) : -1;
    }

    /** MIN, MAX, MED = int(np.median) (mean of the middle two, truncated), SM = sum mod 10. */
    static int apply(int operator, int[] values) {
        return switch (operator) {
            case MIN -> Arrays.stream(values).min().orElseThrow();
            case MAX -> Arrays.stream(values).max().orElseThrow();
            case MED -> {
                int[] sorted = values.clone();
                Arrays.sort(sorted);
                int n = sorted.length;
                yield n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
            case SM -> Arrays.stream(values).sum() % 10;
            default -> throw new IllegalArgumentException("not an operator token: " + operator);
        };
    }

    /** Token sequences compared by content, for de-duplication. */
    public record Tokens(byte[] tokens) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tokens t && Arrays.equals(tokens, t.tokens);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tokens);
        }
    }

    public static Set<Tokens> newSeenSet() {
        return new HashSet<>();
    }

    private static final class Buffer {
        final byte[] tokens = new byte[MAX_LENGTH];
        int size;

        /** False once the example reaches MAX_LENGTH tokens. */
        boolean add(int token) {
            if (size >= MAX_LENGTH - 1) {
                size = MAX_LENGTH;
                return false;
            }
            tokens[size++] = (byte) token;
            return true;
        }
    }
}
