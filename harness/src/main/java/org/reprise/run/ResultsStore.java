package org.reprise.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.reprise.train.EvalPoint;

/**
 * The results folder: {@code <root>/<experiment>/<variant>/seed-<n>/{run.json, metrics.csv, checkpoint/}}.
 * Records are written atomically; a record about to be replaced by a run with another configuration
 * is moved to {@code <experiment>/.superseded/} rather than overwritten.
 */
public final class ResultsStore {
    public static final String RECORD = "run.json";
    public static final String METRICS = "metrics.csv";
    /** The cells the experiment's last sweep planned (local run or Slurm submission), so missing ones can be named. */
    public static final String PLAN = "plan.json";
    public static final String PLAN_SCHEMA = "reprise.plan/1";

    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path runDir(RunCell cell) {
        return runDir(cell.experiment(), cell.variant(), cell.seed());
    }

    public Path runDir(String experiment, String variant, long seed) {
        return root.resolve(experiment).resolve(variant).resolve("seed-" + seed);
    }

    public Path checkpointDir(RunCell cell) {
        return runDir(cell).resolve("checkpoint");
    }

    /** The cell's existing record; an unreadable one is reported and treated as absent (it is kept on disk). */
    public Optional<RunRecord> read(RunCell cell) {
        return read(runDir(cell).resolve(RECORD));
    }

    /** A planned cell's existing record, read as {@link #read(RunCell)} does. */
    public Optional<RunRecord> read(String experiment, PlannedCell cell) {
        return read(runDir(experiment, cell.variant(), cell.seed()).resolve(RECORD));
    }

    private static Optional<RunRecord> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), RunRecord.class));
        } catch (IOException e) {
            System.err.println("warning: " + file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); the run will be repeated and the old file moved aside");
            return Optional.empty();
        }
    }

    /** Every readable record of an experiment, ordered by variant and seed. */
    public List<RunRecord> readExperiment(String experiment) throws IOException {
        Path dir = root.resolve(experiment);
        List<RunRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals(RECORD))
                    .filter(p -> !dir.relativize(p).toString().startsWith(".")).sorted().toList()) {
                records.add(Json.MAPPER.readValue(file.toFile(), RunRecord.class));
            }
        }
        records.sort(java.util.Comparator.comparing(RunRecord::variant).thenComparingLong(RunRecord::seed));
        return records;
    }

    /** Where the manifest a sweep ran from is copied, so reports can be rebuilt from results/ alone. */
    public Path manifestSnapshot(String experiment) {
        return root.resolve(experiment).resolve("manifest.yaml");
    }

    /** Copies the manifest next to the records (atomically), replacing an older snapshot. */
    public void snapshotManifest(String experiment, Path manifestFile) throws IOException {
        AtomicFiles.write(manifestSnapshot(experiment), Files.readAllBytes(manifestFile));
    }

    /** Records the cells {@code plan} asks for (atomically), replacing the previous sweep's plan. */
    public void writePlan(RunPlan plan) throws IOException {
        String experiment = plan.manifest().name();
        AtomicFiles.writeJson(root.resolve(experiment).resolve(PLAN),
                new PlanFile(PLAN_SCHEMA, experiment, plan.cells().stream().map(PlannedCell::of).toList()));
    }

    /** The cells of the experiment's last sweep, or empty when no sweep recorded its plan. */
    public Optional<List<PlannedCell>> readPlan(String experiment) throws IOException {
        Path file = root.resolve(experiment).resolve(PLAN);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.MAPPER.readValue(file.toFile(), PlanFile.class).cells());
    }

    /** The contents of {@value #PLAN}. */
    public record PlanFile(String schema, String experiment, List<PlannedCell> cells) {
        public PlanFile {
            cells = List.copyOf(cells);
        }
    }

    /** Moves an existing record made with another configuration out of the way, keeping it. */
    public void supersede(RunCell cell, RunRecord old) throws IOException {
        Path from = runDir(cell);
        Path to = root.resolve(cell.experiment()).resolve(".superseded").resolve(cell.variant())
                .resolve("seed-" + cell.seed() + "-" + old.configHash().substring(0, 12) + "-" + System.currentTimeMillis());
        Files.createDirectories(to.getParent());
        Files.move(from, to);
    }

    public void write(RunCell cell, RunRecord record) throws IOException {
        Path dir = runDir(cell);
        AtomicFiles.writeString(dir.resolve(METRICS), metricsCsv(record.history()));
        AtomicFiles.writeJson(dir.resolve(RECORD), record);
    }

    /** One row per evaluation: step, learning rate, mean training loss, each metric, cumulative training seconds. */
    static String metricsCsv(List<EvalPoint> history) {
        TreeSet<String> names = new TreeSet<>();
        history.forEach(p -> names.addAll(p.metrics().keySet()));
        StringBuilder csv = new StringBuilder("step,learning_rate,train_loss");
        names.forEach(n -> csv.append(',').append(n));
        csv.append(",train_seconds\n");
        for (EvalPoint p : history) {
            csv.append(p.step()).append(',').append(num(p.learningRate())).append(',').append(num(p.trainLoss()));
            for (String n : names) {
                Double value = p.metrics().get(n);
                csv.append(',').append(value == null ? "" : num(value));
            }
            csv.append(',').append(String.format(Locale.ROOT, "%.3f", p.trainSeconds())).append('\n');
        }
        return csv.toString();
    }

    /** Shortest text that reads back to the same double, so the CSV is as exact as the JSON. */
    private static String num(double value) {
        return Double.toString(value);
    }
}
