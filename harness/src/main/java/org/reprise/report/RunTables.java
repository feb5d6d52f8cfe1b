package org.reprise.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.MetricSpec;
import org.reprise.run.ConfigHash;
import org.reprise.run.PlannedCell;
import org.reprise.run.RunRecord;
import org.reprise.stats.DeterminismAudit;
import org.reprise.stats.StepMetrics;
import org.reprise.stats.Summary;
import org.reprise.train.EvalPoint;
import org.reprise.train.RunStatus;

/** Tables about the runs themselves: per seed, variation across seeds, determinism, compute, provenance. */
final class RunTables {
    private RunTables() {
    }

    static Table seeds(ExperimentManifest m, Outcomes outcomes) {
        List<String> header = new ArrayList<>(List.of("variant", "seed", "status", "steps"));
        m.metrics().forEach(metric -> header.add(metric.name()));
        header.addAll(List.of("train time", "tokens/s", "config", "reason"));
        Table.Builder t = new Table.Builder("seeds", "Every run, one row per variant and seed, failed and diverged ones"
                + " included. Metrics are from the last evaluation.", header.toArray(String[]::new));
        outcomes.byVariant().forEach((variant, runs) -> {
            for (RunRecord r : runs) {
                List<Object> row = new ArrayList<>(List.of(variant, Long.toString(r.seed()),
                        Cell.styled(r.status().name().toLowerCase(java.util.Locale.ROOT), "status-" + r.status().name()
                                .toLowerCase(java.util.Locale.ROOT)),
                        Num.integer(r.completedSteps()) + " / " + Num.integer(r.plannedSteps())));
                for (MetricSpec metric : m.metrics()) {
                    Double v = r.finalMetrics().get(metric.name());
                    row.add(v == null ? "—" : Num.value(v));
                }
                row.add(Num.seconds(r.trainSeconds()));
                row.add(Num.rate(r.tokensPerSecond()));
                row.add(ConfigHash.shortForm(r.configHash()));
                row.add(r.reason() == null ? "" : r.reason());
                t.row(row.toArray());
            }
        });
        for (PlannedCell c : outcomes.missingCells()) {
            List<Object> row = new ArrayList<>(List.of(c.variant(), Long.toString(c.seed()), Cell.styled("missing", "status-missing"),
                    "—"));
            m.metrics().forEach(metric -> row.add("—"));
            row.addAll(List.of("—", "—", ConfigHash.shortForm(c.configHash()),
                    "planned, but no record yet"));
            t.row(row.toArray());
        }
        if (t.isEmpty()) {
            t.note("No run records were found for this experiment.");
        }
        return t.build();
    }

    static Table variation(ExperimentManifest m, Outcomes outcomes) {
        Table.Builder t = new Table.Builder("variation", "Variation across completed seeds: coefficient of variation"
                + " (sd / |mean|), range, and the t and bootstrap intervals of the mean.",
                "variant", "metric", "n", "mean", "sd", "CV", "min", "max", "t interval", "bootstrap interval");
        for (String variant : outcomes.byVariant().keySet()) {
            for (MetricSpec metric : m.metrics()) {
                Summary s = outcomes.summary(variant, metric.name());
                String cv = s.sd().isPresent() && s.mean().getAsDouble() != 0
                        ? Num.percent(s.sd().getAsDouble() / Math.abs(s.mean().getAsDouble())) : Num.NA;
                t.row(variant, metric.name(), Integer.toString(s.n()), Num.value(s.mean()), Num.value(s.sd()), cv,
                        Num.value(s.min()), Num.value(s.max()), Num.interval(s.tInterval()),
                        s.bootstrap().map(b -> Num.interval(b.interval())).orElse(Num.NA));
            }
        }
        return t.note("sd needs 2 seeds, the bootstrap " + Summary.MIN_N_FOR_BOOTSTRAP + " (" 
                + Num.integer(org.reprise.manifest.Defaults.BOOTSTRAP_RESAMPLES) + " percentile resamples, seed "
                + org.reprise.manifest.Defaults.BOOTSTRAP_SEED + "); fewer gives n/a.").build();
    }

    /** Audits every (variant, seed) that was run twice with the same configuration; says so when none was. */
    static List<String> determinism(List<RunRecord> current, List<RunRecord> superseded) {
        List<String> out = new ArrayList<>();
        for (RunRecord old : superseded) {
            for (RunRecord now : current) {
                if (now.variant().equals(old.variant()) && now.seed() == old.seed() && now.configHash().equals(old.configHash())) {
                    DeterminismAudit audit = DeterminismAudit.compare(steps(old.history()), steps(now.history()));
                    out.add(now.variant() + ", seed " + now.seed() + ": " + (audit.identical() ? "identical — " : "NOT identical — ")
                            + audit.description() + ".");
                }
            }
        }
        if (out.isEmpty()) {
            out.add("No repeated seed to audit: no (variant, seed) was run twice with the same configuration"
                    + " (a rerun that is kept under .superseded/ with the same configuration hash would be compared here, bit for bit).");
        }
        return out;
    }

    private static List<StepMetrics> steps(List<EvalPoint> history) {
        List<StepMetrics> out = new ArrayList<>();
        for (EvalPoint p : history) {
            Map<String, Double> values = new TreeMap<>(p.metrics());
            values.put("train_loss", p.trainLoss());
            out.add(new StepMetrics(p.step(), values));
        }
        return out;
    }

    static Table compute(ExperimentManifest m, Outcomes outcomes) {
        Table.Builder t = new Table.Builder("compute", "Compute: the original setting's as the paper states it, against ours.",
                "configuration", "hardware", "runs", "train time per run", "wall time, all runs", "tokens/s", "peak RSS",
                "device-hours");
        t.row("original", ConfigTables.NOT_STATED, "—", ConfigTables.NOT_STATED, ConfigTables.NOT_STATED,
                ConfigTables.NOT_STATED, ConfigTables.NOT_STATED, "GPU-hours " + ConfigTables.NOT_STATED);
        outcomes.byVariant().forEach((variant, runs) -> {
            Set<String> hardware = new LinkedHashSet<>();
            runs.forEach(r -> hardware.add(r.provenance().cpuModel() + " × " + r.provenance().availableProcessors()
                    + " (" + r.provenance().engine().getOrDefault("device", "?") + ", " + r.threads() + " thread"
                    + (r.threads() == 1 ? "" : "s") + ")"));
            double wall = runs.stream().mapToDouble(RunRecord::wallSeconds).sum();
            double train = runs.stream().mapToDouble(RunRecord::trainSeconds).average().orElse(Double.NaN);
            double rate = runs.stream().filter(r -> r.tokensPerSecond() > 0).mapToDouble(RunRecord::tokensPerSecond)
                    .average().orElse(0);
            long rss = runs.stream().mapToLong(r -> r.memory().rssBytes()).max().orElse(-1);
            t.row(variant, String.join("; ", hardware), Integer.toString(runs.size()), Num.seconds(train), Num.seconds(wall),
                    Num.rate(rate), Num.mebibytes(rss), "CPU-hours " + Num.hours(wall / 3600));
        });
        return t.note("The manifest gives no compute figures for the original setting, so they read \"not stated\"."
                + " Device-hours are wall-clock hours summed over runs.").build();
    }

    static Table provenance(ReportInputs in, Outcomes outcomes) {
        Map<String, Set<String>> facts = new LinkedHashMap<>();
        for (RunRecord r : in.records()) {
            var p = r.provenance();
            add(facts, "harness version", p.harnessVersion());
            add(facts, "git commit", p.gitCommit() + (p.gitDirty() ? " (dirty: uncommitted changes)" : ""));
            add(facts, "JVM", p.jvm());
            add(facts, "OS / arch", p.os() + " / " + p.arch());
            add(facts, "CPU", p.cpuModel() + ", " + p.availableProcessors() + " processors");
            new TreeMap<>(p.engine()).forEach((k, v) -> add(facts, "engine " + k, v));
            new TreeMap<>(p.libraries()).forEach((k, v) -> add(facts, "library " + k, v));
            add(facts, "data", r.data().description());
            r.data().sha256().forEach((file, sum) -> add(facts, "data sha256 " + file, sum));
            add(facts, "config hash " + r.variant(), r.configHash());
            add(facts, "record schema", r.schema());
        }
        Table.Builder t = new Table.Builder("provenance", "Provenance: where and with what the records were made"
                + " (values that differ between runs are all listed).", "item", "value");
        t.row("manifest", in.manifestFile());
        t.row("manifest sha256", in.manifestSha256());
        facts.forEach((k, v) -> t.row(k, String.join("; ", v)));
        if (!in.records().isEmpty()) {
            String first = in.records().stream().map(RunRecord::startedAt).filter(s -> s != null).sorted().findFirst().orElse("?");
            String last = in.records().stream().map(RunRecord::finishedAt).filter(s -> s != null).sorted()
                    .reduce((a, b) -> b).orElse("?");
            t.row("runs made", first + " to " + last);
        }
        return t.build();
    }

    static List<String> commands(List<RunRecord> records) {
        return records.stream().map(r -> r.provenance().command()).distinct().toList();
    }

    static List<String> warnings(Outcomes outcomes) {
        List<String> out = new ArrayList<>();
        outcomes.byVariant().forEach((variant, runs) -> runs.stream().filter(r -> r.status() != RunStatus.COMPLETED)
                .forEach(r -> out.add(variant + " seed " + r.seed() + " " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (r.reason() == null ? "" : ": " + r.reason()) + " — it counts as a missing seed.")));
        outcomes.missingCells().forEach(c -> out.add(c.variant() + " seed " + c.seed()
                + " missing: planned by the last sweep but no record has arrived — it counts as a missing seed."));
        return out;
    }

    private static void add(Map<String, Set<String>> facts, String key, String value) {
        facts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value == null ? "unknown" : value);
    }
}
