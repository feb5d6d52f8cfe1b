package org.reprise.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.LauncherSpec;

/**
 * The Slurm settings of one submission, resolved: nothing is missing. An empty optional means
 * "the cluster's default" (no {@code #SBATCH} line is written).
 *
 * @param maxParallel the array throttle; empty for none
 * @param java        the java command tasks run
 * @see LauncherSpec for what each setting means
 */
public record SlurmSettings(Optional<String> partition, Optional<String> account, Optional<String> time, int cpusPerTask,
                            int gpusPerTask, Optional<String> memory, Optional<Integer> maxParallel, List<String> extra,
                            List<String> setup, List<String> environment, String java, List<String> jvmOptions) {
    private static final String CLUSTER_DEFAULT = "the cluster's default (not set)";

    public SlurmSettings {
        extra = List.copyOf(extra);
        setup = List.copyOf(setup);
        environment = List.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A named source of settings, most important first when resolving. */
    public record Source(String name, LauncherSpec spec) {
    }

    /** The settings and, for each, the source that decided it (printed before submitting). */
    public record Resolved(SlurmSettings settings, List<String> decisions) {
        public Resolved {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * Command line &gt; manifest &gt; user file &gt; {@link Defaults}, setting by setting.
     *
     * @param sources     in precedence order, e.g. {@code -Dlauncher.*}, the manifest, the user file
     * @param threads     the runs' OpenMP threads (the default CPUs per task)
     * @param defaultJava the JVM that submits, used when no source names one
     */
    public static Resolved resolve(List<Source> sources, int threads, String defaultJava) {
        Picker p = new Picker(sources);
        SlurmSettings settings = new SlurmSettings(
                p.optional("partition", LauncherSpec::partition, CLUSTER_DEFAULT),
                p.optional("account", LauncherSpec::account, CLUSTER_DEFAULT),
                p.optional("time", LauncherSpec::time, CLUSTER_DEFAULT),
                p.pick("cpus_per_task", LauncherSpec::cpusPerTask, Defaults.slurmCpusPerTask(threads),
                        "default: one per thread"),
                p.pick("gpus_per_task", LauncherSpec::gpusPerTask, Defaults.SLURM_GPUS_PER_TASK, "default"),
                p.optional("mem", LauncherSpec::memory, CLUSTER_DEFAULT),
                p.optional("max_parallel", LauncherSpec::maxParallel, "no limit (not set)"),
                p.pick("extra", LauncherSpec::extra, List.of(), "default"),
                p.pick("setup", LauncherSpec::setup, List.of(), "default"),
                p.pick("environment", LauncherSpec::environment, List.of(), "default"),
                p.pick("java", LauncherSpec::java, defaultJava, "default: the JVM that submits"),
                p.pick("jvm_options", LauncherSpec::jvmOptions, List.of(), "default"));
        return new Resolved(settings, p.decisions);
    }

    /** Walks the sources for one setting at a time, noting where each value came from. */
    private static final class Picker {
        private final List<Source> sources;
        private final List<String> decisions = new ArrayList<>();

        Picker(List<Source> sources) {
            this.sources = sources;
        }

        <T> T pick(String key, Function<LauncherSpec, T> getter, T fallback, String fallbackSource) {
            for (Source source : sources) {
                T value = getter.apply(source.spec());
                if (value != null) {
                    decisions.add("slurm " + key + ": " + show(value) + " (from " + source.name() + ")");
                    return value;
                }
            }
            decisions.add("slurm " + key + ": " + show(fallback) + " (" + fallbackSource + ")");
            return fallback;
        }

        <T> Optional<T> optional(String key, Function<LauncherSpec, T> getter, String whenAbsent) {
            for (Source source : sources) {
                T value = getter.apply(source.spec());
                if (value != null) {
                    decisions.add("slurm " + key + ": " + show(value) + " (from " + source.name() + ")");
                    return Optional.of(value);
                }
            }
            decisions.add("slurm " + key + ": " + whenAbsent);
            return Optional.empty();
        }

        private static String show(Object value) {
            if (value instanceof List<?> list) {
                return list.isEmpty() ? "none" : String.join("; ", list.stream().map(String::valueOf).toList());
            }
            return String.valueOf(value);
        }
    }
}
