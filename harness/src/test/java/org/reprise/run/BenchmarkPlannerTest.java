package org.reprise.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;

class BenchmarkPlannerTest {
    private static final ExperimentManifest BENCH =
            ManifestLoader.load(Path.of("src/test/resources/manifests/valid/small-bench.yaml"), "small-bench.yaml");

    @Test
    void plansEveryVariantAtEveryLength() {
        BenchmarkPlan plan = BenchmarkPlanner.plan(BENCH, Overrides.NONE);

        assertThat(plan.cells()).extracting(BenchmarkCell::id).containsExactly(
                "small-bench/dense-64", "small-bench/dense-256", "small-bench/strided-64", "small-bench/strided-256",
                "small-bench/lsh-64", "small-bench/lsh-256");
        assertThat(plan.cells()).extracting(c -> c.config().model().sequenceLength()).containsExactly(64, 256, 64, 256, 64, 256);
    }

    @Test
    void scalesAttentionParametersWithTheLengthOnlyWherePatternsHaveThem() {
        BenchmarkPlan plan = BenchmarkPlanner.plan(BENCH, Overrides.NONE);

        assertThat(cell(plan, "strided", 64).config().model().attention().parameters()).containsEntry("stride", 8L);
        assertThat(cell(plan, "strided", 256).config().model().attention().parameters()).containsEntry("stride", 16L);
        assertThat(cell(plan, "lsh", 256).config().model().attention().parameters())
                .containsEntry("buckets", 16L).containsEntry("chunk", 32L).doesNotContainKey("stride");
        assertThat(cell(plan, "lsh", 64).config().model().attention().parameters()).containsEntry("buckets", 4L);
        assertThat(cell(plan, "dense", 256).config().model().attention().parameters()).isEmpty();
    }

    @Test
    void oneLshBucketIsFullAttentionAndIsNotScaled() {
        ExperimentManifest speed = ManifestLoader.load(Path.of("../experiments/reformer-lsh-speed.yaml"), "reformer-lsh-speed.yaml");

        BenchmarkPlan plan = BenchmarkPlanner.plan(speed, new Overrides(List.of("full", "lsh-1"), null, Profile.CI, null, null));

        assertThat(cell(plan, "full", 1024).config().model().attention().parameters()).containsEntry("buckets", 1L);
        assertThat(cell(plan, "lsh-1", 1024).config().model().attention().parameters()).containsEntry("buckets", 32L);
    }

    @Test
    void ciProfileUsesTheCiLengthsAndTheCommandLineWins() {
        BenchmarkPlan ci = BenchmarkPlanner.plan(BENCH, new Overrides(null, null, Profile.CI, null, null));
        BenchmarkPlan explicit = BenchmarkPlanner.plan(BENCH, new Overrides(List.of("dense"), null, Profile.CI, null, List.of(128)));

        assertThat(ci.cells()).extracting(BenchmarkCell::length).containsOnly(64);
        assertThat(explicit.cells()).extracting(BenchmarkCell::id).containsExactly("small-bench/dense-128");
        assertThat(explicit.decisions()).contains("lengths: [128] (from -Dlengths)");
    }

    @Test
    void sameCellHasTheSameHashAndAnotherLengthAnother() {
        BenchmarkPlan a = BenchmarkPlanner.plan(BENCH, Overrides.NONE);
        BenchmarkPlan b = BenchmarkPlanner.plan(BENCH, Overrides.NONE);

        assertThat(a.cells()).extracting(BenchmarkCell::configHash).containsExactlyElementsOf(
                b.cells().stream().map(BenchmarkCell::configHash).toList());
        assertThat(a.cells()).extracting(BenchmarkCell::configHash).doesNotHaveDuplicates();
    }

    @Test
    void refusesALengthTheStrideCannotCut() {
        assertThatThrownBy(() -> BenchmarkPlanner.plan(BENCH, new Overrides(List.of("strided"), null, null, null, List.of(200))))
                .isInstanceOf(PlanException.class)
                .hasMessage("small-bench.yaml: variant strided at length 200: model.attention.stride = 16 must divide the length"
                        + " (set benchmark.scale_with_length.stride or choose lengths it divides)");
    }

    @Test
    void refusesALengthThatGivesAnOddBucketCount() {
        assertThatThrownBy(() -> BenchmarkPlanner.plan(BENCH, new Overrides(List.of("lsh"), null, null, null, List.of(48))))
                .isInstanceOf(PlanException.class)
                .hasMessage("small-bench.yaml: variant lsh at length 48: model.attention.buckets = 3 must be 1 or even"
                        + " (angular LSH takes argmax over [xR; −xR])");
    }

    private static BenchmarkCell cell(BenchmarkPlan plan, String variant, int length) {
        return plan.cells().stream().filter(c -> c.variant().equals(variant) && c.length() == length).findFirst().orElseThrow();
    }
}
