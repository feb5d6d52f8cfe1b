package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.BenchmarkSpec;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ModelSpec;
import org.reprise.manifest.RunConfig;
import org.reprise.manifest.TrainSpec;

/**
 * Expands a benchmark experiment into cells: every chosen variant at every length, each with its
 * length-dependent settings resolved, and checks every cell's pattern before anything is measured.
 */
public final class BenchmarkPlanner {
    private BenchmarkPlanner() {
    }

    public static BenchmarkPlan plan(ExperimentManifest manifest, Overrides overrides) {
        BenchmarkSpec spec = manifest.benchmarkSpec().orElseThrow(() -> new PlanException(manifest.source()
                + ": not a benchmark (it has no benchmark section)"));
        List<String> decisions = new ArrayList<>();
        List<String> variants = new ArrayList<>(manifest.variants().keySet());
        String variantSource = "every variant in the manifest";
        if (overrides.variants() != null) {
            for (String name : overrides.variants()) {
                if (!manifest.variants().containsKey(name)) {
                    throw new PlanException(manifest.source() + ": no variant '" + name + "' (requested by -Dvariant); variants: "
                            + String.join(", ", manifest.variants().keySet()));
                }
            }
            variants = overrides.variants();
            variantSource = "-Dvariant";
        }
        decisions.add("variants: " + String.join(", ", variants) + " (from " + variantSource + ")");
        List<Integer> lengths = spec.lengths();
        String lengthSource = "manifest benchmark.lengths";
        if (overrides.lengths() != null) {
            lengths = overrides.lengths();
            lengthSource = "-Dlengths";
        } else if (overrides.profile() == Profile.CI || overrides.profile() == Profile.SMOKE) {
            lengths = spec.ciLengths();
            lengthSource = "-Dprofile=" + overrides.profile().key() + ": benchmark.ci_lengths";
        }
        decisions.add("lengths: " + lengths + " (from " + lengthSource + ")");
        int threads = overrides.threads() != null ? overrides.threads() : Defaults.THREADS;
        decisions.add("threads: " + threads + (overrides.threads() != null ? " (from -Dthreads)" : " (default)"));
        long budget = (long) (spec.memoryBudgetGib() * (1L << 30));
        decisions.add(String.format(java.util.Locale.ROOT, "memory budget per cell: %.1f GiB; %d warm-up + %d timed steps, median reported",
                spec.memoryBudgetGib(), spec.warmup(), spec.repetitions()));

        List<BenchmarkCell> cells = new ArrayList<>();
        for (String variant : variants) {
            for (int n : lengths) {
                RunConfig config = atLength(manifest.variants().get(variant).config(), spec, n);
                check(manifest, variant, n, config);
                cells.add(new BenchmarkCell(manifest.name(), variant, n, config, spec.scope(), spec.warmup(),
                        spec.repetitions(), budget, threads, hash(config, spec, threads)));
            }
        }
        return new BenchmarkPlan(manifest, spec, cells, decisions);
    }

    /** The configuration at length n: the length, length-scaled attention parameters and the batch of a token budget. */
    static RunConfig atLength(RunConfig config, BenchmarkSpec spec, int n) {
        ModelSpec m = config.model();
        Map<String, Long> parameters = new LinkedHashMap<>(m.attention().parameters());
        spec.scaleWithLength().forEach((name, rule) -> {
            // rules apply to the variants whose pattern has the parameter, except one LSH bucket: that is
            // full shared-QK attention (nothing is hashed), the baseline the LSH variants are compared with
            boolean fullAttention = name.equals("buckets") && m.attention().parameter("buckets", 0) == 1;
            if (m.attention().type().parameters().contains(name) && !fullAttention) {
                parameters.put(name, (long) BenchmarkSpec.scaled(rule, n));
            }
        });
        AttentionSpec attention = new AttentionSpec(m.attention().type(), parameters, m.attention().options());
        ModelSpec model = m.withSequence(n, attention);
        TrainSpec t = config.training();
        int batch = spec.tokensPerBatch() != null ? spec.tokensPerBatch() / n : t.batchSize();
        TrainSpec training = new TrainSpec(t.optimizer(), t.learningRate(), t.warmupSteps(), t.schedule(), batch, t.steps(),
                t.epochs(), t.gradientClip(), t.weightDecay(), t.evalInterval(), t.evalBatches(), t.checkpointInterval(),
                t.beta1(), t.beta2(), t.epsilon());
        return new RunConfig(model, training, config.data());
    }

    /** Parameters that cut the sequence into equal pieces, so they must divide every benchmarked length. */
    private static final List<String> DIVIDING = List.of("stride", "block", "chunk", "window");

    /** Refuses a cell whose length-scaled parameters cannot cut its length, before any measurement. */
    private static void check(ExperimentManifest manifest, String variant, int n, RunConfig config) {
        AttentionSpec attention = config.model().attention();
        Long buckets = attention.parameters().get("buckets");
        if (buckets != null && buckets != 1 && (buckets < 1 || buckets % 2 != 0)) {
            throw new PlanException(manifest.source() + ": variant " + variant + " at length " + n + ": model.attention.buckets = "
                    + buckets + " must be 1 or even (angular LSH takes argmax over [xR; −xR])");
        }
        for (String name : DIVIDING) {
            Long value = attention.parameters().get(name);
            if (value != null && (value < 1 || n % value != 0)) {
                throw new PlanException(manifest.source() + ": variant " + variant + " at length " + n + ": model.attention."
                        + name + " = " + value + " must divide the length (set benchmark.scale_with_length." + name
                        + " or choose lengths it divides)");
            }
        }
        if (config.training().batchSize() < 1) {
            throw new PlanException(manifest.source() + ": variant " + variant + " at length " + n
                    + ": benchmark.tokens_per_batch leaves a batch of 0 sequences");
        }
    }

    private static String hash(RunConfig config, BenchmarkSpec spec, int threads) {
        // the seed slot carries what else changes the numbers: scope, warm-up and repetitions
        long what = spec.scope().ordinal() * 1_000_000L + spec.warmup() * 1_000L + spec.repetitions();
        return ConfigHash.of(config, what, threads);
    }
}
