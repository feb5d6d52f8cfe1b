package org.reprise.nightly;

/** The gate's judgement of one metric tonight. */
public enum GateVerdict {
    /** Equivalent to the baseline band (two one-sided tests). */
    PASS,
    /** Shown to differ from the baseline by more than the tolerance. */
    DRIFT,
    /** A seed did not complete (failed or diverged), or no run arrived. */
    FAILED_RUN,
    /** Neither shown equal nor shown different: too few seeds or too much spread. Not a pass. */
    INCONCLUSIVE,
    /** Tonight measured a metric that has no baseline yet, or only one from another configuration of its variant. */
    NO_BASELINE;

    /** Whether this verdict alone makes the nightly fail. */
    public boolean fails() {
        return this == DRIFT || this == FAILED_RUN;
    }
}
