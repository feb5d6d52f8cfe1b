package org.reprise.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a submission needs from the process that makes it.
 *
 * @param root        the repository root tasks run from ({@code -Dreprise.root})
 * @param resultsDir  the shared results folder (absolute; it must be visible from the compute nodes)
 * @param dataDir     the data folder tasks read (absolute)
 * @param classpath   the classpath tasks load Reprise from (the submitting JVM's)
 * @param environment the submitting environment, for the variables the settings pass through
 */
public record LaunchContext(Path root, Path resultsDir, Path dataDir, String classpath, Map<String, String> environment,
                            Clock clock, PrintStream out) {
    public LaunchContext {
        environment = Map.copyOf(environment);
    }
}
