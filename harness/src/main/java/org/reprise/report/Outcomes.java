package org.reprise.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.manifest.Defaults;
import org.reprise.run.PlannedCell;
import org.reprise.run.RunRecord;
import org.reprise.stats.Summary;
import org.reprise.train.RunStatus;

/**
 * The run records of one experiment grouped by variant (in manifest order, then any others),
 * with the final metric values of completed seeds; failed and diverged seeds stay listed, and
 * planned seeds without a record are listed as missing.
 */
final class Outcomes {
    private final Map<String, List<RunRecord>> byVariant = new LinkedHashMap<>();
    private final List<PlannedCell> missingCells;
    private final double confidence;

    /** @param missingCells planned cells with no record (a sweep still running, or tasks lost) */
    Outcomes(List<String> variantOrder, List<RunRecord> records, List<PlannedCell> missingCells, double confidence) {
        this.missingCells = List.copyOf(missingCells);
        this.confidence = confidence;
        for (String v : variantOrder) {
            if (records.stream().anyMatch(r -> r.variant().equals(v))) {
                byVariant.put(v, new ArrayList<>());
            }
        }
        for (RunRecord r : records) {
            byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r);
        }
    }

    Map<String, List<RunRecord>> byVariant() {
        return byVariant;
    }

    List<RunRecord> runs(String variant) {
        return byVariant.getOrDefault(variant, List.of());
    }

    boolean wasRun(String variant) {
        return !runs(variant).isEmpty();
    }

    /** Final values of {@code metric} of the variant's completed seeds, in seed order. */
    double[] completedValues(String variant, String metric) {
        return runs(variant).stream()
                .filter(r -> r.status() == RunStatus.COMPLETED)
                .map(r -> r.finalMetrics().get(metric))
                .filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).toArray();
    }

    Summary summary(String variant, String metric) {
        return Summary.of(completedValues(variant, metric), confidence, Defaults.BOOTSTRAP_RESAMPLES, Defaults.BOOTSTRAP_SEED);
    }

    /** Planned cells without a record, in plan order. */
    List<PlannedCell> missingCells() {
        return missingCells;
    }

    /** "1 failed, 1 diverged, 2 missing" for the seeds that count as missing, or "" when every seed completed. */
    String missing(String variant) {
        long failed = runs(variant).stream().filter(r -> r.status() == RunStatus.FAILED).count();
        long diverged = runs(variant).stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (diverged > 0) {
            parts.add(diverged + " diverged");
        }
        long absent = missingCells.stream().filter(c -> c.variant().equals(variant)).count();
        if (absent > 0) {
            parts.add(absent + " missing");
        }
        return String.join(", ", parts);
    }
}
