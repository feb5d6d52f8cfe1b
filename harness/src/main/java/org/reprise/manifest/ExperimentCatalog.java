package org.reprise.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The experiments folder: one {@code <name>.yaml} manifest per experiment. */
public final class ExperimentCatalog {
    private final Path dir;
    private final Path repositoryRoot;

    public ExperimentCatalog(Path dir, Path repositoryRoot) {
        this.dir = dir;
        this.repositoryRoot = repositoryRoot;
    }

    public Path dir() {
        return dir;
    }

    /** Experiment names, sorted. */
    public List<String> names() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    public boolean contains(String name) throws IOException {
        return names().contains(name);
    }

    /** Loads and validates one manifest; throws {@link ManifestException} with every error. */
    public ExperimentManifest load(String name) {
        Path file = dir.resolve(name + ".yaml");
        return ManifestLoader.load(file, display(file));
    }

    /** The path as a user at the repository root would type it. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = repositoryRoot.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
