package org.reprise.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;

class PlannerTest {
    private static final ExperimentManifest SMALL =
            ManifestLoader.load(Path.of("src/test/resources/manifests/valid/small-copy.yaml"), "small-copy.yaml");

    @Test
    void defaultPlanIsEveryVariantTimesItsSeeds() {
        RunPlan plan = Planner.plan(SMALL, Overrides.NONE);

        assertThat(plan.cells()).extracting(RunCell::id).containsExactly(
                "small-copy/reduced/seed-1", "small-copy/reduced/seed-2", "small-copy/reduced/seed-3",
                "small-copy/ci/seed-1", "small-copy/ci/seed-2", "small-copy/ci/seed-3");
    }

    @Test
    void commandLineBeatsProfileBeatsManifest() {
        RunPlan ciProfile = Planner.plan(SMALL, new Overrides(null, null, Profile.CI, null));
        RunPlan smoke = Planner.plan(SMALL, new Overrides(null, null, Profile.SMOKE, null));
        RunPlan explicit = Planner.plan(SMALL, new Overrides(List.of("reduced"), List.of(7L), Profile.SMOKE, null));

        assertThat(ciProfile.cells()).extracting(RunCell::id)
                .containsExactly("small-copy/ci/seed-1", "small-copy/ci/seed-2", "small-copy/ci/seed-3");
        assertThat(smoke.cells()).extracting(RunCell::id).containsExactly("small-copy/ci/seed-1");
        assertThat(explicit.cells()).extracting(RunCell::id).containsExactly("small-copy/reduced/seed-7");
        assertThat(explicit.decisions()).contains("variants: reduced (from -Dvariant)", "seeds of reduced: 7 (from -Dseeds)");
    }

    @Test
    void refusesAnUnknownVariantNamingTheChoices() {
        assertThatThrownBy(() -> Planner.plan(SMALL, new Overrides(List.of("tiny"), null, null, null)))
                .isInstanceOf(PlanException.class)
                .hasMessage("small-copy.yaml: no variant 'tiny' (requested by -Dvariant); variants: reduced, ci, or original");
    }

    @Test
    void configurationHashSeparatesSeedsThreadsAndSettings() {
        RunPlan plan = Planner.plan(SMALL, Overrides.NONE);
        RunPlan twoThreads = Planner.plan(SMALL, new Overrides(null, null, null, 2));

        assertThat(plan.cells()).extracting(RunCell::configHash).doesNotHaveDuplicates();
        assertThat(plan.cells().get(0).configHash()).isNotEqualTo(twoThreads.cells().get(0).configHash());
        assertThat(Planner.plan(SMALL, Overrides.NONE).cells().get(0).configHash()).isEqualTo(plan.cells().get(0).configHash());
    }
}
