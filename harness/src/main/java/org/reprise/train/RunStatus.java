package org.reprise.train;

/** How a run ended. Failure is a result: every planned cell ends in one of these. */
public enum RunStatus {
    COMPLETED,
    /** The loss became NaN or infinite. */
    DIVERGED,
    /** An exception ended the run; the record carries the reason. */
    FAILED
}
