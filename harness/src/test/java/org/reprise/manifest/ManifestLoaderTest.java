package org.reprise.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
    private static final Path VALID = Path.of("src/test/resources/manifests/valid/small-copy.yaml");

    @Test
    void variantsDeepMergeOverTheOriginal() {
        ExperimentManifest m = ManifestLoader.load(VALID, "small-copy.yaml");

        ModelSpec ci = m.variants().get("ci").config().model();
        assertThat(ci.width()).isEqualTo(32);
        assertThat(ci.layers()).as("inherited from original").isEqualTo(1);
        assertThat(ci.heads()).isEqualTo(4);
        assertThat(m.variants().get("ci").config().training().steps()).isEqualTo(20);
        assertThat(m.variants().get("reduced").config().model().width()).isEqualTo(64);
        assertThat(m.original().config().training().steps()).isEqualTo(1000);
    }

    @Test
    void missingSettingsComeFromDefaults() {
        ExperimentManifest m = ManifestLoader.load(VALID, "small-copy.yaml");

        TrainSpec t = m.variants().get("reduced").config().training();
        assertThat(t.learningRate()).isEqualTo(Defaults.LEARNING_RATE);
        assertThat(t.batchSize()).isEqualTo(Defaults.BATCH_SIZE);
        assertThat(t.evalInterval()).isEqualTo(Defaults.evalInterval(100));
        assertThat(t.checkpointInterval()).isEqualTo(t.evalInterval());
        assertThat(m.variants().get("reduced").config().model().ffMultiplier()).isEqualTo(Defaults.FF_MULTIPLIER);
        assertThat(m.confidence()).isEqualTo(Defaults.CONFIDENCE);
    }

    @Test
    void keepsSeedsReasonsReportedValuesAndClaims() {
        ExperimentManifest m = ManifestLoader.load(VALID, "small-copy.yaml");

        assertThat(m.variants().get("ci").seeds()).containsExactly(1L, 2L, 3L);
        assertThat(m.variants().get("reduced").reasons()).containsEntry("training.steps", "budget");
        assertThat(m.original().unstated()).containsExactly("training.learning_rate");
        assertThat(m.original().reported()).singleElement()
                .satisfies(r -> assertThat(r.source()).isEqualTo("Kitaev et al. 2020, Table 2"));
        assertThat(m.claims()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClaimKind.EQUIVALENT);
            assertThat(c.paper().value()).isEqualTo(1.0);
            assertThat(c.paper().metric()).as("inherited from the claim").isEqualTo("accuracy");
            assertThat(c.direction()).as("from the metric").isEqualTo(Direction.HIGHER);
        });
    }

    @Test
    void assumedSettingsKeepTheirValueAndTheirJustification() {
        Path root = Path.of(System.getProperty("reprise.root", ".."));
        ExperimentManifest m = new ExperimentCatalog(root.resolve("experiments"), root).load("cifar10-strided");

        assertThat(m.original().config().model().attention().parameter("stride", 0)).isEqualTo(96);
        assertThat(m.original().assumed()).containsKeys("model.attention.stride", "model.attention.integration");
        assertThat(m.original().unstated()).containsExactly("training.batch_size");
        assertThat(m.variants().get("ci").config().training().epochs()).as("ci drops the original's epochs").isNull();
        assertThat(m.original().config().training().steps()).as("120 epochs of 48,000 images in batches of 8")
                .isEqualTo(120L * 48_000 / Defaults.BATCH_SIZE);
    }

    @Test
    void aVariantExtendsAnotherVariantsConfigurationReasonsAndSeeds() {
        ExperimentManifest m = ManifestLoader.load(Path.of("../experiments/copy-task.yaml"), "copy-task.yaml");

        VariantSpec lsh2 = m.variants().get("ci-lsh2");
        ModelSpec model = lsh2.config().model();
        assertThat(model.width()).as("from ci").isEqualTo(64);
        assertThat(model.sequenceLength()).as("from ci").isEqualTo(32);
        assertThat(lsh2.config().training().steps()).as("from ci").isEqualTo(400);
        assertThat(model.attention()).as("its own, merged over the original's lsh")
                .isEqualTo(new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 8L, "rounds", 2L)));
        assertThat(model.evaluateWith()).as("ci's evaluations, merged over the original's").containsExactly(
                java.util.Map.entry("full", new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 1L))),
                java.util.Map.entry("lsh-8", new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 8L, "rounds", 8L))),
                java.util.Map.entry("lsh-4", new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 8L, "rounds", 4L))),
                java.util.Map.entry("lsh-2", new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 8L, "rounds", 2L))),
                java.util.Map.entry("lsh-1", new AttentionSpec(AttentionType.LSH, java.util.Map.of("buckets", 8L, "rounds", 1L))));
        assertThat(lsh2.reasons()).containsKeys("model.width", "training.steps")
                .containsEntry("model.attention", "Table 2's LSH-2 training setting, 8 buckets at length 32");
        assertThat(lsh2.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(m.variants().get("reduced-lsh4").config().model().sequenceLength()).as("from reduced").isEqualTo(256);
        assertThat(m.original().config().model().evaluateWith().get("lsh-8").parameter("buckets", 0)).isEqualTo(16);
    }

    @Test
    void everyManifestInTheExperimentsFolderValidates() throws Exception {
        Path root = Path.of(System.getProperty("reprise.root", ".."));
        ExperimentCatalog catalog = new ExperimentCatalog(root.resolve("experiments"), root);

        assertThat(catalog.names()).isNotEmpty();
        for (String name : catalog.names()) {
            ExperimentManifest m = catalog.load(name);
            assertThat(m.name()).isEqualTo(name);
            for (ClaimSpec claim : m.claims()) {
                assertThat(claim.tolerance()).as("%s: claim %s has a tolerance", name, claim.id()).isNotNegative();
                assertThat(claim.direction()).isNotNull();
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("experiments"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".yml"))).as("manifests use the .yaml ending").isEmpty();
        }
    }
}
