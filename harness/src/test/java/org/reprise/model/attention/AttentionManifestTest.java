package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.ManifestError;
import org.reprise.manifest.ManifestException;
import org.reprise.manifest.ManifestLoader;
import org.reprise.pattern.FixedPattern;
import org.reprise.pattern.HeadSplitPattern;
import org.reprise.pattern.StridedPattern;

/**
 * Manifests name the sparse patterns with their parameters and options; cross-field checks name the
 * key, the value and what is expected. Built on a copy of an earlier experiments/copy-task.yaml with dense
 * attention (lengths 1024, 256, 32; 4 heads).
 */
class AttentionManifestTest {
    /** The copy-task manifest as it was with dense attention and no further evaluations: a fixed base for these tests. */
    private static final Path COPY_TASK = Path.of("src", "test", "resources", "manifests", "valid", "copy-task-dense.yaml");
    private static final Path LISTOPS = Path.of("..", "experiments", "lra-listops.yaml");

    @TempDir
    Path dir;

    @Test
    void bindsStridedWithDefaultOptions() throws IOException {
        AttentionSpec spec = load("{type: strided, stride: 16}");

        assertThat(spec.type()).isEqualTo(AttentionType.STRIDED);
        assertThat(spec.parameters()).isEqualTo(Map.of("stride", 16L));
        assertThat(spec.options()).isEqualTo(Map.of("window", "official", "integration", "merged"));
        assertThat(Attentions.pattern(spec, 0)).isEqualTo(
                new StridedPattern(16, StridedPattern.WindowRule.OFFICIAL, org.reprise.pattern.Component.MERGED));
    }

    @Test
    void bindsFixedPaperRuleAndMultiHead() throws IOException {
        AttentionSpec spec = load("{type: fixed, stride: 16, c: 4, summary: paper, integration: multihead}");

        assertThat(Attentions.pattern(spec, 0)).isInstanceOf(HeadSplitPattern.class);
        assertThat(((HeadSplitPattern) Attentions.pattern(spec, 0)).odd())
                .isEqualTo(new FixedPattern(16, 4, FixedPattern.SummaryRule.PAPER, 3,
                        org.reprise.pattern.Component.SUMMARY));
    }

    @Test
    void interleavedAlternatesThePartsOverLayers() throws IOException {
        String attention = "{type: strided, stride: 16, integration: interleaved}";
        AttentionSpec spec = ManifestLoader.load(write(attention).resolveSibling(twoLayers(attention)), "copy-task.yaml")
                .original().config().model().attention();

        assertThat(((StridedPattern) Attentions.pattern(spec, 0)).component())
                .isEqualTo(org.reprise.pattern.Component.LOCAL);
        assertThat(((StridedPattern) Attentions.pattern(spec, 3)).component())
                .isEqualTo(org.reprise.pattern.Component.SUMMARY);
    }

    @Test
    void rejectsInterleavingWithOneLayer() throws IOException {
        List<String> errors = errors("{type: strided, stride: 16, integration: interleaved}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.integration: interleaved alternates the two parts "
                + "over layers: model.layers (1) must be at least 2"));
    }

    @Test
    void rejectsAStrideThatDoesNotDivideTheSequenceLength() throws IOException {
        List<String> errors = errors("{type: strided, stride: 100}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.stride: 100 must divide model.sequence_length (1024)"));
    }

    @Test
    void rejectsCLargerThanTheStride() throws IOException {
        List<String> errors = errors("{type: fixed, stride: 8, c: 16}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.c: 16 must be at most model.attention.stride (8)"));
    }

    @Test
    void rejectsAMissingStrideAndAnUnknownOption() throws IOException {
        List<String> errors = errors("{type: strided, window: papper}");

        assertThat(errors).anyMatch(e -> e.contains("model.attention.stride: missing; expected a positive integer"));
        assertThat(errors).anyMatch(e -> e.contains("model.attention.window: 'papper' is not one of official, paper"));
    }

    @Test
    void bindsLshWithEvaluationRounds() throws IOException {
        AttentionSpec spec = load("{type: lsh, buckets: 8, rounds: 2, eval_rounds: 4}");

        assertThat(spec.parameters()).isEqualTo(Map.of("buckets", 8L, "rounds", 2L, "eval_rounds", 4L));
        assertThat(Attentions.hasEvaluationVariant(spec)).isTrue();
        assertThat(((LshAttention) Attentions.createForEvaluation(spec, 0, 4)).rounds()).isEqualTo(4);
        assertThat(((LshAttention) Attentions.create(spec, 0)).rounds()).isEqualTo(2);
    }

    @Test
    void bindsWindowAndBigBird() throws IOException {
        AttentionSpec window = load("{type: window, window: 8, dilation: 2, dilated_heads: 2, global: 1}");
        AttentionSpec bigBird = load("{type: bigbird, block: 16, global_blocks: 1, random_blocks: 2}");

        assertThat(Attentions.pattern(window, 0, 4, 32))
                .isEqualTo(new org.reprise.pattern.SlidingWindowPattern(8, 2, 2, 4, 1));
        assertThat(Attentions.pattern(bigBird, 0, 4, 32).allows(0, 31, 0)).isTrue();
    }

    @Test
    void rejectsADilatedWindowThatDoesNotDivideTheLength() throws IOException {
        List<String> errors = errors("{type: window, window: 8, dilation: 3, dilated_heads: 2}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.window: 8 × dilation 3 must divide model.sequence_length (1024)"));
    }

    @Test
    void attentionSpecsRoundTripThroughRunRecordJsonAndDenseKeepsItsOldForm() throws IOException {
        AttentionSpec dense = AttentionSpec.of(AttentionType.DENSE);
        AttentionSpec strided = load("{type: strided, stride: 16, window: paper}");

        String denseJson = org.reprise.run.Json.MAPPER.writeValueAsString(dense);
        String stridedJson = org.reprise.run.Json.MAPPER.writeValueAsString(strided);

        assertThat(denseJson).doesNotContain("options"); // config hashes of dense runs are unchanged
        assertThat(org.reprise.run.Json.MAPPER.readValue(denseJson, AttentionSpec.class)).isEqualTo(dense);
        assertThat(org.reprise.run.Json.MAPPER.readValue(stridedJson, AttentionSpec.class)).isEqualTo(strided);
    }

    @Test
    void rejectsLinformerForNextTokenPrediction() throws IOException {
        List<String> errors = errors("{type: linformer, k: 64, sharing: key-value}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.type: linformer is not causal: its projected keys "
                + "mix every position, future ones included (Wang et al. 2020 §4), and copy scores next-token predictions, "
                + "whose targets are later inputs; expected a dataset whose targets are hidden from the inputs (listops) "
                + "or a causal attention type"));
    }

    @Test
    void acceptsLinformerForListOpsWhoseClsTargetIsNoInput() throws IOException {
        Path file = listOps("{type: linformer, k: 64, sharing: layerwise}");

        AttentionSpec spec = ManifestLoader.load(file, "lra-listops.yaml").original().config().model().attention();

        assertThat(spec).isEqualTo(new AttentionSpec(AttentionType.LINFORMER, Map.of("k", 64L), Map.of("sharing", "layerwise")));
        assertThat(Attentions.create(spec, 3, 8)).isInstanceOf(LinformerAttention.class);
        assertThat(Attentions.parameters(spec, 3, 8, 2048)).containsOnlyKeys("linformer.E");
    }

    @Test
    void rejectsLayerwiseLinformerInReversibleLayers() throws IOException {
        Path file = listOps("{type: linformer, k: 64, sharing: layerwise}\n    reversible: true");

        ManifestException e = catchThrowableOfType(() -> ManifestLoader.load(file, "lra-listops.yaml"), ManifestException.class);

        assertThat(e.errors()).extracting(ManifestError::format).anyMatch(m -> m.endsWith("model.reversible: true recomputes each"
                + " layer in a graph of its own, and linformer's layerwise sharing uses one projection in every layer; expected"
                + " model.attention.sharing none, headwise or key-value, or model.reversible: false"));
    }

    @Test
    void fullSharedQkTrainingCanBeEvaluatedUnderLsh() throws IOException {
        // Kitaev et al. Table 2: a model trained with full attention evaluated with LSH-8
        AttentionSpec spec = load("{type: lsh, buckets: 1, eval_buckets: 16, eval_rounds: 8}");

        LshAttention training = (LshAttention) Attentions.create(spec, 0);
        LshAttention evaluation = (LshAttention) Attentions.createForEvaluation(spec, 0, 4);

        assertThat(training.buckets()).isEqualTo(1);
        assertThat(evaluation.buckets()).isEqualTo(16);
        assertThat(evaluation.rounds()).isEqualTo(8);
        assertThat(evaluation.chunkLength(1024)).isEqualTo(128);
    }

    @Test
    void rejectsAnOddBucketCount() throws IOException {
        List<String> errors = errors("{type: lsh, buckets: 3}");

        assertThat(errors).anyMatch(e -> e.endsWith("model.attention.buckets: 3 must be 1 or even: angular LSH takes argmax over [xR; −xR]"));
    }

    @Test
    void rejectsMoreSummaryGroupsThanFit() throws IOException {
        List<String> errors = errors("{type: fixed, stride: 16, c: 4, summary_groups: 5}");

        assertThat(errors).anyMatch(e -> e.endsWith(
                "model.attention.summary_groups: 5 is more than the 4 distinct sub-blocks of width 4 that fit in model.attention.stride (16)"));
    }

    /** experiments/lra-listops.yaml with the original's attention replaced (the text may add model keys after it). */
    private Path listOps(String attention) throws IOException {
        String text = Files.readString(LISTOPS).replace("attention: {type: dense}", "attention: " + attention);
        Path file = dir.resolve("lra-listops.yaml");
        Files.writeString(file, text);
        return file;
    }

    private AttentionSpec load(String attention) throws IOException {
        return ManifestLoader.load(write(attention), "copy-task.yaml").original().config().model().attention();
    }

    private List<String> errors(String attention) throws IOException {
        Path file = write(attention);
        ManifestException e = catchThrowableOfType(() -> ManifestLoader.load(file, "copy-task.yaml"), ManifestException.class);
        assertThat(e).as("the manifest is rejected").isNotNull();
        return e.errors().stream().map(ManifestError::format).toList();
    }

    private String twoLayers(String attention) throws IOException {
        String text = Files.readString(write(attention)).replace("    layers: 1\n", "    layers: 2\n");
        Files.createDirectories(dir.resolve("two-layers"));
        Files.writeString(dir.resolve("two-layers").resolve("copy-task.yaml"), text);
        return "two-layers/copy-task.yaml";
    }

    private Path write(String attention) throws IOException {
        String text = Files.readString(COPY_TASK).replace("attention: {type: dense}", "attention: " + attention);
        Path file = dir.resolve("copy-task.yaml");
        Files.writeString(file, text);
        return file;
    }
}
