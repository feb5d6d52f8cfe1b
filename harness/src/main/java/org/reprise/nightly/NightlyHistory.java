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
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.reprise.run.Json;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/**
 * Every nightly kept under {@code results/nightly/<date>-<commit>/}, in the order they ran: per
 * metric, tonight's mean and the gate's verdict, so a report can plot a metric across nights and
 * name the first commit where it moved.
 */
public final class NightlyHistory {
    private final List<Night> nights;

    private NightlyHistory(List<Night> nights) {
        this.nights = List.copyOf(nights);
    }

    /**
     * One nightly.
     *
     * @param folder   {@code <date>-<commit>}
     * @param started  earliest start of its runs (ISO instant), which orders nights of the same day
     * @param means    {@code experiment/variant/metric} → mean over completed seeds
     * @param verdicts {@code experiment/variant/metric} → the gate's verdict that night
     */
    public record Night(String folder, String date, String commit, String started, Map<String, Double> means,
                        Map<String, GateVerdict> verdicts) {
    }

    /** When a metric first moved: the first night it drifted or failed, and the last night before it. */
    public record Move(String key, Night first, Optional<Night> lastGood) {
    }

    public static NightlyHistory read(Path nightlyRoot) throws IOException {
        List<Night> nights = new ArrayList<>();
        if (Files.isDirectory(nightlyRoot)) {
            try (Stream<Path> dirs = Files.list(nightlyRoot)) {
                for (Path dir : dirs.filter(d -> Files.exists(d.resolve("summary.json"))).toList()) {
                    nights.add(night(dir));
                }
            }
        }
        nights.sort(Comparator.comparing(Night::date).thenComparing(Night::started));
        return new NightlyHistory(nights);
    }

    private static Night night(Path dir) throws IOException {
        String folder = dir.getFileName().toString();
        String date = folder.length() >= 10 ? folder.substring(0, 10) : folder;
        String commit = folder.length() > 11 ? folder.substring(11) : "unknown";
        List<GateRow> rows = Json.MAPPER.readValue(dir.resolve("summary.json").toFile(), new TypeReference<List<GateRow>>() { });
        Map<String, GateVerdict> verdicts = new TreeMap<>();
        rows.forEach(r -> verdicts.put(r.experiment() + "/" + r.variant() + "/" + r.metric(), r.verdict()));
        Map<String, List<Double>> values = new TreeMap<>();
        String started = "~";
        ResultsStore store = new ResultsStore(dir);
        try (Stream<Path> experiments = Files.list(dir)) {
            for (Path experiment : experiments.filter(Files::isDirectory).toList()) {
                for (RunRecord r : store.readExperiment(experiment.getFileName().toString())) {
                    if (r.startedAt() != null && r.startedAt().compareTo(started) < 0) {
                        started = r.startedAt();
                    }
                    if (r.status() == RunStatus.COMPLETED) {
                        r.finalMetrics().forEach((m, v) -> values.computeIfAbsent(r.experiment() + "/" + r.variant() + "/" + m,
                                k -> new ArrayList<>()).add(v));
                    }
                }
            }
        }
        Map<String, Double> means = new TreeMap<>();
        values.forEach((k, v) -> means.put(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return new Night(folder, date, commit, started, means, verdicts);
    }

    public List<Night> nights() {
        return nights;
    }

    /** Every metric any night measured or judged, sorted. */
    public List<String> keys() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        nights.forEach(n -> {
            keys.addAll(n.means().keySet());
            keys.addAll(n.verdicts().keySet());
        });
        return new ArrayList<>(keys);
    }

    /** The first night {@code key} drifted or its runs failed, if any. */
    public Optional<Move> firstMove(String key) {
        Night lastGood = null;
        for (Night n : nights) {
            GateVerdict v = n.verdicts().get(key);
            if (v != null && v.fails()) {
                return Optional.of(new Move(key, n, Optional.ofNullable(lastGood)));
            }
            if (v == GateVerdict.PASS) {
                lastGood = n;
            }
        }
        return Optional.empty();
    }

    /** {@code key}'s mean per night, in night order (NaN where a night has no value). */
    public Map<String, Double> series(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        nights.forEach(n -> out.put(n.folder(), n.means().getOrDefault(key, Double.NaN)));
        return out;
    }
}
