package org.reprise.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.reprise.launch.SlurmClient.SlurmException;
import org.reprise.manifest.Defaults;
import org.reprise.run.AtomicFiles;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunCell;
import org.reprise.run.RunPlan;

/**
 * Hands a plan to Slurm as one job array: skips cells already COMPLETED with the same configuration
 * and cells whose task is still queued or running, writes the batch script for the rest, submits it
 * without waiting, and records the submission. A dry run writes the script only.
 */
public final class SlurmLauncher {
    private static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS");

    private final SlurmClient slurm;
    private final LaunchContext context;

    public SlurmLauncher(SlurmClient slurm, LaunchContext context) {
        this.slurm = slurm;
        this.context = context;
    }

    /**
     * What a submission did.
     *
     * @param jobId  the array job's id; empty for a dry run or when nothing needed running
     * @param script the batch script written; empty when nothing needed running
     */
    public record Result(Optional<String> jobId, Optional<Path> script, List<ArrayTask> tasks) {
        public Result {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * @param manifestFile the manifest the plan came from (snapshotted next to the records)
     * @throws LaunchException when the settings cannot be used (e.g. a variable to pass through is unset)
     */
    public Result submit(RunPlan plan, Path manifestFile, SlurmSettings settings, boolean dryRun)
            throws IOException, SlurmException {
        String experiment = plan.manifest().name();
        ResultsStore store = new ResultsStore(context.resultsDir());
        SubmissionLog log = new SubmissionLog(context.resultsDir(), experiment);
        List<Submission> submissions = log.read();
        List<ArrayTask> table = new ArrayList<>();
        for (RunCell cell : plan.cells()) {
            table.add(ArrayTask.of(table.size(), cell));
        }
        List<PlannedCell> planned = plan.cells().stream().map(PlannedCell::of).toList();
        SweepStatus status = SweepStatus.collect(experiment, planned, store, submissions, dryRun ? null : slurm);
        List<ArrayTask> toRun = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            CellStatus s = status.cells().get(i);
            if (s.state().needsRun()) {
                toRun.add(table.get(i));
            } else if (s.state().active()) {
                context.out().println("  skip " + s.cell().id() + ": already " + s.state().label() + " as task " + s.task());
            } else {
                context.out().println("  skip " + s.cell().id() + ": already COMPLETED with this configuration");
            }
        }
        if (toRun.isEmpty()) {
            context.out().println("nothing to submit: every cell of the plan is completed, queued or running");
            return new Result(Optional.empty(), Optional.empty(), List.of());
        }
        int threads = plan.cells().get(0).threads();
        if (settings.cpusPerTask() < threads) {
            context.out().println("warning: cpus_per_task " + settings.cpusPerTask() + " is fewer than the runs' "
                    + threads + " threads; the threads will share CPUs");
        }
        if (context.resultsDir().toString().contains("\\")) {
            throw new LaunchException("-Dresults.dir=" + context.resultsDir() + " contains a backslash, which makes sbatch"
                    + " ignore the %A_%a in log file names; choose a folder without one");
        }
        Map<String, String> environment = environment(settings.environment());
        context.out().println("  tasks' environment: OMP_NUM_THREADS=" + threads + ", OPENBLAS_NUM_THREADS=" + threads
                + environment.entrySet().stream().map(e -> ", " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining())
                + " (nothing else is inherited from this shell)");
        Path dir = dryRun ? log.dryRunDir() : log.submissionDir(submissions.size() + 1);
        Path logDir = dir.resolve("logs");
        Files.createDirectories(logDir);
        Path classpathFile = dir.resolve("classpath");
        AtomicFiles.writeString(classpathFile, absolute(context.classpath()) + "\n");
        SbatchScript script = new SbatchScript(experiment, table, toRun.stream().map(ArrayTask::index).toList(), settings,
                threads, context.root(), context.resultsDir(), context.dataDir(), classpathFile, logDir,
                environment);
        Path scriptFile = dir.resolve("job.sbatch");
        AtomicFiles.writeString(scriptFile, script.render());
        Files.setPosixFilePermissions(scriptFile, PosixFilePermissions.fromString("rwxr-xr-x"));
        String array = ArrayRanges.format(script.submit());
        if (dryRun) {
            context.out().println("dry run: wrote " + scriptFile + " (array " + array + ", " + toRun.size() + " cell"
                    + (toRun.size() == 1 ? "" : "s") + "); nothing was submitted. Submit it with: sbatch " + scriptFile);
            return new Result(Optional.empty(), Optional.of(scriptFile), toRun);
        }
        store.snapshotManifest(experiment, manifestFile);
        store.writePlan(plan);
        String jobId = slurm.submit(scriptFile, context.root());
        log.append(experiment, new Submission(jobId, context.clock().instant().toString(), scriptFile.toString(), array,
                toRun, logDir.toString()));
        context.out().println("submitted job " + jobId + ": array " + array + ", " + toRun.size() + " cell"
                + (toRun.size() == 1 ? "" : "s") + " (" + String.join(", ", toRun.stream().map(ArrayTask::cell).toList()) + ")");
        context.out().println("  script " + scriptFile);
        context.out().println("  logs   " + logDir);
        return new Result(Optional.of(jobId), Optional.of(scriptFile), toRun);
    }

    /** Tasks start in the repository root, so a classpath given relative to where the submitter ran is made absolute. */
    static String absolute(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The variables to export besides the thread counts: those of {@link Defaults#SLURM_NUMERICS_ENVIRONMENT}
     * that are set here, then the settings' list ({@code NAME} takes its value here, {@code NAME=value} sets one).
     */
    private Map<String, String> environment(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Defaults.SLURM_NUMERICS_ENVIRONMENT) {
            if (context.environment().containsKey(name)) {
                out.put(name, context.environment().get(name));
            }
        }
        for (String entry : names) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq);
            if (THREAD_VARIABLES.contains(name)) {
                throw new LaunchException("launcher environment: " + name + " is set from -Dthreads (it is part of each"
                        + " run's configuration); remove it from the environment list");
            }
            String value = eq < 0 ? context.environment().get(name) : entry.substring(eq + 1);
            if (value == null) {
                throw new LaunchException("launcher environment: " + name + " is not set in this shell, so it cannot be"
                        + " passed to the tasks; set it, or give it as " + name + "=value");
            }
            out.put(name, value);
        }
        return out;
    }
}
