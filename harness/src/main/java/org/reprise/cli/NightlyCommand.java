package org.reprise.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.ExperimentCatalog;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestException;
import org.reprise.manifest.ManifestLoader;
import org.reprise.model.SameDiffModel;
import org.reprise.nightly.Baseline;
import org.reprise.nightly.Baselines;
import org.reprise.nightly.GateRow;
import org.reprise.nightly.NightlySummary;
import org.reprise.nightly.RegressionGate;
import org.reprise.nightly.NightlyHistory;
import org.reprise.report.NightlyHistoryReport;
import org.reprise.report.ReportBuilder;
import org.reprise.run.AtomicFiles;
import org.reprise.run.Overrides;
import org.reprise.run.Planner;
import org.reprise.run.Provenance;
import org.reprise.run.ProvenanceCapture;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunRecord;
import org.reprise.run.SweepRunner;
import org.reprise.train.RunStatus;

/**
 * {@code -Dmode=nightly}: runs the {@code ci} variants (ci and ci-*) of each chosen experiment into
 * {@code results/nightly/<date>-<commit>/}, gates every metric against {@code ci/baselines/},
 * writes the summary there and the reports to {@code reports/nightly/<date>-<commit>/}, and
 * optionally rewrites the baselines from tonight's runs.
 */
final class NightlyCommand {
    private final PrintStream out;

    NightlyCommand(PrintStream out) {
        this.out = out;
    }

    int run(CliOptions options, Map<String, String> props, ExperimentCatalog catalog) throws IOException {
        List<String> experiments = experiments(props, catalog);
        List<Long> seeds = options.overrides().seeds() != null ? options.overrides().seeds() : Defaults.NIGHTLY_SEEDS;
        Provenance provenance = ProvenanceCapture.capture(options.root(), options.command());
        String commit = provenance.gitCommit().length() >= 12 ? provenance.gitCommit().substring(0, 12) : provenance.gitCommit();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path tonightDir = options.resultsDir().resolve("nightly").resolve(date + "-" + commit);
        Path baselineDir = props.containsKey("baselines.dir") ? Path.of(props.get("baselines.dir"))
                : options.root().resolve("ci").resolve("baselines");
        out.println("nightly " + date + " at " + commit + (provenance.gitDirty() ? " (dirty)" : "") + ": "
                + String.join(", ", experiments) + ", seeds " + seeds + "; records in " + tonightDir);

        List<RunRecord> records = new ArrayList<>();
        SweepRunner sweep = new SweepRunner(new ResultsStore(tonightDir), SameDiffModel.factory(), options.dataDir(),
                provenance, out, options.progressBar(), false);
        for (String name : experiments) {
            ExperimentManifest manifest = catalog.load(name);
            // the ci profile's variants: ci, and the ci-<name> pairs of comparisons such as reformer-shared-qk
            var plan = Planner.plan(manifest, new Overrides(null, seeds, org.reprise.run.Profile.CI, options.overrides().threads()));
            records.addAll(sweep.run(plan, catalog.dir().resolve(name + ".yaml")));
        }
        Baselines baselines = new Baselines(baselineDir);
        List<Baseline> bands = baselines.read().stream().filter(b -> experiments.contains(b.experiment())).toList();
        List<GateRow> rows = new RegressionGate(Defaults.ALPHA).evaluate(records, bands);
        String summary = NightlySummary.format(rows);
        AtomicFiles.writeString(tonightDir.resolve("summary.txt"), summary);
        AtomicFiles.writeJson(tonightDir.resolve("summary.json"), rows);
        Path reportDir = options.reportsDir().resolve("nightly").resolve(date + "-" + commit);
        ReportBuilder reports = new ReportBuilder(tonightDir, catalog.dir(), reportDir);
        for (String name : experiments) {
            reports.buildExperiment(name);
        }
        out.println("reports: " + reports.buildIndex());
        out.println("history of every nightly: " + NightlyHistoryReport.write(
                NightlyHistory.read(options.resultsDir().resolve("nightly")), options.reportsDir().resolve("nightly")));
        out.println();
        out.print(summary);
        if (Boolean.parseBoolean(props.getOrDefault("update.baselines", "false"))) {
            List<Baseline> written = baselines.update(records, bands, commit, date);
            out.println("baselines rewritten from tonight's runs: " + written.size() + " bands in " + baselineDir);
            return records.stream().allMatch(r -> r.status() == RunStatus.COMPLETED) ? NightlySummary.PASSED : NightlySummary.FAILED;
        }
        return NightlySummary.exitCode(rows);
    }

    /** {@code -Dnightly.experiments=a,b}, or every training experiment that defines a {@code ci} or {@code ci-*} variant. */
    private static List<String> experiments(Map<String, String> props, ExperimentCatalog catalog) throws IOException {
        if (props.containsKey("nightly.experiments")) {
            List<String> names = new ArrayList<>();
            for (String name : props.get("nightly.experiments").split(",")) {
                String trimmed = name.trim();
                if (!ManifestLoader.PLAIN_NAME.matcher(trimmed).matches() || !catalog.contains(trimmed)) {
                    throw new IllegalArgumentException("-Dnightly.experiments: '" + trimmed + "' is not an experiment in "
                            + catalog.display(catalog.dir()));
                }
                names.add(trimmed);
            }
            return names;
        }
        List<String> names = new ArrayList<>();
        for (String name : catalog.names()) {
            try {
                ExperimentManifest manifest = catalog.load(name);
                if (manifest.benchmark() == null && manifest.variants().keySet().stream()
                        .anyMatch(v -> v.equals("ci") || v.startsWith("ci-"))) {
                    names.add(name);
                }
            } catch (ManifestException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        return names;
    }
}
