package org.reprise.launch;

import java.util.Locale;

/** Where one (variant, seed) cell of a sweep stands, from Slurm's queue and accounting and the run records. */
public enum CellState {
    PENDING, RUNNING, COMPLETED, DIVERGED, FAILED,
    /** No record and no task: never submitted, or its task vanished without a trace. */
    MISSING;

    /** Whether a (re)submission should run the cell: anything that is neither done nor queued, as a local rerun would. */
    public boolean needsRun() {
        return this == FAILED || this == DIVERGED || this == MISSING;
    }

    public boolean active() {
        return this == PENDING || this == RUNNING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
