package org.reprise.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The batch script of one submission: a job array whose task {@code i} runs exactly cell {@code i}
 * of the plan through the same entry point as a local run ({@code org.reprise.cli.Main}), with
 * {@code -Dreprise.cell=true} so it writes only its own record (no reports: tasks share results/).
 *
 * <p>Environment: {@code --export=NONE}, so nothing leaks from the submitting shell (a stray
 * {@code OMP_NUM_THREADS} or {@code JAVA_TOOL_OPTIONS} would change the numbers); the script exports
 * the thread variables and the variables the settings name, with their values at submission.
 *
 * @param table         every cell of the plan with its index (the script's lookup table)
 * @param submit        the indices this submission runs ({@code --array})
 * @param threads       the runs' OpenMP threads (part of their configuration hash)
 * @param classpathFile a file holding the classpath, one line
 * @param logDir        where each task's output goes, as {@code <job>_<index>.log}
 * @param environment   variables to export, in order, with their values
 */
record SbatchScript(String experiment, List<ArrayTask> table, List<Integer> submit, SlurmSettings settings, int threads,
                    Path root, Path resultsDir, Path dataDir, Path classpathFile, Path logDir,
                    Map<String, String> environment) {
    static final String MAIN = "org.reprise.cli.Main";

    String render() {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# Reprise: ").append(experiment).append(" as a Slurm job array, one task per (variant, seed) cell.\n");
        s.append("# Written by -Dlauncher=slurm; task i runs cell i of the table below and writes only its run record.\n");
        directive(s, "--job-name=" + "reprise-" + experiment);
        directive(s, "--array=" + ArrayRanges.format(submit) + settings.maxParallel().map(n -> "%" + n).orElse(""));
        directive(s, "--output=" + ShellQuote.directive(ShellQuote.filenamePattern(logDir.toString()) + "/%A_%a.log"));
        directive(s, "--ntasks=1");
        directive(s, "--cpus-per-task=" + settings.cpusPerTask());
        settings.partition().ifPresent(v -> directive(s, "--partition=" + v));
        settings.account().ifPresent(v -> directive(s, "--account=" + v));
        settings.time().ifPresent(v -> directive(s, "--time=" + v));
        settings.memory().ifPresent(v -> directive(s, "--mem=" + v));
        if (settings.gpusPerTask() > 0) {
            directive(s, "--gpus-per-task=" + settings.gpusPerTask());
        }
        directive(s, "--requeue");
        directive(s, "--open-mode=append");
        directive(s, "--export=NONE");
        settings.extra().forEach(line -> directive(s, line));
        s.append("set -euo pipefail\n\n");

        s.append("# Environment: nothing is inherited from the submitting shell (--export=NONE).\n");
        s.append("export OMP_NUM_THREADS=").append(threads).append('\n');
        s.append("export OPENBLAS_NUM_THREADS=").append(threads).append('\n');
        environment.forEach((name, value) -> s.append("export ").append(name).append('=').append(ShellQuote.bash(value)).append('\n'));
        if (!settings.setup().isEmpty()) {
            s.append("\n# Setup from the launcher settings (module systems read unset variables, hence set +u).\n");
            s.append("set +u\n");
            settings.setup().forEach(line -> s.append(line).append('\n'));
            s.append("set -u\n");
        }

        s.append("\n# Array index -> cell.\n");
        s.append("variants=(").append(table.stream().map(t -> ShellQuote.bash(t.variant())).collect(Collectors.joining(" "))).append(")\n");
        s.append("seeds=(").append(table.stream().map(t -> Long.toString(t.seed())).collect(Collectors.joining(" "))).append(")\n");
        s.append("hashes=(").append(table.stream().map(t -> ShellQuote.bash(t.configHash())).collect(Collectors.joining(" "))).append(")\n");
        s.append("i=${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}\n");
        s.append("echo \"reprise: task ${SLURM_ARRAY_JOB_ID:-?}_${i} runs ").append(experiment)
                .append("/${variants[i]}/seed-${seeds[i]} on $(hostname) (restart ${SLURM_RESTART_COUNT:-0}) at $(date -u +%FT%TZ)\"\n");
        s.append("cd ").append(ShellQuote.bash(root.toString())).append("\n\n");

        s.append("exec ").append(ShellQuote.bash(settings.java()));
        settings.jvmOptions().forEach(o -> s.append(' ').append(ShellQuote.bash(o)));
        s.append(" \\\n");
        line(s, "-cp \"$(cat " + ShellQuote.bash(classpathFile.toString()) + ")\"");
        line(s, "-Dreprise.root=" + ShellQuote.bash(root.toString()));
        line(s, "-Dexp=" + ShellQuote.bash(experiment));
        line(s, "-Dvariant=\"${variants[i]}\"");
        line(s, "-Dreprise.cell.seed=\"${seeds[i]}\"");
        line(s, "-Dthreads=" + threads);
        line(s, "-Dresults.dir=" + ShellQuote.bash(resultsDir.toString()));
        line(s, "-Ddata.dir=" + ShellQuote.bash(dataDir.toString()));
        line(s, "-Dprogress=false");
        line(s, "-Dreprise.cell=true");
        line(s, "-Dreprise.cell.hash=\"${hashes[i]}\"");
        s.append("  ").append(MAIN).append('\n');
        return s.toString();
    }

    private static void directive(StringBuilder s, String option) {
        s.append("#SBATCH ").append(option).append('\n');
    }

    private static void line(StringBuilder s, String argument) {
        s.append("  ").append(argument).append(" \\\n");
    }
}
