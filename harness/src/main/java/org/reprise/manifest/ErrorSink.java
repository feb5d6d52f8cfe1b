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
        var mark = node == null ? null : node.getStartMark();
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        if (seen.add(line + ":" + column + ":" + message)) {
            errors.add(new ManifestError(file, line, column, keyPath, message));
        }
    }

    /** An error at a position that has no node (e.g. a YAML syntax error); line and column are 1-based. */
    void atPosition(int line, int column, String keyPath, String message) {
        errors.add(new ManifestError(file, line, column, keyPath, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    /** In file order (line, then column); errors without a position first. */
    List<ManifestError> errors() {
        List<ManifestError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt(ManifestError::line).thenComparingInt(ManifestError::column));
        return sorted;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ManifestException(errors());
        }
    }
}
