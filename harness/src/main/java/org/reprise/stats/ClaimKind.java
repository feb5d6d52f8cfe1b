package org.reprise.stats;

/** How a paper's value is to be matched. */
public enum ClaimKind {
    /** Ours equals the paper's value within ±δ (two one-sided tests). */
    EQUIVALENT,
    /**
     * Ours is no worse than the paper's value by more than δ (one-sided non-inferiority): at
     * most paper + δ when lower is better, at least paper − δ when higher is better.
     */
    NOT_WORSE
}
