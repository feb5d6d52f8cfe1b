package org.reprise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.reprise.launch.LaunchContext;
import org.reprise.launch.LaunchException;
import org.reprise.launch.LauncherSources;
import org.reprise.launch.SlurmClient;
import org.reprise.launch.SlurmClient.SlurmException;
import org.reprise.launch.SlurmLauncher;
import org.reprise.launch.SlurmSettings;
import org.reprise.launch.Submission;
import org.reprise.launch.SubmissionLog;
import org.reprise.launch.SweepStatus;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestException;
import org.reprise.run.PlannedCell;
import org.reprise.run.Planner;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunPlan;

/**
 * {@code -Dlauncher=slurm} (submit a plan as a job array) and {@code -Dmode=status} (each cell's state,
 * and the report once nothing is queued or running).
 */
final class SlurmCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final SlurmClient slurm;
    /** Builds the reports of the named experiments; false when one could not be written. */
    private final Predicate<List<String>> reports;

    SlurmCommand(PrintStream out, PrintStream err, SlurmClient slurm, Predicate<List<String>> reports) {
        this.out = out;
        this.err = err;
        this.slurm = slurm;
        this.reports = reports;
    }

    int submit(CliOptions options, ExperimentManifest manifest, RunPlan plan, Path manifestFile) throws IOException {
        int threads = plan.cells().get(0).threads();
        try {
            var sources = LauncherSources.collect(options.launch().overrides(), manifest, options.launch().configFile(),
                    Path.of(System.getProperty("user.home")));
            var resolved = SlurmSettings.resolve(sources, threads,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            out.println(manifest.title());
            plan.decisions().forEach(d -> out.println("  " + d));
            resolved.decisions().forEach(d -> out.println("  " + d));
            out.println("  " + plan.cells().size() + " cells; results in " + options.resultsDir());
            LaunchContext context = new LaunchContext(options.root(), options.resultsDir(), options.dataDir(),
                    ThreadRelauncher.classpath(), System.getenv(), Clock.systemUTC(), out);
            var result = new SlurmLauncher(slurm, context).submit(plan, manifestFile, resolved.settings(),
                    options.launch().dryRun());
            if (result.jobId().isPresent()) {
                out.println("submitted; this command does not wait. Follow it with: " + statusCommand(options, manifest.name()));
            }
            return Main.OK;
        } catch (ManifestException e) { // only the user's launcher file can be invalid here: the manifest is loaded
            err.println("error: the launcher file is invalid:");
            e.errors().forEach(x -> err.println("  " + x.format()));
            err.println("nothing was submitted.");
            return Main.BAD_INPUT;
        } catch (LaunchException e) {
            err.println("error: " + e.getMessage());
            err.println("nothing was submitted.");
            return Main.BAD_INPUT;
        } catch (SlurmException e) {
            err.println("error: " + e.getMessage());
            err.println("nothing was submitted.");
            return Main.RUN_FAILED;
        }
    }

    /**
     * The cells of {@code -Dvariant/-Dseeds/-Dprofile} when given, else those of the last sweep
     * ({@code plan.json}), else the manifest's default plan.
     */
    int status(CliOptions options, ExperimentManifest manifest) throws IOException {
        ResultsStore store = new ResultsStore(options.resultsDir());
        var overrides = options.overrides();
        boolean selected = overrides.variants() != null || overrides.seeds() != null || overrides.profile() != null;
        Optional<List<PlannedCell>> fromPlanFile = selected ? Optional.empty() : store.readPlan(manifest.name());
        List<PlannedCell> cells = fromPlanFile.orElseGet(() -> Planner.plan(manifest, overrides).cells().stream()
                .map(PlannedCell::of).toList());
        var submissions = new SubmissionLog(options.resultsDir(), manifest.name()).read();
        SweepStatus status;
        try {
            status = SweepStatus.collect(manifest.name(), cells, store, submissions, submissions.isEmpty() ? null : slurm);
        } catch (SlurmException e) {
            // without the queue, a cell with no record may still be running: show the records, build nothing
            err.println("warning: the Slurm queue cannot be read (" + e.getMessage() + "); showing the run records alone");
            out.print(recordsAlone(manifest.name(), cells, store, submissions).format());
            out.println("no report was built: without the queue it is unknown whether tasks are still pending or running");
            return Main.RUN_FAILED;
        }
        out.print(status.format());
        if (!status.settled()) {
            out.println("the report is built when no cell is pending or running; to build one now from what completed"
                    + " (the rest marked missing): mvn exec:java -Dmode=report -Dexp=" + manifest.name());
            return Main.OK;
        }
        boolean written = reports.test(List.of(manifest.name()));
        if (!written) {
            return Main.BAD_INPUT;
        }
        return status.allCompleted() ? Main.OK : Main.RUN_FAILED;
    }

    private static SweepStatus recordsAlone(String experiment, List<PlannedCell> cells, ResultsStore store,
                                            List<Submission> submissions) throws IOException {
        try {
            return SweepStatus.collect(experiment, cells, store, submissions, null);
        } catch (SlurmException e) {
            throw new IllegalStateException("no Slurm command runs without a client", e);
        }
    }

    private static String statusCommand(CliOptions options, String experiment) {
        return "mvn exec:java -Dmode=status -Dexp=" + experiment
                + (options.resultsDir().equals(options.root().resolve("results")) ? "" : " -Dresults.dir=" + options.resultsDir());
    }
}
