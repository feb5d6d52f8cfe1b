package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;

/** The copy-task manifest's reported grids: Kitaev et al. Table 2, and the reformer_fastai reproduction's, kept apart. */
class CopyMatrixTest {
    private static final ExperimentManifest COPY = ManifestLoader.load(Path.of("../experiments/copy-task.yaml"), "copy-task.yaml");

    private static String cell(Table t, String train, String eval) {
        int col = t.header().indexOf(eval);
        return t.rows().stream().filter(r -> r.get(0).text().equals(train)).findFirst().orElseThrow().get(col).text();
    }

    @Test
    void thePapersMatrixHoldsOnlyThePapersValues() {
        Table paper = CopyMatrix.of(COPY).orElseThrow();
        assertThat(paper.header()).containsExactly("train \\ eval", "full attention", "LSH-8", "LSH-4", "LSH-2", "LSH-1");
        assertThat(paper.rows()).extracting(r -> r.get(0).text()).containsExactly("full attention", "LSH-4", "LSH-2", "LSH-1");
        assertThat(cell(paper, "full attention", "LSH-1")).isEqualTo(Num.value(0.525));
        assertThat(cell(paper, "LSH-4", "full attention")).isEqualTo(Num.value(0.008));
        assertThat(cell(paper, "LSH-1", "LSH-1")).isEqualTo(Num.value(0.779));
    }

    @Test
    void eachReproductionGetsItsOwnMatrixWithItsComparabilityNote() {
        List<Table> reproductions = CopyMatrix.reproductions(COPY);
        assertThat(reproductions).hasSize(1);
        Table fastai = reproductions.get(0);
        assertThat(fastai.caption()).contains("reformer_fastai");
        assertThat(fastai.note()).startsWith("NOT comparable");
        assertThat(cell(fastai, "full attention", "LSH-8")).isEqualTo(Num.value(0.0137));
        assertThat(cell(fastai, "LSH-4", "full attention")).isEqualTo(Num.value(0.4654));
        assertThat(cell(fastai, "LSH-1", "LSH-1")).isEqualTo(Num.value(0.5609));
    }
}
