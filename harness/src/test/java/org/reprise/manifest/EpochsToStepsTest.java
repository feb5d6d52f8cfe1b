package org.reprise.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochsToStepsTest {
    @TempDir
    Path dir;

    private ExperimentManifest load(String data, String training, int length, String metric) throws IOException {
        String yaml = """
                name: demo
                title: "demo"
                paper: {citation: "x"}
                original:
                  model: {layers: 1, heads: 1, width: 8, sequence_length: %d}
                  training: %s
                  data: %s
                metrics:
                  - {name: %s, unit: bits, direction: lower}
                variants:
                  ci:
                    description: "ci"
                """.formatted(length, training, data, metric);
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, yaml);
        return ManifestLoader.load(file, "experiments/demo.yaml");
    }

    private static TrainSpec training(ExperimentManifest manifest) {
        return manifest.original().config().training();
    }

    @Test
    void turnsCifarEpochsIntoStepsOverTheFortyEightThousandTrainingImages() throws IOException {
        ExperimentManifest manifest = load("{dataset: cifar10}", "{epochs: 120, batch_size: 16}", 3072, "bits_per_dim");

        assertThat(training(manifest).steps()).isEqualTo(360_000L);
        assertThat(training(manifest).epochs()).isEqualTo(120.0);
    }

    @Test
    void roundsPartialBatchesUpAndHonoursTheTrainingCap() throws IOException {
        ExperimentManifest manifest = load("{dataset: fashion-mnist, train_examples: 100}", "{epochs: 1.5, batch_size: 16}", 784,
                "bits_per_dim");

        assertThat(training(manifest).steps()).isEqualTo(10L);
    }

    @Test
    void usesTheNinetySixThousandListOpsExamples() throws IOException {
        ExperimentManifest manifest = load("{dataset: listops}", "{epochs: 1, batch_size: 32}", 2001, "accuracy");

        assertThat(training(manifest).steps()).isEqualTo(3_000L);
    }

    @Test
    void countsAnEnwik8EpochAsTheWindowsTheTrainingSplitHolds() throws IOException {
        ExperimentManifest manifest = load("{dataset: enwik8}", "{epochs: 2, batch_size: 8}", 512, "bits_per_byte");

        // 90,000,000 / 512 = 175,781 windows per epoch; ⌈2 × 175,781 / 8⌉ = 43,946
        assertThat(training(manifest).steps()).isEqualTo(43_946L);
    }

    @Test
    void refusesEpochsOnAnEnwik8PrefixSayingToGiveSteps() {
        assertThatThrownBy(() -> load("{dataset: enwik8, file: enwik8/enwik8-prefix-4154399}", "{epochs: 2}", 512, "bits_per_byte"))
                .isInstanceOf(ManifestException.class)
                .satisfies(e -> assertThat(((ManifestException) e).errors()).extracting(ManifestError::message)
                        .containsExactly("'enwik8' trains on random windows of a file whose size is only known when it is read, so epochs cannot be turned into steps: give training.steps"));
    }

    @Test
    void refusesASequenceLengthThatIsNotOneImage() {
        assertThatThrownBy(() -> load("{dataset: cifar10}", "{steps: 10}", 1024, "bits_per_dim"))
                .satisfies(e -> assertThat(((ManifestException) e).errors()).extracting(ManifestError::message)
                        .containsExactly("1024 does not fit cifar10: each image is a sequence of 3072 bytes"));
    }
}
