package org.reprise.launch;

import org.reprise.run.RunCell;

/**
 * One element of a sweep's job array: the index sbatch knows ({@code SLURM_ARRAY_TASK_ID}) and the
 * cell it runs. The index is the cell's position in the plan, so it is the same in every submission
 * of the same plan.
 *
 * @param configHash the hash the task checks before running, so a task never runs a changed manifest
 */
public record ArrayTask(int index, String variant, long seed, String configHash) {
    static ArrayTask of(int index, RunCell cell) {
        return new ArrayTask(index, cell.variant(), cell.seed(), cell.configHash());
    }

    /** {@code variant/seed-n}, as folders name it. */
    public String cell() {
        return variant + "/seed-" + seed;
    }
}
