package org.reprise.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprise.data.DataStore;
import org.reprise.data.Downloads;
import org.reprise.data.Tasks;
import org.reprise.launch.LauncherKind;
import org.reprise.launch.ProcessSlurmClient;
import org.reprise.launch.SlurmClient;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.LauncherSpec;
import org.reprise.manifest.ExperimentCatalog;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestException;
import org.reprise.manifest.ManifestLoader;
import org.reprise.model.Engine;
import org.reprise.model.SameDiffModel;
import org.reprise.report.ReportBuilder;
import org.reprise.run.BenchmarkPlan;
import org.reprise.run.BenchmarkPlanner;
import org.reprise.run.BenchmarkSweep;
import org.reprise.run.BenchmarkTable;
import org.reprise.run.PlanException;
import org.reprise.run.ScalingCell;
import org.reprise.run.Planner;
import org.reprise.run.ProvenanceCapture;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunCell;
import org.reprise.run.RunPlan;
import org.reprise.run.RunRecord;
import org.reprise.run.SummaryTable;
import org.reprise.run.SweepRunner;
import org.reprise.train.RunStatus;

/**
 * {@code mvn exec:java -Dexp=NAME [-Dvariant=a,b] [-Dseeds=3|1,2,3] [-Dprofile=full|ci|smoke]
 * [-Dmode=run|validate|list|report|nightly|status] [-Dlauncher=local|slurm]}.
 * The only class that exits the JVM. Exit codes: 0 success, 1 a run did not complete, 2 bad input.
 */
public final class Main {
    static final int OK = 0;
    static final int RUN_FAILED = 1;
    static final int BAD_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final SlurmClient slurm;

    Main(PrintStream out, PrintStream err) {
        this(out, err, new ProcessSlurmClient());
    }

    Main(PrintStream out, PrintStream err, SlurmClient slurm) {
        this.out = out;
        this.err = err;
        this.slurm = slurm;
    }

    public static void main(String[] args) {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
        int code = new Main(System.out, System.err).execute(props);
        if (code != OK) {
            System.exit(code);
        }
    }

    int execute(Map<String, String> props) {
        CliOptions options;
        try {
            options = CliOptions.parse(props);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        ExperimentCatalog catalog = new ExperimentCatalog(options.root().resolve("experiments"), options.root());
        try {
            if (options.experiment() != null && !ManifestLoader.PLAIN_NAME.matcher(options.experiment()).matches()) {
                err.println("error: -Dexp=" + options.experiment()
                        + " is not an experiment name: expected lower-case letters, digits and hyphens (no paths)");
                return BAD_INPUT;
            }
            return switch (options.mode()) {
                case "list" -> list(catalog, OK);
                case "validate" -> validate(catalog, options.experiment());
                case "nightly" -> nightly(catalog, options, props);
                case "report" -> report(options);
                case "status" -> status(catalog, options);
                default -> run(catalog, options, props);
            };
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int run(ExperimentCatalog catalog, CliOptions options, Map<String, String> props) throws java.io.IOException {
        if (options.experiment() == null) {
            out.println("No experiment given. Run one with: mvn exec:java -Dexp=NAME");
            return list(catalog, OK);
        }
        if (!catalog.contains(options.experiment())) {
            err.println("error: no experiment '" + options.experiment() + "' in " + catalog.display(catalog.dir()));
            return list(catalog, BAD_INPUT);
        }
        LaunchOptions launch = options.launch();
        if (launch.cell() && launch.kind() == LauncherKind.SLURM) {
            err.println("error: -Dreprise.cell=true is how a Slurm array task runs its cell; it cannot submit (-Dlauncher=slurm)");
            return BAD_INPUT;
        }
        boolean submit = launch.kind() == LauncherKind.SLURM;
        if (!submit && launch.dryRun()) {
            err.println("error: -Dlauncher.dry-run=true writes a Slurm batch script; add -Dlauncher=slurm (nothing was run)");
            return BAD_INPUT;
        }
        if (!submit && !launch.cell() && !launch.overrides().equals(LauncherSpec.EMPTY)
                && !props.containsKey(ThreadRelauncher.CHILD_MARKER)) {
            err.println("warning: -Dlauncher.* settings apply only with -Dlauncher=slurm; this run is local");
        }
        if (!submit) {
            Integer relaunched = ensureThreads(options, props);
            if (relaunched != null) {
                return relaunched;
            }
        }
        ExperimentManifest manifest;
        RunPlan plan;
        try {
            manifest = catalog.load(options.experiment());
            if (manifest.benchmarkSpec().isPresent()) {
                if (submit || launch.cell()) {
                    err.println("error: " + manifest.name() + " is a benchmark, which measures each cell on this machine;"
                            + " -Dlauncher=slurm runs training sweeps only (nothing was submitted)");
                    return BAD_INPUT;
                }
                return benchmark(manifest, options);
            }
            plan = Planner.plan(manifest, options.overrides());
        } catch (ManifestException e) {
            err.println("error: " + e.getMessage());
            err.println("nothing was run.");
            return BAD_INPUT;
        } catch (PlanException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (launch.cell()) {
            String problem = cellProblem(plan, launch.cellHash());
            if (problem != null) {
                err.println("error: " + problem);
                return BAD_INPUT;
            }
        }
        List<String> dataProblems = plan.cells().stream().map(c -> c.config().data()).distinct()
                .flatMap(d -> Tasks.preflight(d, new DataStore(options.dataDir(), Downloads.http())).stream()).distinct().toList();
        if (!dataProblems.isEmpty()) {
            dataProblems.forEach(p -> err.println("error: " + p));
            List<String> offline = manifest.variants().values().stream()
                    .filter(v -> Tasks.preflight(v.config().data(), new DataStore(options.dataDir(), Downloads.offline())).isEmpty())
                    .map(v -> v.name()).toList();
            err.println(offline.isEmpty() ? "no variant of " + manifest.name() + " runs with the data on this machine."
                    : "variants that run with the data on this machine: " + String.join(", ", offline)
                            + " (e.g. mvn exec:java -Dexp=" + manifest.name() + " -Dvariant=" + offline.get(0) + ")");
            err.println("nothing was run.");
            return BAD_INPUT;
        }
        Path manifestFile = catalog.dir().resolve(manifest.name() + ".yaml");
        if (submit) {
            return slurmCommand(options).submit(options, manifest, plan, manifestFile);
        }
        out.println(manifest.title());
        plan.decisions().forEach(d -> out.println("  " + d));
        out.println("  " + plan.cells().size() + " runs; results in " + options.resultsDir());
        ResultsStore store = new ResultsStore(options.resultsDir());
        if (!launch.cell()) {
            store.writePlan(plan); // a task is one cell of a larger plan, which its submission recorded
        }
        SweepRunner sweep = new SweepRunner(store, SameDiffModel.factory(),
                options.dataDir(), ProvenanceCapture.capture(options.root(), options.command()), out,
                options.progressBar(), options.failFast());
        List<RunRecord> records = sweep.run(plan, manifestFile);
        out.println();
        out.print(SummaryTable.format(manifest, records));
        if (!launch.cell()) {
            writeReports(options, List.of(manifest.name())); // tasks share results/: reports are built once, by status
        }
        boolean allCompleted = records.size() == plan.cells().size()
                && records.stream().allMatch(r -> r.status() == RunStatus.COMPLETED);
        return allCompleted ? OK : RUN_FAILED;
    }

    /** Why this process cannot be the array task it was started as, or null when it can. */
    private static String cellProblem(RunPlan plan, String submittedHash) {
        if (plan.cells().size() != 1) {
            return "-Dreprise.cell=true runs exactly one cell, but -Dvariant and -Dseeds select " + plan.cells().size();
        }
        RunCell cell = plan.cells().get(0);
        if (submittedHash != null && !submittedHash.equals(cell.configHash())) {
            return cell.id() + ": the configuration changed since this task was submitted (hash " + cell.configHash()
                    + ", submitted as " + submittedHash + "), e.g. the manifest was edited; nothing was run."
                    + " Resubmit to run the new configuration.";
        }
        return null;
    }

    /** {@code -Dmode=status}: each planned cell's state; the report once no cell is pending or running. */
    private int status(ExperimentCatalog catalog, CliOptions options) throws java.io.IOException {
        if (options.experiment() == null || !catalog.contains(options.experiment())) {
            err.println("error: -Dmode=status needs -Dexp naming an experiment");
            return list(catalog, BAD_INPUT);
        }
        try {
            ExperimentManifest manifest = catalog.load(options.experiment());
            if (manifest.benchmarkSpec().isPresent()) {
                err.println("error: " + manifest.name() + " is a benchmark; -Dmode=status follows training sweeps");
                return BAD_INPUT;
            }
            return slurmCommand(options).status(options, manifest);
        } catch (ManifestException | PlanException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private SlurmCommand slurmCommand(CliOptions options) {
        return new SlurmCommand(out, err, slurm, names -> writeReports(options, names));
    }

    /** A benchmark experiment: variants × lengths measured in child JVMs, then the table and the report. */
    private int benchmark(ExperimentManifest manifest, CliOptions options) throws java.io.IOException {
        BenchmarkPlan plan;
        try {
            plan = BenchmarkPlanner.plan(manifest, options.overrides());
        } catch (PlanException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        out.println(manifest.title());
        plan.decisions().forEach(d -> out.println("  " + d));
        out.println("  " + plan.cells().size() + " cells, each in its own JVM; results in " + options.resultsDir());
        BenchmarkSweep sweep = new BenchmarkSweep(options.resultsDir(), options.dataDir(), ThreadRelauncher.classpath(),
                ProvenanceCapture.capture(options.root(), options.command()), out);
        List<ScalingCell> cells = sweep.run(plan);
        out.println();
        out.print(BenchmarkTable.format(cells, plan.spec().fitFrom()));
        writeReports(options, List.of(manifest.name()));
        return cells.stream().allMatch(c -> !"FAILED".equals(c.status())) ? OK : RUN_FAILED;
    }

    /**
     * Makes sure the engine runs with the requested OpenMP threads: returns the exit code of a
     * relaunched child JVM, or null when this JVM is fit to train.
     */
    private Integer ensureThreads(CliOptions options, Map<String, String> props) throws java.io.IOException {
        int threads = options.overrides().threads() != null ? options.overrides().threads() : Defaults.THREADS;
        if (!ThreadRelauncher.environmentMatches(threads)) {
            try {
                var code = ThreadRelauncher.relaunch(threads, props);
                if (code.isPresent()) {
                    return code.get();
                }
                err.println("warning: OMP_NUM_THREADS is not " + threads + " and the harness could not relaunch itself;"
                        + " results will not be bit-identical to runs with OMP_NUM_THREADS=" + threads);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RUN_FAILED;
            }
        }
        Engine.configure(threads);
        return null;
    }

    private int nightly(ExperimentCatalog catalog, CliOptions options, Map<String, String> props) throws java.io.IOException {
        Integer relaunched = ensureThreads(options, props);
        if (relaunched != null) {
            return relaunched;
        }
        try {
            return new NightlyCommand(out).run(options, props, catalog);
        } catch (IllegalArgumentException | ManifestException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** {@code -Dmode=report}: rebuilds reports from results/ without training (all experiments with results when no -Dexp). */
    private int report(CliOptions options) throws java.io.IOException {
        ReportBuilder builder = reportBuilder(options);
        List<String> names = options.experiment() != null ? List.of(options.experiment()) : builder.experimentsWithResults();
        if (names.isEmpty()) {
            out.println("No results in " + options.resultsDir() + " to report on.");
        }
        return writeReports(options, names) ? OK : BAD_INPUT;
    }

    /** Writes reports/NAME/index.html (+ CSV, Markdown, LaTeX tables) for each name, then reports/index.html. */
    private boolean writeReports(CliOptions options, List<String> names) {
        ReportBuilder builder = reportBuilder(options);
        boolean ok = true;
        for (String name : names) {
            try {
                out.println("report: " + builder.buildExperiment(name));
            } catch (java.io.IOException | RuntimeException e) {
                err.println("error: the report of " + name + " could not be written: " + e.getMessage());
                ok = false;
            }
        }
        try {
            out.println("report index: " + builder.buildIndex());
        } catch (java.io.IOException | RuntimeException e) {
            err.println("error: the report index could not be written: " + e.getMessage());
            ok = false;
        }
        return ok;
    }

    private static ReportBuilder reportBuilder(CliOptions options) {
        return new ReportBuilder(options.resultsDir(), options.root().resolve("experiments"), options.reportsDir());
    }

    private int validate(ExperimentCatalog catalog, String only) throws java.io.IOException {
        List<String> names = only != null ? List.of(only) : catalog.names();
        int invalid = 0;
        for (String name : names) {
            if (!catalog.contains(name)) {
                err.println("error: no experiment '" + name + "' in " + catalog.display(catalog.dir()));
                return list(catalog, BAD_INPUT);
            }
            try {
                ExperimentManifest m = catalog.load(name);
                out.println("ok       " + m.source() + "  (" + m.variants().size() + " variants, " + m.claims().size() + " claims)");
            } catch (ManifestException e) {
                invalid++;
                out.println("invalid  " + name);
                e.errors().forEach(x -> out.println("  " + x.format()));
            }
        }
        out.println(names.size() - invalid + " of " + names.size() + " manifests valid");
        return invalid == 0 ? OK : BAD_INPUT;
    }

    private int list(ExperimentCatalog catalog, int code) throws java.io.IOException {
        List<String> names = catalog.names();
        out.println("Experiments in " + catalog.display(catalog.dir()) + ":");
        for (String name : names) {
            String title;
            try {
                title = catalog.load(name).title();
            } catch (ManifestException e) {
                title = "(invalid manifest: run -Dmode=validate -Dexp=" + name + ")";
            }
            out.println(String.format(java.util.Locale.ROOT, "  %-24s %s", name, title));
        }
        return code;
    }
}
