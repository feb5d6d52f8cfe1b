package org.reprise.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reprise.run.AtomicFiles;
import org.reprise.run.Json;

/**
 * The launch folder of one experiment, {@code results/<experiment>/.launch/}: the record of every
 * submission ({@code submissions.json}, rewritten atomically), and one folder per submission with
 * its batch script, classpath file and task logs. The leading dot keeps it out of record scans.
 */
public final class SubmissionLog {
    public static final String SCHEMA = "reprise.submissions/1";

    private final Path dir;

    public SubmissionLog(Path resultsDir, String experiment) {
        this.dir = resultsDir.resolve(experiment).resolve(".launch");
    }

    public Path dir() {
        return dir;
    }

    /** The folder of the {@code n}-th submission (1-based). */
    Path submissionDir(int n) {
        return dir.resolve("submission-" + n);
    }

    /** Where a dry run writes its script (replaced by the next dry run). */
    Path dryRunDir() {
        return dir.resolve("dry-run");
    }

    /** Every recorded submission, oldest first; empty when there is none. */
    public List<Submission> read() throws IOException {
        Path file = dir.resolve("submissions.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Json.MAPPER.readValue(file.toFile(), FileContents.class).submissions();
    }

    void append(String experiment, Submission submission) throws IOException {
        List<Submission> all = new ArrayList<>(read());
        all.add(submission);
        AtomicFiles.writeJson(dir.resolve("submissions.json"), new FileContents(SCHEMA, experiment, all));
    }

    /** The latest submission that ran {@code cell}, with the task that ran it. */
    static Optional<Latest> latest(List<Submission> submissions, String variant, long seed) {
        for (int i = submissions.size() - 1; i >= 0; i--) {
            Submission s = submissions.get(i);
            for (ArrayTask t : s.tasks()) {
                if (t.variant().equals(variant) && t.seed() == seed) {
                    return Optional.of(new Latest(s, t));
                }
            }
        }
        return Optional.empty();
    }

    record Latest(Submission submission, ArrayTask task) {
        String taskId() {
            return submission.taskId(task);
        }

        String log() {
            return Path.of(submission.logDir()).resolve(taskId() + ".log").toString();
        }
    }

    /** The contents of {@code submissions.json}. */
    public record FileContents(String schema, String experiment, List<Submission> submissions) {
        public FileContents {
            submissions = List.copyOf(submissions);
        }
    }
}
