package org.reprise.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reprise.launch.SlurmClient.Accounting;
import org.reprise.launch.SlurmClient.SlurmException;
import org.reprise.launch.SlurmClient.TaskState;
import org.reprise.run.ConfigHash;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunLine;
import org.reprise.run.RunRecord;

/**
 * The state of every planned cell of a sweep, joining three sources: the queue ({@code squeue}:
 * pending, running and recently finished tasks), accounting ({@code sacct}, when the cluster has
 * it) and the run records. A queued or running task wins over an older record; otherwise a record
 * with the planned configuration hash decides; a task that ended without a record is FAILED.
 *
 * @param note what the status could not see (e.g. accounting unavailable), "" when nothing
 */
public record SweepStatus(String experiment, List<CellStatus> cells, String note) {
    public SweepStatus {
        cells = List.copyOf(cells);
    }

    /**
     * @param slurm null to read the records alone (nothing was submitted, or a dry run)
     * @throws SlurmException when the queue cannot be read
     */
    public static SweepStatus collect(String experiment, List<PlannedCell> plan, ResultsStore store,
                                      List<Submission> submissions, SlurmClient slurm) throws IOException, SlurmException {
        Set<String> jobIds = new HashSet<>();
        submissions.forEach(s -> jobIds.add(s.jobId()));
        Map<String, TaskState> queue = slurm == null || jobIds.isEmpty() ? Map.of() : slurm.queue(jobIds);
        Accounting accounting = null;
        List<CellStatus> cells = new ArrayList<>();
        for (PlannedCell cell : plan) {
            Optional<SubmissionLog.Latest> latest = SubmissionLog.latest(submissions, cell.variant(), cell.seed());
            String task = latest.map(SubmissionLog.Latest::taskId).orElse("");
            String log = latest.map(SubmissionLog.Latest::log).orElse("");
            TaskState queued = queue.get(task);
            Optional<RunRecord> record = store.read(experiment, cell);
            boolean current = record.isPresent() && record.get().configHash().equals(cell.configHash());
            if (queued != null && (queued.pending() || queued.running())) {
                CellState state = queued.pending() ? CellState.PENDING : CellState.RUNNING;
                cells.add(new CellStatus(cell, state, task, slurm(queued), log));
            } else if (current) {
                RunRecord r = record.get();
                CellState state = CellState.valueOf(r.status().name());
                String detail = r.reason() != null ? r.reason() : RunLine.metrics(r);
                cells.add(new CellStatus(cell, state, task, detail, log));
            } else {
                TaskState ended = queued;
                if (ended == null && latest.isPresent() && slurm != null) {
                    accounting = accounting != null ? accounting : slurm.accounting(jobIds);
                    ended = accounting.states().get(task);
                }
                String detail;
                CellState state = CellState.MISSING;
                if (ended != null) {
                    state = CellState.FAILED;
                    detail = "the task ended " + ended.state() + (ended.reason().isEmpty() ? "" : " (" + ended.reason() + ")")
                            + " without writing a record; see its log";
                } else if (record.isPresent()) {
                    detail = "its record is from another configuration (hash " + ConfigHash.shortForm(record.get().configHash()) + ")";
                } else if (latest.isPresent()) {
                    detail = "no record, and Slurm no longer reports task " + task;
                } else {
                    detail = "not submitted";
                }
                cells.add(new CellStatus(cell, state, task, detail, log));
            }
        }
        String note = accounting != null && !accounting.available()
                ? "accounting (sacct) is unavailable, so tasks Slurm has forgotten show as missing: " + accounting.note() : "";
        return new SweepStatus(experiment, cells, note);
    }

    public long count(CellState state) {
        return cells.stream().filter(c -> c.state() == state).count();
    }

    /** No cell is pending or running. */
    public boolean settled() {
        return cells.stream().noneMatch(c -> c.state().active());
    }

    public boolean allCompleted() {
        return cells.stream().allMatch(c -> c.state() == CellState.COMPLETED);
    }

    /** "4 cells: 2 completed, 1 running, 1 pending". */
    public String headline() {
        Map<CellState, Long> counts = new LinkedHashMap<>();
        for (CellState s : CellState.values()) {
            if (count(s) > 0) {
                counts.put(s, count(s));
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s.label()));
        return experiment + ": " + cells.size() + " cell" + (cells.size() == 1 ? "" : "s") + ": " + String.join(", ", parts);
    }

    /** The headline, one aligned line per cell, then the note. */
    public String format() {
        StringBuilder out = new StringBuilder(headline()).append('\n');
        int width = cells.stream().mapToInt(c -> c.cell().id().length()).max().orElse(4);
        int taskWidth = Math.max(4, cells.stream().mapToInt(c -> c.task().length()).max().orElse(4));
        for (CellStatus c : cells) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-9s  %-" + taskWidth + "s  %s\n", c.cell().id(),
                    c.state().label(), c.task().isEmpty() ? "-" : c.task(), c.detail()));
            if (c.state() == CellState.FAILED && !c.log().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  log: %s\n", "", c.log()));
            }
        }
        if (!note.isEmpty()) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String slurm(TaskState s) {
        return "Slurm: " + s.state() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
    }

}
