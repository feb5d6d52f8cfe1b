package org.reprise.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.reprise.manifest.LauncherSpec;

/**
 * The launcher settings given on the command line: {@code -Dlauncher.<key>=value} with the keys of the
 * manifest's {@code launcher:} section ({@code -Dlauncher.cpus_per_task=2}); list settings take
 * items separated by {@code ;} ({@code -Dlauncher.extra=--qos=long;--constraint=a100}).
 */
public final class LauncherProperties {
    public static final String PREFIX = "launcher.";
    /** The launcher's own switches, which are not settings. */
    public static final List<String> SWITCHES = List.of("launcher", "launcher.config", "launcher.dry-run");

    private LauncherProperties() {
    }

    /** Every property name this class reads, for the command line's key list. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(SWITCHES);
        LauncherSpec.KEYS.forEach(k -> keys.add(PREFIX + k));
        return keys;
    }

    /** @throws IllegalArgumentException naming the property, the value and what is expected */
    public static LauncherSpec parse(Map<String, String> props) {
        for (String key : props.keySet()) {
            if (key.startsWith(PREFIX) && !keys().contains(key)) {
                throw new IllegalArgumentException("-D" + key + ": unknown launcher setting" + suggestion(key)
                        + " (settings: " + String.join(", ", keys()) + ")");
            }
        }
        return new LauncherSpec(text(props, "partition"), text(props, "account"), text(props, "time"),
                integer(props, "cpus_per_task", 1), integer(props, "gpus_per_task", 0), text(props, "mem"),
                integer(props, "max_parallel", 1), list(props, "extra"), list(props, "setup"), list(props, "environment"),
                text(props, "java"), list(props, "jvm_options"));
    }

    private static String text(Map<String, String> props, String key) {
        String value = props.get(PREFIX + key);
        if (value == null) {
            return null;
        }
        check(key, value.trim(), value);
        return value.trim();
    }

    private static Integer integer(Map<String, String> props, String key, int min) {
        String value = props.get(PREFIX + key);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PREFIX + key + "=" + value + ": expected " + LauncherSpec.expected(key));
        }
    }

    private static List<String> list(Map<String, String> props, String key) {
        String value = props.get(PREFIX + key);
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(";")) {
            if (!item.isBlank()) {
                check(key, item.trim(), value);
                items.add(item.trim());
            }
        }
        return items;
    }

    private static void check(String key, String item, String whole) {
        Optional<String> problem = LauncherSpec.problem(key, item);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("-D" + PREFIX + key + "=" + whole + ": " + problem.get());
        }
    }

    private static String suggestion(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : keys()) {
            int d = distance.apply(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 6) ? "; did you mean -D" + best + "?" : "";
    }
}
