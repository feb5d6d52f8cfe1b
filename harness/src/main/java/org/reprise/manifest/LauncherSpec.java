package org.reprise.manifest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cluster settings for running a sweep as Slurm job arrays, as one source gives them (the manifest's
 * {@code launcher:} section, the user's launcher file, or the command line). Every component is
 * null when that source does not set it; {@code org.reprise.launch.SlurmSettings} resolves the
 * sources with {@link Defaults}. None of these settings changes a run's numbers, so none enters
 * the configuration hash.
 *
 * @param partition   {@code --partition}
 * @param account     {@code --account}
 * @param time        {@code --time} per array task, in Slurm's notation (minutes, MM:SS, HH:MM:SS, D-HH[:MM[:SS]])
 * @param cpusPerTask {@code --cpus-per-task}
 * @param gpusPerTask {@code --gpus-per-task} (0: no GPU line)
 * @param memory      {@code --mem} per task, e.g. 8G or 4000M
 * @param maxParallel the array throttle {@code %N}: at most this many tasks at once
 * @param extra       further {@code #SBATCH} options, each written as its own line (e.g. {@code --qos=long})
 * @param setup       shell lines the task runs before Java (e.g. {@code module load java/17})
 * @param environment variables the task exports: {@code NAME} copies the submitting environment's
 *                    value, {@code NAME=value} sets one
 * @param java        the java command on the compute nodes
 * @param jvmOptions  options for that JVM (e.g. {@code -Xmx8g})
 */
public record LauncherSpec(String partition, String account, String time, Integer cpusPerTask, Integer gpusPerTask,
                           String memory, Integer maxParallel, List<String> extra, List<String> setup,
                           List<String> environment, String java, List<String> jvmOptions) {
    public static final LauncherSpec EMPTY = new LauncherSpec(null, null, null, null, null, null, null, null, null, null,
            null, null);

    /** The manifest / file keys, in the order the documentation lists them. */
    public static final List<String> KEYS = List.of("partition", "account", "time", "cpus_per_task", "gpus_per_task",
            "mem", "max_parallel", "extra", "setup", "environment", "java", "jvm_options");

    private static final Pattern TIME = Pattern.compile("\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d+(:\\d{1,2}(:\\d{1,2})?)?");
    private static final Pattern MEMORY = Pattern.compile("[1-9]\\d*[KMGT]?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+-]+");

    public LauncherSpec {
        extra = extra == null ? null : List.copyOf(extra);
        setup = setup == null ? null : List.copyOf(setup);
        environment = environment == null ? null : List.copyOf(environment);
        jvmOptions = jvmOptions == null ? null : List.copyOf(jvmOptions);
    }

    /** What is wrong with {@code text} as the value of {@code key}, or empty when it is fine. Shared by every source. */
    public static Optional<String> problem(String key, String text) {
        boolean ok = switch (key) {
            case "partition", "account" -> PLAIN.matcher(text).matches();
            case "time" -> TIME.matcher(text).matches();
            case "mem" -> MEMORY.matcher(text).matches();
            case "extra" -> text.startsWith("-") && oneLine(text);
            case "environment" -> NAME.matcher(text.contains("=") ? text.substring(0, text.indexOf('=')) : text).matches()
                    && oneLine(text);
            case "setup", "java", "jvm_options" -> !text.isBlank() && oneLine(text);
            default -> true;
        };
        return ok ? Optional.empty() : Optional.of("expected " + expected(key) + ", found '" + text + "'");
    }

    /** What {@code key} takes, as error messages and the documentation say it. */
    public static String expected(String key) {
        return switch (key) {
            case "partition", "account" -> "a Slurm name (letters, digits, _ . + -)";
            case "time" -> "a Slurm time limit: minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]]";
            case "mem" -> "a memory size such as 8G or 4000M (K, M, G, T; no unit means megabytes)";
            case "extra" -> "an sbatch option such as --qos=long, on one line";
            case "environment" -> "a variable NAME (its value at submission) or NAME=value, on one line";
            case "setup" -> "a shell line";
            case "java" -> "the java command (a path)";
            case "jvm_options" -> "a JVM option such as -Xmx8g";
            case "cpus_per_task", "max_parallel" -> "a positive integer";
            case "gpus_per_task" -> "a non-negative integer";
            default -> "one of " + String.join(", ", KEYS);
        };
    }

    private static boolean oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\0') < 0;
    }
}
