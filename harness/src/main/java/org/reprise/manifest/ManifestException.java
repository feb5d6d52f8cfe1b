package org.reprise.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when one or more manifests are invalid; carries every error found, not just the first. */
public final class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<ManifestError> errors;

    public ManifestException(List<ManifestError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in manifest:\n"
                + errors.stream().map(e -> "  " + e.format()).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ManifestError> errors() {
        return errors;
    }
}
