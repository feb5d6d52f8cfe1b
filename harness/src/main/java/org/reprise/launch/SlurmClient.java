package org.reprise.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What the launcher asks of Slurm, behind one small interface so scripts and status can be tested
 * without a cluster. Array tasks are named {@code <jobId>_<index>}, as Slurm prints them.
 */
public interface SlurmClient {
    /** Submits a batch script from {@code workingDir} without waiting for it to run; returns the job id. */
    String submit(Path script, Path workingDir) throws SlurmException;

    /**
     * States of the array tasks of {@code jobIds} that the controller still knows: pending, running,
     * and those finished within its {@code MinJobAge}.
     */
    Map<String, TaskState> queue(Set<String> jobIds) throws SlurmException;

    /** Final states from the accounting database ({@code sacct}); unavailable when accounting is not configured. */
    Accounting accounting(Set<String> jobIds);

    /**
     * One array task's state as Slurm names it.
     *
     * @param state  e.g. PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, PREEMPTED
     * @param reason Slurm's reason or exit code, "" when none
     */
    record TaskState(String state, String reason) {
        /** Waiting to start (or to restart after a requeue). */
        public boolean pending() {
            return Set.of("PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESV_DEL_HOLD", "SPECIAL_EXIT")
                    .contains(state);
        }

        public boolean running() {
            return Set.of("RUNNING", "COMPLETING", "STAGE_OUT", "SIGNALING", "RESIZING", "SUSPENDED", "STOPPED")
                    .contains(state);
        }
    }

    /**
     * @param available whether sacct answered
     * @param note      why it is unavailable ("" when available)
     */
    record Accounting(boolean available, String note, Map<String, TaskState> states) {
        public Accounting {
            states = Map.copyOf(states);
        }

        public static Accounting unavailable(String note) {
            return new Accounting(false, note, Map.of());
        }
    }

    /** A Slurm command failed or is missing; the message says which and what it printed. */
    final class SlurmException extends Exception {
        private static final long serialVersionUID = 1L;

        public SlurmException(String message) {
            super(message);
        }
    }
}
