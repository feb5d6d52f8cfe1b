package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeterminismAuditTest {

    private static List<StepMetrics> run(double lossAt200) {
        return List.of(
                new StepMetrics(100, Map.of("loss", 3.1, "bpb", 4.47)),
                new StepMetrics(200, Map.of("loss", lossAt200, "bpb", 4.01)),
                new StepMetrics(300, Map.of("loss", 2.6, "bpb", 3.75)));
    }

    @Test
    void identicalSeriesAreBitwiseIdentical() {
        DeterminismAudit audit = DeterminismAudit.compare(run(2.8), run(2.8));

        assertThat(audit.identical()).isTrue();
        assertThat(audit.firstDivergentStep()).isEmpty();
        assertThat(audit.description()).isEqualTo("bitwise identical over 3 evaluations");
    }

    @Test
    void oneUlpApartIsTheFirstDivergence() {
        DeterminismAudit audit = DeterminismAudit.compare(run(2.8), run(Math.nextUp(2.8)));

        assertThat(audit.identical()).isFalse();
        assertThat(audit.firstDivergentStep()).hasValue(200);
        assertThat(audit.metric()).hasValue("loss");
        assertThat(audit.description()).isEqualTo("first divergence at step 200, metric loss: 2.8 vs 2.8000000000000003");
    }

    @Test
    void negativeZeroIsNotBitwiseEqualToZero() {
        DeterminismAudit audit = DeterminismAudit.compare(
                List.of(StepMetrics.of(1, 0.0)), List.of(StepMetrics.of(1, -0.0)));

        assertThat(audit.identical()).isFalse();
        assertThat(audit.metric()).hasValue("value[0]");
    }

    @Test
    void identicalNaNsAreIdentical() {
        DeterminismAudit audit = DeterminismAudit.compare(
                List.of(StepMetrics.of(1, Double.NaN, 1.5)), List.of(StepMetrics.of(1, Double.NaN, 1.5)));

        assertThat(audit.identical()).isTrue();
    }

    @Test
    void vectorMetricsReportTheFirstDifferingIndexInIndexOrder() {
        double[] a = new double[12];
        double[] b = new double[12];
        b[2] = 1;
        b[10] = 1;

        DeterminismAudit audit = DeterminismAudit.compare(List.of(StepMetrics.of(5, a)), List.of(StepMetrics.of(5, b)));

        assertThat(audit.metric()).hasValue("value[02]");
    }

    @Test
    void shorterRunDivergesWhereItStops() {
        DeterminismAudit audit = DeterminismAudit.compare(run(2.8), run(2.8).subList(0, 2));

        assertThat(audit.identical()).isFalse();
        assertThat(audit.firstDivergentStep()).hasValue(300);
        assertThat(audit.description()).isEqualTo("run B stops after 2 evaluations; the other continues at step 300");
    }

    @Test
    void differentEvaluationStepsAreADivergence() {
        DeterminismAudit audit = DeterminismAudit.compare(
                List.of(StepMetrics.of(100, 1.0), StepMetrics.of(200, 2.0)),
                List.of(StepMetrics.of(100, 1.0), StepMetrics.of(250, 2.0)));

        assertThat(audit.firstDivergentStep()).hasValue(200);
        assertThat(audit.description()).isEqualTo("evaluation 1 is at step 200 in run A but 250 in run B");
    }

    @Test
    void differentMetricNamesAreADivergence() {
        DeterminismAudit audit = DeterminismAudit.compare(
                List.of(new StepMetrics(100, Map.of("loss", 1.0))),
                List.of(new StepMetrics(100, Map.of("loss", 1.0, "acc", 0.5))));

        assertThat(audit.firstDivergentStep()).hasValue(100);
        assertThat(audit.description()).isEqualTo("at step 100 the metric names differ: only in A [], only in B [acc]");
    }
}
