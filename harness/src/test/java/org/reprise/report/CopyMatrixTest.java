package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.data.DataProvenance;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ManifestLoader;
import org.reprise.manifest.VariantSpec;
import org.reprise.run.MemoryPeaks;
import org.reprise.run.Provenance;
import org.reprise.run.RunRecord;
import org.reprise.train.EvalPoint;
import org.reprise.train.RunStatus;
import org.reprise.train.SeedStreams;

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

    @Test
    void ourMatrixHasARowPerTrainedModelOfATierAndAColumnPerEvaluationAttention() {
        List<RunRecord> records = new ArrayList<>();
        // ci (full attention): 1.0 under full, 0.9 + seed/100 under LSH-1; ci-lsh4: 0.5 under full
        for (long seed = 1; seed <= 3; seed++) {
            records.add(record("ci", seed, Map.of("accuracy@full", 1.0, "accuracy@lsh-1", 0.9 + seed / 100.0)));
            records.add(record("ci-lsh4", seed, Map.of("accuracy@full", 0.5, "accuracy@lsh-4", 0.99)));
        }
        records.add(record("ci-lsh2", 1, Map.of("accuracy@full", 0.25)));

        List<Table> ours = CopyMatrix.ours(COPY, outcomes(records));

        assertThat(ours).extracting(Table::id).containsExactly("copy-matrix-ours-reduced", "copy-matrix-ours-ci");
        Table ci = ours.get(1);
        assertThat(ci.header()).containsExactly("train \\ eval", "variant", "full attention", "LSH-8", "LSH-4", "LSH-2", "LSH-1");
        assertThat(ci.rows()).extracting(r -> r.get(1).text()).containsExactly("ci", "ci-lsh1", "ci-lsh2", "ci-lsh4");
        assertThat(ci.rows()).extracting(r -> r.get(0).text()).containsExactly("full attention", "LSH-1", "LSH-2", "LSH-4");
        assertThat(cell(ci, "full attention", "LSH-1")).isEqualTo(Num.value(0.92) + " ± " + Num.value(0.01) + " (n=3) · paper "
                + Num.value(0.525));
        assertThat(cell(ci, "LSH-4", "full attention")).isEqualTo(Num.value(0.5) + " ± " + Num.value(0.0) + " (n=3) · paper "
                + Num.value(0.008));
        assertThat(cell(ci, "LSH-2", "full attention")).isEqualTo(Num.value(0.25) + " (n=1) · paper " + Num.value(0.008));
        assertThat(cell(ci, "LSH-1", "LSH-1")).isEqualTo("not run · paper " + Num.value(0.779));
        assertThat(ci.rows().get(0).get(2).color()).isEqualTo(CopyMatrix.heat(1.0));
    }

    private static Outcomes outcomes(List<RunRecord> records) {
        return new Outcomes(List.copyOf(COPY.variants().keySet()), records, List.of(), COPY.confidence());
    }

    private static RunRecord record(String variant, long seed, Map<String, Double> metrics) {
        VariantSpec v = COPY.variants().get(variant);
        Provenance provenance = new Provenance("0.1.0-SNAPSHOT", "0123456789abcdef0123456789abcdef01234567", false,
                "mvn exec:java -Dexp=copy-task", "OpenJDK 17", "Linux 6", "amd64", "CPU", 2, "host", Map.of(), Map.of());
        return new RunRecord(RunRecord.SCHEMA, "copy-task", variant, seed, RunStatus.COMPLETED, null, "hash-" + variant,
                v.config(), SeedStreams.of(seed), 1, 1000, 400, 400, metrics, List.of(new EvalPoint(400, 0.001, 0.1, metrics, 10)),
                20, 10, 1000, new MemoryPeaks(1, 1, 1), 0, new DataProvenance("generated", Map.of()), provenance,
                "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "experiments/copy-task.yaml");
    }
}
