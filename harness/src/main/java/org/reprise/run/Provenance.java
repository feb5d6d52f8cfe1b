package org.reprise.run;

import java.util.Map;

/**
 * Where and with what a run was made, enough to repeat it.
 *
 * @param harnessVersion Reprise's version
 * @param gitCommit      commit of the working tree, or "unknown" outside git
 * @param gitDirty       whether tracked files had uncommitted changes
 * @param command        the command line that ran the sweep
 * @param engine         backend, device, BLAS and thread counts
 * @param libraries      versions of the libraries that compute results
 */
public record Provenance(String harnessVersion, String gitCommit, boolean gitDirty, String command, String jvm,
                         String os, String arch, String cpuModel, int availableProcessors, String hostname,
                         Map<String, String> engine, Map<String, String> libraries) {
    public Provenance {
        engine = Map.copyOf(engine);
        libraries = Map.copyOf(libraries);
    }
}
