package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.RunConfig;
import org.reprise.manifest.VariantSpec;

/** Expands an experiment into its run plan: variants × seeds, with command-line overrides applied. */
public final class Planner {
    public static final String ORIGINAL = "original";

    private Planner() {
    }

    public static RunPlan plan(ExperimentManifest manifest, Overrides overrides) {
        List<String> decisions = new ArrayList<>();
        Profile profile = overrides.profile() != null ? overrides.profile() : Profile.FULL;
        String profileSource = overrides.profile() != null ? "-Dprofile=" + profile.key() : "default profile " + profile.key();
        List<String> variants = selectVariants(manifest, overrides, profile, profileSource, decisions);
        int threads = overrides.threads() != null ? overrides.threads() : Defaults.THREADS;
        decisions.add("threads: " + threads + (overrides.threads() != null ? " (from -Dthreads)" : " (default)"));

        List<RunCell> cells = new ArrayList<>();
        for (String variant : variants) {
            RunConfig config = variant.equals(ORIGINAL) ? manifest.original().config() : manifest.variants().get(variant).config();
            List<Long> seeds = selectSeeds(manifest, variant, overrides, profile, decisions);
            for (long seed : seeds) {
                cells.add(new RunCell(manifest.name(), variant, seed, config, threads, ConfigHash.of(config, seed, threads)));
            }
        }
        return new RunPlan(manifest, cells, decisions);
    }

    private static List<String> selectVariants(ExperimentManifest manifest, Overrides overrides, Profile profile,
                                               String profileSource, List<String> decisions) {
        Map<String, VariantSpec> defined = manifest.variants();
        List<String> chosen;
        String source;
        if (overrides.variants() != null) {
            chosen = overrides.variants();
            source = "-Dvariant";
        } else if (profile == Profile.FULL) {
            chosen = List.copyOf(defined.keySet());
            source = profileSource + ": every variant in the manifest";
        } else {
            // a comparison needs each side at ci size: ci-<name> variants run with ci
            chosen = defined.keySet().stream().filter(n -> n.equals("ci") || n.startsWith("ci-")).toList();
            chosen = chosen.isEmpty() ? List.of("ci") : chosen;
            source = profileSource;
        }
        for (String name : chosen) {
            if (!name.equals(ORIGINAL) && !defined.containsKey(name)) {
                throw new PlanException(manifest.source() + ": no variant '" + name + "' (requested by " + source
                        + "); variants: " + String.join(", ", defined.keySet()) + ", or original");
            }
        }
        decisions.add("variants: " + String.join(", ", chosen) + " (from " + source + ")");
        return chosen;
    }

    private static List<Long> selectSeeds(ExperimentManifest manifest, String variant, Overrides overrides, Profile profile,
                                          List<String> decisions) {
        List<Long> seeds;
        String source;
        if (overrides.seeds() != null) {
            seeds = overrides.seeds();
            source = "-Dseeds";
        } else {
            seeds = variant.equals(ORIGINAL) ? Defaults.SEEDS : manifest.variants().get(variant).seeds();
            source = variant.equals(ORIGINAL) ? "defaults" : "manifest";
            if (profile == Profile.SMOKE) {
                seeds = seeds.subList(0, 1);
                source = "-Dprofile=smoke: first seed";
            }
        }
        decisions.add("seeds of " + variant + ": " + seeds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + " (from " + source + ")");
        return seeds;
    }
}
