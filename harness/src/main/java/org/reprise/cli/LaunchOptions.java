package org.reprise.cli;

import java.nio.file.Path;
import java.util.Map;
import org.reprise.launch.LauncherKind;
import org.reprise.launch.LauncherProperties;
import org.reprise.manifest.Choice;
import org.reprise.manifest.LauncherSpec;

/**
 * The launcher part of the command line.
 *
 * @param kind       {@code -Dlauncher=local|slurm} (default local)
 * @param dryRun     {@code -Dlauncher.dry-run=true}: write the batch script, submit nothing
 * @param overrides  {@code -Dlauncher.<setting>=...}, the highest-precedence settings
 * @param configFile {@code -Dlauncher.config=FILE}, else null (the user file in its default place, if any)
 * @param cell       {@code -Dreprise.cell=true}: this process is one array task; it runs its one cell and
 *                   writes only that record (no plan, no reports: other tasks share the results folder)
 * @param cellHash   {@code -Dreprise.cell.hash}: the configuration hash the task was submitted with, or null
 *                   (the task's seed, {@code -Dreprise.cell.seed}, is read as its one seed by {@link CliOptions})
 */
record LaunchOptions(LauncherKind kind, boolean dryRun, LauncherSpec overrides, Path configFile, boolean cell,
                     String cellHash) {

    static LaunchOptions parse(Map<String, String> props) {
        LauncherKind kind = LauncherKind.LOCAL;
        if (props.containsKey("launcher")) {
            kind = Choice.parse(LauncherKind.class, props.get("launcher")).orElseThrow(() -> new IllegalArgumentException(
                    "-Dlauncher=" + props.get("launcher") + ": expected one of " + String.join(", ", Choice.keys(LauncherKind.class))));
        }
        return new LaunchOptions(kind, bool(props, "launcher.dry-run"), LauncherProperties.parse(props),
                props.containsKey("launcher.config") ? Path.of(props.get("launcher.config")).toAbsolutePath() : null,
                bool(props, "reprise.cell"), props.get("reprise.cell.hash"));
    }

    private static boolean bool(Map<String, String> props, String key) {
        String value = props.getOrDefault(key, "false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("-D" + key + "=" + value + ": expected true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
