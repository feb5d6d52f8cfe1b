package org.reprise.manifest;

/** How a claim is tested. */
public enum ClaimKind implements Choice {
    /** Ours equals the paper's value within ±tolerance (two one-sided tests). */
    EQUIVALENT,
    /** Ours is no worse than the paper's value by more than the tolerance (one-sided). */
    NOT_WORSE,
    /** Variant {@code variant} beats variant {@code versus} on the metric (from our own runs). */
    BETTER_THAN,
    /**
     * Variant {@code variant} is not worse than variant {@code versus} by more than the tolerance
     * (from our own runs; one-sided non-inferiority), e.g. Reformer's "shared-QK does not perform worse".
     */
    NOT_WORSE_THAN;

    /** True for the kinds that compare two of our variants instead of a paper's value. */
    public boolean comparesVariants() {
        return this == BETTER_THAN || this == NOT_WORSE_THAN;
    }
}
