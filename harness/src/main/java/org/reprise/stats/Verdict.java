package org.reprise.stats;

/** Outcome of checking a claim against runs. */
public enum Verdict {
    /** The data support the claim at the stated error rate. */
    REPRODUCED,
    /** The data contradict the claim at the stated error rate. */
    NOT_REPRODUCED,
    /** The data decide neither way; the verdict says what would. */
    INCONCLUSIVE
}
