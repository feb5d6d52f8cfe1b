package org.reprise.manifest;

/**
 * One problem found in a manifest, located as precisely as the YAML allows.
 *
 * @param file    the manifest path as the user would type it (relative to the repository root)
 * @param line    1-based line, or 0 when unknown (e.g. a missing key: the line of its parent)
 * @param column  1-based column, or 0 when unknown
 * @param keyPath dotted path of the offending key, e.g. {@code variants.ci.model.heads}
 * @param message what was seen and what is expected
 */
public record ManifestError(String file, int line, int column, String keyPath, String message) {

    /** Formats as {@code file:line:column: key.path: message}, the shape compilers use. */
    public String format() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (!keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        return out.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
