package org.reprise.nightly;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reprise.run.AtomicFiles;
import org.reprise.run.Json;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/**
 * The baseline files, {@code ci/baselines/<experiment>.json}: a list of {@link Baseline} bands.
 * Rebaselining turns tonight's completed runs into new bands; the tolerance is kept when a band
 * existed for the same configuration, else set to {@link #TOLERANCE_SDS} standard deviations with a
 * relative floor. (A tolerance kept across a change of configuration had made a band no run could
 * pass: copy-task/ci/loss kept δ 0.00038 from the old dense ci variant while the new one's seeds
 * spread by 0.0029, so the gate could only ever say INCONCLUSIVE.)
 */
public final class Baselines {
    /** New bands allow this many baseline standard deviations... */
    public static final double TOLERANCE_SDS = 3.0;
    /** ...but never less than this fraction of the mean (deterministic metrics have sd 0). */
    public static final double TOLERANCE_RELATIVE_FLOOR = 0.01;
    /** And never less than this absolute amount, so a zero mean still gets a positive δ. */
    public static final double TOLERANCE_ABSOLUTE_FLOOR = 1e-9;

    private final Path dir;

    public Baselines(Path dir) {
        this.dir = dir;
    }

    public List<Baseline> read() throws IOException {
        List<Baseline> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    all.addAll(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Baseline>>() { }));
                } catch (IOException e) {
                    throw new IOException(file + ": not a list of baseline bands (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
                }
            }
        }
        return all;
    }

    /** Writes one file per experiment with bands computed from {@code tonight}, keeping earlier tolerances. */
    public List<Baseline> update(List<RunRecord> tonight, List<Baseline> previous, String commit, String date) throws IOException {
        Map<String, Baseline> old = new LinkedHashMap<>();
        previous.forEach(b -> old.put(b.key(), b));
        Map<String, List<Baseline>> byExperiment = new LinkedHashMap<>();
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        tonight.stream().filter(r -> r.status() == RunStatus.COMPLETED)
                .forEach(r -> groups.computeIfAbsent(r.experiment() + "/" + r.variant(), k -> new ArrayList<>()).add(r));
        for (List<RunRecord> runs : groups.values()) {
            RunRecord first = runs.get(0);
            for (String metric : new java.util.TreeSet<>(first.finalMetrics().keySet())) {
                double[] values = RegressionGate.values(runs, metric);
                double mean = java.util.Arrays.stream(values).average().orElse(0);
                double sd = values.length < 2 ? 0 : Math.sqrt(java.util.Arrays.stream(values)
                        .map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
                Baseline before = old.get(first.experiment() + "/" + first.variant() + "/" + metric);
                boolean sameConfiguration = before != null && first.configHash().equals(before.configHash());
                double tolerance = sameConfiguration ? before.tolerance()
                        : Math.max(TOLERANCE_SDS * sd, Math.max(TOLERANCE_RELATIVE_FLOOR * Math.abs(mean), TOLERANCE_ABSOLUTE_FLOOR));
                byExperiment.computeIfAbsent(first.experiment(), k -> new ArrayList<>()).add(new Baseline(first.experiment(),
                        first.variant(), metric, mean, sd, values.length, tolerance, commit, date, first.configHash()));
            }
        }
        List<Baseline> written = new ArrayList<>();
        for (Map.Entry<String, List<Baseline>> e : byExperiment.entrySet()) {
            List<Baseline> bands = new ArrayList<>(e.getValue());
            bands.sort(Comparator.comparing(Baseline::key));
            AtomicFiles.writeJson(dir.resolve(e.getKey() + ".json"), bands);
            written.addAll(bands);
        }
        return written;
    }
}
