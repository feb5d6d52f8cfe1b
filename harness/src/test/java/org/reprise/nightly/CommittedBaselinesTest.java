package org.reprise.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.run.RunRecord;
import org.reprise.train.RunStatus;

/**
 * The bands committed in {@code ci/baselines/} can be passed: a night whose seeds reproduce a band's
 * own mean and spread must PASS it. A band whose δ is narrower than the gate's interval can ever be
 * (the band's own standard error enters it) would leave the nightly INCONCLUSIVE on unchanged code,
 * as copy-task/ci/loss did with a δ kept from an earlier configuration.
 */
class CommittedBaselinesTest {
    private static final Path DIR = Path.of(System.getProperty("reprise.root", "..")).resolve("ci/baselines");

    @Test
    void everyCommittedBandIsPassedByANightThatRepeatsIt() throws Exception {
        List<Baseline> bands = new Baselines(DIR).read();
        assertThat(bands).as("bands in " + DIR).hasSizeGreaterThan(50);

        List<String> unpassable = new ArrayList<>();
        for (Baseline band : bands) {
            List<GateRow> rows = new RegressionGate(0.05).evaluate(repeating(band), List.of(band));
            if (rows.size() != 1 || rows.get(0).verdict() != GateVerdict.PASS) {
                unpassable.add(band.key() + ": " + rows.get(0).verdict() + " (" + rows.get(0).reason() + ")");
            }
        }
        assertThat(unpassable).as("bands a repeat of their own numbers cannot pass").isEmpty();
        assertThat(bands).as("bands record the configuration they were measured with")
                .allSatisfy(b -> assertThat(b.configHash()).matches("[0-9a-f]{64}"));
    }

    /**
     * n seeds with the band's mean and sample standard deviation: ⌊n/2⌋ at mean − a, as many at mean + a,
     * and the mean itself when n is odd, with a = sd·√((n − 1) / (2⌊n/2⌋)).
     */
    private static List<RunRecord> repeating(Baseline band) {
        List<RunRecord> runs = new ArrayList<>();
        int n = Math.max(band.n(), 2);
        int pairs = n / 2;
        double a = band.sd() * Math.sqrt((n - 1) / (2.0 * pairs));
        for (int i = 0; i < n; i++) {
            double value = i < pairs ? band.mean() - a : i < 2 * pairs ? band.mean() + a : band.mean();
            runs.add(new RunRecord(RunRecord.SCHEMA, band.experiment(), band.variant(), i + 1, RunStatus.COMPLETED, null,
                    band.configHash(), null, null, 1, 100, 10, 10, Map.of(band.metric(), value), List.of(), 1, 1, 1, null, 0,
                    null, null, null, null, null));
        }
        return runs;
    }
}
