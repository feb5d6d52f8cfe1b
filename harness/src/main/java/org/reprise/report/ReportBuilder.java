package org.reprise.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.reprise.manifest.ManifestLoader;
import org.reprise.report.export.TableExports;
import org.reprise.run.AtomicFiles;
import org.reprise.run.ResultsStore;

/**
 * Writes {@code <reports>/<exp>/index.html} with every table next to it as CSV, Markdown and
 * LaTeX, and {@code <reports>/index.html} listing every experiment that has results. Reads
 * {@code results/} (and {@code experiments/} only when a results folder has no manifest snapshot).
 */
public final class ReportBuilder {
    private final ResultsStore store;
    private final Path experimentsDir;
    private final Path reportsDir;
    private final TemplateRenderer renderer = new TemplateRenderer();

    public ReportBuilder(Path resultsDir, Path experimentsDir, Path reportsDir) {
        this.store = new ResultsStore(resultsDir);
        this.experimentsDir = experimentsDir;
        this.reportsDir = reportsDir;
    }

    public ReportModel model(String experiment) throws IOException {
        return ReportModelFactory.build(ReportInputs.load(store, experimentsDir, experiment));
    }

    /** Writes one experiment's report and exports; returns the HTML file. */
    public Path buildExperiment(String experiment) throws IOException {
        if (isScalingBenchmark(experiment)) {
            return buildScaling(experiment);
        }
        ReportModel model = model(experiment);
        return write(experiment, model.tables(), "report.ftlh", model);
    }

    /** A results folder with benchmark cells and no run records is reported as a scaling benchmark. */
    private boolean isScalingBenchmark(String experiment) throws IOException {
        Path dir = store.root().resolve(experiment);
        return ScalingReport.hasCells(dir) && !Files.exists(store.manifestSnapshot(experiment)) && store.readExperiment(experiment).isEmpty();
    }

    private Path buildScaling(String experiment) throws IOException {
        ScalingReport.Model model = ScalingReport.build(store.root().resolve(experiment), experiment, manifestOrNull(experiment));
        return write(experiment, model.tables(), "scaling.ftlh", model);
    }

    /** The experiment's manifest when it is there and valid: a benchmark report shows its title and reported rows. */
    private org.reprise.manifest.ExperimentManifest manifestOrNull(String experiment) {
        Path file = experimentsDir.resolve(experiment + ".yaml");
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return org.reprise.manifest.ManifestLoader.load(file, "experiments/" + experiment + ".yaml");
        } catch (org.reprise.manifest.ManifestException e) {
            return null;
        }
    }

    /** {@code <reports>/<experiment>/index.html} rendered from {@code model}, with every table exported beside it. */
    private Path write(String experiment, List<Table> tables, String template, Object model) throws IOException {
        Path dir = reportsDir.resolve(experiment);
        Files.createDirectories(dir);
        writeExports(dir, tables);
        Path html = dir.resolve("index.html");
        AtomicFiles.writeString(html, renderer.render(template, model));
        return html;
    }

    private static void writeExports(Path dir, List<Table> tables) throws IOException {
        for (Table t : tables) {
            AtomicFiles.writeString(dir.resolve(t.id() + ".csv"), TableExports.csv(t));
            AtomicFiles.writeString(dir.resolve(t.id() + ".md"), TableExports.markdown(t));
            AtomicFiles.writeString(dir.resolve(t.id() + ".tex"), TableExports.latex(t));
        }
    }

    /** Rebuilds the list of all experiments with results; returns the HTML file. */
    public Path buildIndex() throws IOException {
        List<IndexEntry> entries = new ArrayList<>();
        for (String name : experimentsWithResults()) {
            try {
                if (isScalingBenchmark(name)) {
                    entries.add(new IndexEntry(name, ScalingReport.build(store.root().resolve(name), name).title(),
                            name + "/index.html", "", List.of()));
                    continue;
                }
                ReportModel m = model(name);
                entries.add(new IndexEntry(name, m.title(), name + "/index.html",
                        Files.exists(reportsDir.resolve(name).resolve("index.html")) ? "" : "not built yet: run -Dmode=report -Dexp=" + name,
                        m.claims()));
            } catch (IOException | RuntimeException e) {
                entries.add(new IndexEntry(name, name, "", "cannot be reported: " + e.getMessage(), List.of()));
            }
        }
        Files.createDirectories(reportsDir);
        Path html = reportsDir.resolve("index.html");
        AtomicFiles.writeString(html, renderer.render("index.ftlh", new Index(entries)));
        return html;
    }

    /** Folders of the results directory that hold a manifest snapshot or a run record, in name order. */
    public List<String> experimentsWithResults() throws IOException {
        Path root = store.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> ManifestLoader.PLAIN_NAME.matcher(n).matches())
                    .filter(n -> Files.exists(store.manifestSnapshot(n)) || hasRecords(n) || hasCells(n)).sorted().toList();
        }
    }

    private boolean hasCells(String experiment) {
        try {
            return ScalingReport.hasCells(store.root().resolve(experiment));
        } catch (IOException e) {
            return true;
        }
    }

    private boolean hasRecords(String experiment) {
        try {
            return !store.readExperiment(experiment).isEmpty();
        } catch (IOException e) {
            return true; // listed, and the index says why it cannot be reported
        }
    }

    /** The page that lists every experiment. */
    public record Index(List<IndexEntry> experiments) {
    }

    /**
     * @param href    link to the experiment's report, relative to the index ("" when there is none)
     * @param problem why the report is missing or broken, or ""
     */
    public record IndexEntry(String name, String title, String href, String problem, List<ReportModel.ClaimSummary> claims) {
    }
}
