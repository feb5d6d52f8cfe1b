package org.reprise.data;

/** Derives independent 64-bit seeds from (stream seed, index) with the SplitMix64 finaliser. */
public final class StreamSeeds {
    private StreamSeeds() {
    }

    /** A well-mixed seed for item {@code index} of the stream {@code seed}. */
    public static long derive(long seed, long index) {
        return mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014): a bijection with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
