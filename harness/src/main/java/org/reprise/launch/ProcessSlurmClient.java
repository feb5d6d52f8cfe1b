package org.reprise.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@link SlurmClient} over the real {@code sbatch}, {@code squeue} and {@code sacct}, each bounded by a timeout. */
public final class ProcessSlurmClient implements SlurmClient {
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public String submit(Path script, Path workingDir) throws SlurmException {
        Output out = run(workingDir, List.of("sbatch", "--parsable", script.toString()));
        if (out.code != 0) {
            throw new SlurmException("sbatch " + script + " failed (exit " + out.code + "): " + out.err.strip());
        }
        String id = out.out.strip().split(";")[0];  // "<job id>[;<cluster>]"
        if (!id.matches("\\d+")) {
            throw new SlurmException("sbatch printed no job id: '" + out.out.strip() + "' " + out.err.strip());
        }
        return id;
    }

    @Override
    public Map<String, TaskState> queue(Set<String> jobIds) throws SlurmException {
        // all of the user's jobs in every state, one line per array element; asking for job ids the
        // controller has forgotten would make squeue fail, so filter here instead
        Output out = run(null, List.of("squeue", "--noheader", "--array", "--me", "--states=all", "--format=%F|%K|%T|%r"));
        if (out.code != 0) {
            throw new SlurmException("squeue failed (exit " + out.code + "): " + out.err.strip());
        }
        Map<String, TaskState> states = new HashMap<>();
        for (String line : out.out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 4 && jobIds.contains(f[0]) && f[1].matches("\\d+")) {
                states.put(f[0] + "_" + f[1], new TaskState(f[2], "None".equals(f[3]) ? "" : f[3]));
            }
        }
        return states;
    }

    @Override
    public Accounting accounting(Set<String> jobIds) {
        if (jobIds.isEmpty()) {
            return new Accounting(true, "", Map.of());
        }
        Output out;
        try {
            out = run(null, List.of("sacct", "--noheader", "--parsable2", "--jobs=" + String.join(",", jobIds),
                    "--format=JobID,State,ExitCode"));
        } catch (SlurmException e) {
            return Accounting.unavailable(e.getMessage());
        }
        if (out.code != 0) {
            return Accounting.unavailable("sacct: " + (out.err.isBlank() ? "exit " + out.code : out.err.strip()));
        }
        Map<String, TaskState> states = new HashMap<>();
        for (String line : out.out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length == 3 && f[0].matches("\\d+_\\d+")) {  // skip steps (123_4.batch) and unexpanded ranges
                states.put(f[0], new TaskState(f[1].split(" ")[0], "exit " + f[2]));
            }
        }
        return new Accounting(true, "", states);
    }

    private record Output(int code, String out, String err) {
    }

    /** Runs a command with its output in temporary files, so a command that hangs cannot block past the timeout. */
    private static Output run(Path dir, List<String> command) throws SlurmException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("reprise-slurm", ".out");
            err = Files.createTempFile("reprise-slurm", ".err");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process p = builder.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException(command.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlurmException(command.get(0) + " cannot be run (" + e.getMessage()
                    + "); is Slurm installed and on the PATH?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlurmException(command.get(0) + " was interrupted");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left in /tmp
        }
    }
}
