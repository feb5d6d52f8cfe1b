package org.reprise.nightly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.reprise.run.ConfigHash;
import org.reprise.run.RunRecord;
import org.reprise.stats.ClaimKind;
import org.reprise.stats.ClaimVerdict;
import org.reprise.stats.Direction;
import org.reprise.stats.PaperClaim;
import org.reprise.stats.PaperValue;
import org.reprise.train.RunStatus;

/**
 * Compares tonight's run records with the baseline bands. A metric passes only when an
 * equivalence test (the 1−2α interval of tonight − baseline inside ±δ, with the baseline's own
 * spread) shows it unchanged; a failed or diverged seed fails its variant whatever the numbers say.
 */
public final class RegressionGate {
    private final double alpha;

    public RegressionGate(double alpha) {
        this.alpha = alpha;
    }

    public List<GateRow> evaluate(List<RunRecord> tonight, List<Baseline> baselines) {
        Map<String, List<RunRecord>> byVariant = group(tonight);
        List<GateRow> rows = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        for (Baseline b : baselines) {
            covered.add(b.key());
            rows.add(judge(b, byVariant.getOrDefault(b.experiment() + "/" + b.variant(), List.of())));
        }
        for (Map.Entry<String, List<RunRecord>> e : byVariant.entrySet()) {
            TreeSet<String> metrics = new TreeSet<>();
            e.getValue().forEach(r -> metrics.addAll(r.finalMetrics().keySet()));
            for (String metric : metrics) {
                if (!covered.contains(e.getKey() + "/" + metric)) {
                    RunRecord any = e.getValue().get(0);
                    rows.add(new GateRow(any.experiment(), any.variant(), metric, "none", describe(values(e.getValue(), metric)),
                            GateVerdict.NO_BASELINE, "no baseline yet: run ci/nightly.sh --update-baselines to record one"));
                }
            }
        }
        return rows;
    }

    private GateRow judge(Baseline b, List<RunRecord> runs) {
        String band = String.format(Locale.ROOT, "%.6g ± %.3g (n=%d), δ %.3g", b.mean(), b.sd(), b.n(), b.tolerance());
        List<String> broken = runs.stream().filter(r -> r.status() != RunStatus.COMPLETED)
                .map(r -> "seed " + r.seed() + " " + r.status() + (r.reason() == null ? "" : ": " + r.reason())).toList();
        if (runs.isEmpty()) {
            return row(b, band, "no runs", GateVerdict.FAILED_RUN, "no run record arrived for this variant");
        }
        double[] values = values(runs, b.metric());
        if (!broken.isEmpty()) {
            return row(b, band, describe(values), GateVerdict.FAILED_RUN, String.join("; ", broken));
        }
        String tonightHash = runs.get(0).configHash();
        if (b.measuredWithAnotherConfiguration(tonightHash)) {
            return row(b, band, describe(values), GateVerdict.NO_BASELINE, "the band was measured at " + b.commit()
                    + " with another configuration of this variant (hash " + ConfigHash.shortForm(b.configHash()) + ", tonight "
                    + ConfigHash.shortForm(tonightHash) + "): record a new one with ci/nightly.sh --update-baselines");
        }
        if (values.length < 2) {
            return row(b, band, describe(values), GateVerdict.INCONCLUSIVE,
                    values.length + " completed seed(s): at least 2 are needed to test equivalence");
        }
        PaperValue reference = b.n() >= 2 ? PaperValue.withSpread(b.mean(), b.sd(), b.n()) : PaperValue.exact(b.mean());
        ClaimVerdict verdict = new PaperClaim(reference, b.tolerance(), Direction.LOWER_IS_BETTER, ClaimKind.EQUIVALENT, alpha)
                .evaluate(values);
        GateVerdict gate = switch (verdict.verdict()) {
            case REPRODUCED -> GateVerdict.PASS;
            case NOT_REPRODUCED -> GateVerdict.DRIFT;
            case INCONCLUSIVE -> GateVerdict.INCONCLUSIVE;
        };
        return row(b, band, describe(values), gate, verdict.reason());
    }

    private static GateRow row(Baseline b, String band, String tonight, GateVerdict verdict, String reason) {
        return new GateRow(b.experiment(), b.variant(), b.metric(), band, tonight, verdict, reason);
    }


    static double[] values(List<RunRecord> runs, String metric) {
        return runs.stream().filter(r -> r.status() == RunStatus.COMPLETED && r.finalMetrics().containsKey(metric))
                .mapToDouble(r -> r.finalMetrics().get(metric)).toArray();
    }

    static String describe(double[] values) {
        if (values.length == 0) {
            return "no completed seed";
        }
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        if (values.length == 1) {
            return String.format(Locale.ROOT, "%.6g (n=1)", mean);
        }
        double ss = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return String.format(Locale.ROOT, "%.6g ± %.3g (n=%d)", mean, Math.sqrt(ss / (values.length - 1)), values.length);
    }

    private static Map<String, List<RunRecord>> group(List<RunRecord> records) {
        Map<String, List<RunRecord>> out = new LinkedHashMap<>();
        records.forEach(r -> out.computeIfAbsent(r.experiment() + "/" + r.variant(), k -> new ArrayList<>()).add(r));
        return out;
    }
}
