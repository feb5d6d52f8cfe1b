package org.reprise.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ND4J sizes its OpenMP pool from {@code OMP_NUM_THREADS} when the native library loads; setting the
 * thread count from Java afterwards leaves OpenMP regions on the default (measured: 8,860 against
 * 14,514 tokens/s on 2 cores, and different bits). {@code mvn exec:java} runs inside Maven's JVM,
 * whose environment cannot be changed, so the CLI relaunches itself once in a child JVM with the
 * environment set, passing every {@code -D} property and the same classpath.
 */
final class ThreadRelauncher {
    static final String CHILD_MARKER = "reprise.child";

    private ThreadRelauncher() {
    }

    /** Whether this JVM already runs with {@code threads} OpenMP threads fixed by the environment. */
    static boolean environmentMatches(int threads) {
        return String.valueOf(threads).equals(System.getenv("OMP_NUM_THREADS"));
    }

    /** Runs Main in a child JVM with the thread environment set; returns its exit code, or empty if it cannot. */
    static Optional<Integer> relaunch(int threads, Map<String, String> props) throws IOException, InterruptedException {
        if (props.containsKey(CHILD_MARKER)) {
            return Optional.empty();
        }
        String classpath = classpath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        for (String key : CliOptions.KEYS) {
            if (props.containsKey(key)) {
                command.add("-D" + key + "=" + props.get(key));
            }
        }
        command.add("-Dreprise.root=" + props.getOrDefault("reprise.root", System.getProperty("user.dir")));
        if (!props.containsKey("progress")) {
            command.add("-Dprogress=" + (System.console() != null));
        }
        command.add("-D" + CHILD_MARKER + "=true");
        command.add(Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        builder.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return Optional.of(child.waitFor());
    }

    /**
     * The classpath this JVM loaded Main from: exec:java's class loader, or the plain java.class.path.
     * Also what benchmark children and Slurm array tasks load Reprise from.
     */
    static String classpath() {
        ClassLoader loader = Main.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
