package org.reprise.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.LauncherBinder;
import org.reprise.manifest.LauncherSpec;

/**
 * The sources of Slurm settings in precedence order: the command line ({@code -Dlauncher.*}), the
 * manifest's {@code launcher:} section, then the user's launcher file ({@code -Dlauncher.config},
 * else {@code ~/.config/reprise/launcher.yaml} when it exists). {@link Defaults} fill the rest.
 */
public final class LauncherSources {
    private LauncherSources() {
    }

    /**
     * @param configFile the file {@code -Dlauncher.config} names, or null for the default place
     * @param home       the user's home folder
     * @throws LaunchException when {@code -Dlauncher.config} names a file that does not exist
     * @throws org.reprise.manifest.ManifestException when the user file is invalid (every error located)
     */
    public static List<SlurmSettings.Source> collect(LauncherSpec commandLine, ExperimentManifest manifest, Path configFile,
                                                     Path home) {
        List<SlurmSettings.Source> sources = new ArrayList<>();
        sources.add(new SlurmSettings.Source("-Dlauncher.*", commandLine));
        sources.add(new SlurmSettings.Source(manifest.source() + " launcher", manifest.launcher()));
        Path file = configFile != null ? configFile : home.resolve(Defaults.LAUNCHER_FILE);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new LaunchException("-Dlauncher.config=" + configFile + ": no such file");
        }
        if (Files.isRegularFile(file)) {
            sources.add(new SlurmSettings.Source(file.toString(), LauncherBinder.loadFile(file, file.toString())));
        }
        return sources;
    }
}
