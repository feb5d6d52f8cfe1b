package org.reprise.launch;

import org.reprise.run.PlannedCell;

/**
 * One cell's line of a status.
 *
 * @param task   the Slurm task that last ran it ({@code <job>_<index>}), "" when never submitted
 * @param detail Slurm's state and reason, or the record's metrics or failure reason
 * @param log    the task's output file, "" when never submitted
 */
public record CellStatus(PlannedCell cell, CellState state, String task, String detail, String log) {
}
