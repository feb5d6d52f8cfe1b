package org.reprise.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.data.Batch;
import org.reprise.data.CopyTask;
import org.reprise.data.EvalSums;
import org.reprise.manifest.Optimizer;
import org.reprise.manifest.Schedule;
import org.reprise.manifest.TrainSpec;
import org.reprise.model.StepResult;
import org.reprise.model.TrainableModel;

class TrainerTest {
    private static final CopyTask TASK = new CopyTask(8, 5, 1);

    @Test
    void nanLossEndsTheRunAsDivergedAtThatStep() throws Exception {
        Trainer trainer = new Trainer(spec(10, 5), TASK, SeedStreams.of(1), "h", TrainingListener.NONE);

        TrainingOutcome outcome = trainer.train(new ScriptedModel(4), CheckpointStore.NONE);

        assertThat(outcome.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(outcome.reason()).isEqualTo("training loss became NaN at step 4");
        assertThat(outcome.completedSteps()).isEqualTo(4);
    }

    @Test
    void evaluatesEveryIntervalAndAfterTheLastStep() throws Exception {
        Trainer trainer = new Trainer(spec(7, 3), TASK, SeedStreams.of(1), "h", TrainingListener.NONE);

        TrainingOutcome outcome = trainer.train(new ScriptedModel(-1), CheckpointStore.NONE);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.history()).extracting(EvalPoint::step).containsExactly(3L, 6L, 7L);
        assertThat(outcome.history().get(1).trainLoss()).as("mean of steps 4..6 (losses 4, 5, 6)").isEqualTo(5.0);
    }

    @Test
    void everyEvaluationAlsoReportsEachFurtherAttentionUnderItsName() throws Exception {
        Trainer trainer = new Trainer(spec(4, 2), TASK, SeedStreams.of(1), "h", TrainingListener.NONE);
        // the model scores every position correct under "lsh-8" and half of them under "full"
        ScriptedModel model = new ScriptedModel(-1) {
            @Override
            public List<String> evaluationAttentions() {
                return List.of("full", "lsh-8");
            }

            @Override
            public EvalSums evaluate(Batch batch, String attention) {
                long n = batch.scoredPositions();
                return new EvalSums(attention.equals("full") ? 2.0 * n : n, n, attention.equals("full") ? n / 2 : n);
            }
        };

        TrainingOutcome outcome = trainer.train(model, CheckpointStore.NONE);

        for (EvalPoint point : outcome.history()) {
            assertThat(point.metrics()).containsOnlyKeys("accuracy", "loss", "accuracy@full", "loss@full",
                    "accuracy@lsh-8", "loss@lsh-8");
            assertThat(point.metrics().get("accuracy")).isEqualTo(0.0);
            assertThat(point.metrics().get("accuracy@lsh-8")).isEqualTo(1.0);
            assertThat(point.metrics().get("accuracy@full")).isEqualTo(0.5);
            assertThat(point.metrics().get("loss@full")).isEqualTo(2.0);
            assertThat(point.metrics().get("loss@lsh-8")).isEqualTo(1.0);
        }
        assertThat(outcome.finalMetrics()).containsEntry("accuracy@full", 0.5);
    }

    @Test
    void aThrowingListenerIsIgnored() throws Exception {
        TrainingListener broken = new TrainingListener() {
            @Override
            public void onStep(long completedSteps, double loss) {
                throw new IllegalStateException("listener bug");
            }
        };
        Trainer trainer = new Trainer(spec(5, 5), TASK, SeedStreams.of(1), "h", broken);

        assertThat(trainer.train(new ScriptedModel(-1), CheckpointStore.NONE).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void warmupRisesLinearlyThenCosineDecaysToZero() {
        LearningRateSchedule schedule = new LearningRateSchedule(
                new TrainSpec(Optimizer.ADAM, 1.0, 4, Schedule.COSINE, 1, 104, null, 0, 0, 1, 1, 1, 0.9, 0.999, 1e-8));

        assertThat(schedule.at(0)).isEqualTo(0.25);
        assertThat(schedule.at(3)).isEqualTo(1.0);
        assertThat(schedule.at(4)).isEqualTo(1.0);
        assertThat(schedule.at(54)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(schedule.at(104)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void seedStreamsAreDistinctAndStable() {
        SeedStreams a = SeedStreams.of(1);

        assertThat(List.of(a.init(), a.data(), a.dropout())).doesNotHaveDuplicates();
        assertThat(SeedStreams.of(1)).isEqualTo(a);
        assertThat(SeedStreams.of(2).init()).isNotEqualTo(a.init());
    }

    private static TrainSpec spec(long steps, int evalInterval) {
        return new TrainSpec(Optimizer.ADAM, 1e-3, 0, Schedule.CONSTANT, 2, steps, null, 1, 0, evalInterval, 1, 100,
                0.9, 0.999, 1e-8);
    }

    /** Reports loss = step number (1-based), NaN at {@code nanAtStep}. */
    private static class ScriptedModel implements TrainableModel {
        private final long nanAtStep;
        private long step;
        private final List<Long> seen = new ArrayList<>();

        ScriptedModel(long nanAtStep) {
            this.nanAtStep = nanAtStep;
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public StepResult trainStep(Batch batch, double learningRate, long dropoutSeed) {
            step++;
            seen.add(step);
            return new StepResult(step == nanAtStep ? Double.NaN : step, 1);
        }

        @Override
        public EvalSums evaluate(Batch batch) {
            return new EvalSums(batch.scoredPositions(), batch.scoredPositions(), 0);
        }

        @Override
        public void save(Path dir) {
        }

        @Override
        public void load(Path dir) {
        }

        @Override
        public void close() {
        }
    }
}
