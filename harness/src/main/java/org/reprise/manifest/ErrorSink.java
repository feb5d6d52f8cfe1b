package org.reprise.manifest;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects manifest errors so that validation reports all of them at once. */
final class ErrorSink {
    private final String file;
    private final List<ManifestError> errors = new ArrayList<>();
    /** A value inherited by several variants is reported once, at its first path. */
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    ErrorSink(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(Node node, String keyPath, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        int column = node == null ? 0 : node.getStartMark().getColumn() + 1;
        if (seen.add(line + ":" + column + ":" + message)) {
            errors.add(new ManifestError(file, line, column, keyPath, message));
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<ManifestError> errors() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ManifestException(errors);
        }
    }
}
