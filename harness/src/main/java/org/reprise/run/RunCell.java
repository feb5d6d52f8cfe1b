package org.reprise.run;

import org.reprise.manifest.RunConfig;

/**
 * One planned run: a variant of an experiment with one seed.
 *
 * @param configHash SHA-256 of everything that determines the run's numbers (see {@link ConfigHash})
 */
public record RunCell(String experiment, String variant, long seed, RunConfig config, int threads, String configHash) {
    /** {@code experiment/variant/seed-n}, as folders and log lines name it. */
    public String id() {
        return experiment + "/" + variant + "/seed-" + seed;
    }
}
