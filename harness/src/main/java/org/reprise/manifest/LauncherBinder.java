package org.reprise.manifest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds a {@code launcher:} mapping (the manifest's section, or the whole of the user's launcher
 * file) into a {@link LauncherSpec}, with the manifest's error quality: file, line, column, key
 * path, value seen and what is expected; unknown keys are errors with a suggestion.
 */
public final class LauncherBinder {
    private LauncherBinder() {
    }

    static LauncherSpec bind(Section s) {
        String partition = checked(s, "partition");
        String account = checked(s, "account");
        String time = checked(s, "time");
        Integer cpus = s.intValue("cpus_per_task", 1, 4096);
        Integer gpus = s.intValue("gpus_per_task", 0, 1024);
        String memory = checked(s, "mem");
        Integer maxParallel = s.intValue("max_parallel", 1, 1_000_000);
        List<String> extra = lines(s, "extra");
        List<String> setup = lines(s, "setup");
        List<String> environment = lines(s, "environment");
        String java = checked(s, "java");
        List<String> jvmOptions = lines(s, "jvm_options");
        s.finish();
        return new LauncherSpec(partition, account, time, cpus, gpus, memory, maxParallel, extra, setup, environment,
                java, jvmOptions);
    }

    /**
     * Reads a user-level launcher file (the keys of a {@code launcher:} section at top level).
     *
     * @param displayPath how errors name the file
     * @throws ManifestException with every error found
     */
    public static LauncherSpec loadFile(Path file, String displayPath) {
        ErrorSink sink = new ErrorSink(displayPath);
        Node root = null;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            sink.atPosition(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            sink.at(null, "", "cannot be read: " + e.getMessage());
        }
        sink.throwIfAny();
        LauncherSpec spec = root == null ? LauncherSpec.EMPTY : bind(Section.of(sink, root, ""));
        sink.throwIfAny();
        return spec;
    }

    private static String checked(Section s, String key) {
        String text = s.string(key);
        if (text == null) {
            return null;
        }
        var problem = LauncherSpec.problem(key, text);
        if (problem.isPresent()) {
            s.error(key, problem.get());
            return null;
        }
        return text;
    }

    /** A list of one-line texts; a single text is taken as a list of one. */
    private static List<String> lines(Section s, String key) {
        Node value = s.value(key);
        if (value == null || Section.isNull(value)) {
            return null;
        }
        List<Node> items = value instanceof ScalarNode ? List.of(value) : s.list(key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String path = s.child(key) + (value instanceof ScalarNode ? "" : "[" + i + "]");
            if (!(item instanceof ScalarNode scalar) || Section.isNull(item)) {
                s.sink().at(item, path, "expected " + LauncherSpec.expected(key) + ", found " + YamlNodes.describe(item));
                continue;
            }
            var problem = LauncherSpec.problem(key, scalar.getValue());
            if (problem.isPresent()) {
                s.sink().at(item, path, problem.get());
            } else {
                out.add(scalar.getValue());
            }
        }
        return out;
    }
}
