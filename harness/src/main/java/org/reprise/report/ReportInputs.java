package org.reprise.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;
import org.reprise.run.Json;
import org.reprise.run.PlannedCell;
import org.reprise.run.ResultsStore;
import org.reprise.run.RunRecord;

/**
 * Everything one report is built from: the manifest the sweep ran from (the snapshot in
 * {@code results/<exp>/manifest.yaml}, else {@code experiments/<exp>.yaml}), the current run
 * records, and the superseded ones kept under {@code .superseded/} (for the determinism audit).
 *
 * @param manifestFile   how the report names the manifest it read
 * @param manifestSha256 SHA-256 of that file's bytes
 * @param missing        cells the last sweep planned ({@code plan.json}) that have no record yet
 */
public record ReportInputs(ExperimentManifest manifest, List<RunRecord> records, List<RunRecord> superseded,
                           String manifestFile, String manifestSha256, List<PlannedCell> missing) {
    public ReportInputs {
        records = List.copyOf(records);
        superseded = List.copyOf(superseded);
        missing = List.copyOf(missing);
    }

    /** @throws IOException when neither manifest exists or a record cannot be read */
    public static ReportInputs load(ResultsStore store, Path experimentsDir, String experiment) throws IOException {
        Path snapshot = store.manifestSnapshot(experiment);
        Path file = Files.exists(snapshot) ? snapshot : experimentsDir.resolve(experiment + ".yaml");
        if (!Files.exists(file)) {
            throw new IOException("no manifest for '" + experiment + "': neither " + snapshot + " nor " + file + " exists");
        }
        String display = Files.exists(snapshot) ? "results/" + experiment + "/manifest.yaml (snapshot of the sweep's manifest)"
                : "experiments/" + experiment + ".yaml";
        ExperimentManifest manifest = loadAs(experiment, file, display);
        List<RunRecord> records = store.readExperiment(experiment);
        List<PlannedCell> missing = store.readPlan(experiment).orElse(List.of()).stream()
                .filter(c -> records.stream().noneMatch(r -> r.variant().equals(c.variant()) && r.seed() == c.seed()))
                .toList();
        return new ReportInputs(manifest, records, readSuperseded(store.root().resolve(experiment)),
                display, sha256(Files.readAllBytes(file)), missing);
    }

    /**
     * The loader requires a manifest's file name to match its {@code name}; the snapshot is called
     * {@code manifest.yaml}, so it is read through a copy named {@code <experiment>.yaml}.
     */
    private static ExperimentManifest loadAs(String experiment, Path file, String display) throws IOException {
        if (file.getFileName().toString().equals(experiment + ".yaml")) {
            return ManifestLoader.load(file, display);
        }
        Path dir = Files.createTempDirectory("reprise-manifest");
        Path copy = dir.resolve(experiment + ".yaml");
        try {
            Files.copy(file, copy);
            return ManifestLoader.load(copy, display);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }

    private static List<RunRecord> readSuperseded(Path experimentDir) throws IOException {
        Path dir = experimentDir.resolve(".superseded");
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals(ResultsStore.RECORD)).sorted().toList()) {
                out.add(Json.MAPPER.readValue(f.toFile(), RunRecord.class));
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
