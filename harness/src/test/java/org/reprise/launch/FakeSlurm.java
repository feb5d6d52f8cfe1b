package org.reprise.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A Slurm that accepts every script and reports whatever queue and accounting the test sets. */
final class FakeSlurm implements SlurmClient {
    final List<Path> submitted = new ArrayList<>();
    final Map<String, TaskState> queue = new HashMap<>();
    Accounting accounting = Accounting.unavailable("Slurm accounting storage is disabled");
    private int nextJob = 100;

    @Override
    public String submit(Path script, Path workingDir) {
        submitted.add(script);
        return Integer.toString(nextJob++);
    }

    @Override
    public Map<String, TaskState> queue(Set<String> jobIds) {
        Map<String, TaskState> out = new HashMap<>();
        queue.forEach((task, state) -> {
            if (jobIds.contains(task.substring(0, task.indexOf('_')))) {
                out.put(task, state);
            }
        });
        return out;
    }

    @Override
    public Accounting accounting(Set<String> jobIds) {
        return accounting;
    }
}
