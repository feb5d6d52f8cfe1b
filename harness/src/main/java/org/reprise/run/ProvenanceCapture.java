package org.reprise.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.reprise.model.Engine;

/** Reads the environment once per sweep: git state, JVM, OS, CPU, engine and library versions. */
public final class ProvenanceCapture {
    private ProvenanceCapture() {
    }

    public static Provenance capture(Path repositoryRoot, String command) {
        Properties build = buildProperties();
        String commit = git(repositoryRoot, "rev-parse", "HEAD");
        String status = git(repositoryRoot, "status", "--porcelain", "--untracked-files=no");
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("deeplearning4j/nd4j", build.getProperty("dl4j.version", "unknown"));
        libraries.put("nd4j-backend", build.getProperty("nd4j.backend.artifact", "unknown"));
        libraries.put("jackson", build.getProperty("jackson.version", "unknown"));
        return new Provenance(build.getProperty("reprise.version", "unknown"),
                commit == null ? "unknown" : commit.trim(), status != null && !status.isBlank(), command,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), hostname(), Engine.describe(), libraries);
    }

    static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = ProvenanceCapture.class.getResourceAsStream("/reprise-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // leaves the versions "unknown"
        }
        return properties;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
        return "unknown";
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Output of a git command in {@code dir}, or null when git or the repository is absent. */
    private static String git(Path dir, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = dir.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
