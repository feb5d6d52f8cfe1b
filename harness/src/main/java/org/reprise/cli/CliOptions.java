package org.reprise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.reprise.launch.LauncherProperties;
import org.reprise.manifest.Choice;
import org.reprise.run.Overrides;
import org.reprise.run.Profile;

/**
 * The command line, read from {@code -D} properties (as {@code mvn exec:java -Dexp=NAME ...} passes them).
 *
 * @param mode       run (default), validate, list, report (rebuild reports from results/ without training),
 *                   nightly, or status (each cell's state: queued, running, completed, failed, missing)
 * @param reportsDir where reports are written ({@code -Dreports.dir}, default {@code <root>/reports})
 * @param launch     where cells run ({@code -Dlauncher}) and with which cluster settings
 */
record CliOptions(String mode, String experiment, Overrides overrides, Path root, Path resultsDir, Path dataDir,
                  Path reportsDir,
                  boolean failFast, boolean progressBar, String command, LaunchOptions launch) {

    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("exp", "mode", "variant", "seeds", "profile", "threads", "results.dir",
                "reports.dir", "data.dir", "fail.fast", "progress", "nightly.experiments", "update.baselines", "baselines.dir",
                "lengths"));
        keys.addAll(LauncherProperties.keys());
        keys.addAll(List.of("reprise.cell", "reprise.cell.seed", "reprise.cell.hash"));
        return List.copyOf(keys);
    }

    /** @throws IllegalArgumentException with a message naming the property and what it expects */
    static CliOptions parse(Map<String, String> props) {
        Path root = Path.of(props.getOrDefault("reprise.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        String mode = props.getOrDefault("mode", "run");
        if (!List.of("run", "validate", "list", "report", "nightly", "status").contains(mode)) {
            throw new IllegalArgumentException("-Dmode=" + mode + ": expected run, validate, list, report, nightly or status");
        }
        List<String> variants = props.containsKey("variant") ? splitList(props.get("variant")) : null;
        List<Long> seeds = props.containsKey("seeds") ? parseSeeds(props.get("seeds")) : null;
        if (props.containsKey("reprise.cell.seed")) { // an array task's one seed (-Dseeds=3 would mean seeds 1, 2, 3)
            if (seeds != null) {
                throw new IllegalArgumentException("-Dreprise.cell.seed and -Dseeds: give one or the other");
            }
            seeds = List.of(parseSeed("reprise.cell.seed", props.get("reprise.cell.seed")));
        }
        Profile profile = null;
        if (props.containsKey("profile")) {
            profile = Choice.parse(Profile.class, props.get("profile")).orElseThrow(() -> new IllegalArgumentException(
                    "-Dprofile=" + props.get("profile") + ": expected one of " + String.join(", ", Choice.keys(Profile.class))));
        }
        Integer threads = null;
        if (props.containsKey("threads")) {
            threads = parsePositive("threads", props.get("threads"));
        }
        List<Integer> lengths = null;
        if (props.containsKey("lengths")) {
            lengths = new ArrayList<>();
            for (String part : splitList(props.get("lengths"))) {
                lengths.add(parsePositive("lengths", part));
            }
        }
        Path results = props.containsKey("results.dir") ? Path.of(props.get("results.dir")) : root.resolve("results");
        Path reports = props.containsKey("reports.dir") ? Path.of(props.get("reports.dir")) : root.resolve("reports");
        Path data = props.containsKey("data.dir") ? Path.of(props.get("data.dir"))
                : Path.of(System.getProperty("user.home"), ".cache", "reprise", "data");
        boolean progress = props.containsKey("progress") ? Boolean.parseBoolean(props.get("progress")) : System.console() != null;
        return new CliOptions(mode, props.get("exp"), new Overrides(variants, seeds, profile, threads, lengths), root,
                results.toAbsolutePath(), data.toAbsolutePath(), reports.toAbsolutePath(), Boolean.parseBoolean(props.getOrDefault("fail.fast", "false")),
                progress, command(props), LaunchOptions.parse(props));
    }

    /** The command as the user would retype it. */
    private static String command(Map<String, String> props) {
        StringBuilder line = new StringBuilder("mvn exec:java");
        for (String key : KEYS) {
            if (props.containsKey(key)) {
                line.append(" -D").append(key).append('=').append(props.get(key));
            }
        }
        return line.toString();
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("-Dvariant is empty: expected variant names separated by commas");
        }
        return out;
    }

    /** {@code 3} means seeds 1, 2, 3; {@code 4,7} lists them. */
    static List<Long> parseSeeds(String text) {
        try {
            if (!text.contains(",")) {
                int count = parsePositive("seeds", text);
                List<Long> seeds = new ArrayList<>();
                for (long i = 1; i <= count; i++) {
                    seeds.add(i);
                }
                return seeds;
            }
            List<Long> seeds = Arrays.stream(text.split(",")).map(String::trim).map(Long::parseLong).toList();
            if (seeds.stream().anyMatch(s -> s < 0) || seeds.stream().distinct().count() != seeds.size()) {
                throw new NumberFormatException();
            }
            return seeds;
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            throw new IllegalArgumentException("-Dseeds=" + text
                    + ": expected a count (3 means seeds 1,2,3) or distinct non-negative seeds separated by commas");
        }
    }

    private static long parseSeed(String key, String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + text + ": expected a non-negative integer");
        }
    }

    private static int parsePositive(String key, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + "=" + text + ": expected a positive integer");
        }
    }
}
