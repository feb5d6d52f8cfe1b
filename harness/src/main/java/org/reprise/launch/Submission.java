package org.reprise.launch;

import java.util.List;

/**
 * One submitted job array, as {@code results/<experiment>/.launch/submissions.json} records it.
 *
 * @param jobId       Slurm's id of the array job
 * @param submittedAt ISO-8601 instant
 * @param script      the batch script that was submitted
 * @param array       the {@code --array} indices, e.g. {@code 0-3} or {@code 2}
 * @param tasks       the cells those indices run
 * @param logDir      where the tasks' output is, one {@code <jobId>_<index>.log} each
 */
public record Submission(String jobId, String submittedAt, String script, String array, List<ArrayTask> tasks,
                         String logDir) {
    public Submission {
        tasks = List.copyOf(tasks);
    }

    /** {@code <jobId>_<index>}, as Slurm names the task. */
    public String taskId(ArrayTask task) {
        return jobId + "_" + task.index();
    }
}
