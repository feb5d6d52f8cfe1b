package org.reprise.run;

import org.reprise.manifest.Choice;

/** Named run selections, chosen with {@code -Dprofile=}; {@code -Dvariant}/{@code -Dseeds} still win over them. */
public enum Profile implements Choice {
    /** Every variant the manifest defines (not the original), each with its seeds. */
    FULL,
    /** The {@code ci} variant (and any {@code ci-<name>} variants) with their seeds: minutes on 2 CPU cores, offline data. */
    CI,
    /** The {@code ci} variant with its first seed only: a quick check that an experiment runs. */
    SMOKE
}
