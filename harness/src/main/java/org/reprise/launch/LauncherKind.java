package org.reprise.launch;

import org.reprise.manifest.Choice;

/** Where a sweep's cells run ({@code -Dlauncher}). */
public enum LauncherKind implements Choice {
    /** In this process, one cell after another (the default). */
    LOCAL,
    /** As one Slurm job array per experiment, one array task per (variant, seed) cell. */
    SLURM
}
