package org.reprise.manifest;

/** How a claim is tested. */
public enum ClaimKind implements Choice {
    /** Ours equals the paper's value within ±tolerance (two one-sided tests). */
    EQUIVALENT,
    /** Ours is no worse than the paper's value by more than the tolerance (one-sided). */
    NOT_WORSE,
    /** Variant {@code variant} beats variant {@code versus} on the metric (from our own runs). */
    BETTER_THAN
}
