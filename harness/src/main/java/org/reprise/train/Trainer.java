package org.reprise.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.reprise.data.Batch;
import org.reprise.data.EvalSums;
import org.reprise.data.SequenceTask;
import org.reprise.manifest.MetricSpec;
import org.reprise.manifest.TrainSpec;
import org.reprise.model.StepResult;
import org.reprise.model.TrainableModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: scheduled steps, evaluation every {@code evalInterval} steps and after the last,
 * checkpoints every {@code checkpointInterval}, and divergence detection. Every batch and dropout
 * mask is a function of (seed stream, step), so resuming from a checkpoint reproduces an
 * uninterrupted run bit for bit.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainSpec spec;
    private final SequenceTask task;
    private final SeedStreams seeds;
    private final String configHash;
    private final TrainingListener listener;

    public Trainer(TrainSpec spec, SequenceTask task, SeedStreams seeds, String configHash, TrainingListener listener) {
        this.spec = spec;
        this.task = task;
        this.seeds = seeds;
        this.configHash = configHash;
        this.listener = listener;
    }

    public TrainingOutcome train(TrainableModel model, CheckpointStore checkpoints) throws IOException {
        LearningRateSchedule schedule = new LearningRateSchedule(spec);
        List<Batch> evalBatches = task.evalBatches(spec.evalBatches(), spec.batchSize());
        TrainerState start = checkpoints.restore(model, configHash)
                .orElse(new TrainerState(0, List.of(), 0, 0, 0, configHash));
        List<EvalPoint> history = new ArrayList<>(start.history());
        double lossSum = start.pendingLossSum();
        long lossCount = start.pendingLossCount();
        double trainSeconds = start.trainSeconds();
        long tokensPerStep = (long) spec.batchSize() * task.sequenceLength();
        long step = start.completedSteps();
        notify(() -> listener.onStart(start.completedSteps(), spec.steps()));
        while (step < spec.steps()) {
            Batch batch = task.trainBatch(seeds.data(), step, spec.batchSize());
            double lr = schedule.at(step);
            long began = System.nanoTime();
            StepResult result = model.trainStep(batch, lr, seeds.dropoutAt(step));
            trainSeconds += (System.nanoTime() - began) / 1e9;
            step++;
            if (!Double.isFinite(result.loss())) {
                notify(listener::onEnd);
                return new TrainingOutcome(RunStatus.DIVERGED, "training loss became " + result.loss() + " at step " + step,
                        history, step, trainSeconds, trainSeconds - start.trainSeconds(),
                        (step - start.completedSteps()) * tokensPerStep, start.completedSteps());
            }
            lossSum += result.loss();
            lossCount++;
            long done = step;
            notify(() -> listener.onStep(done, result.loss()));
            if (step % spec.evalInterval() == 0 || step == spec.steps()) {
                EvalPoint point = new EvalPoint(step, lr, lossSum / lossCount, evaluate(model, evalBatches), trainSeconds);
                history.add(point);
                lossSum = 0;
                lossCount = 0;
                notify(() -> listener.onEvaluation(point));
            }
            if (step % spec.checkpointInterval() == 0 && step < spec.steps()) {
                checkpoints.save(model, new TrainerState(step, history, lossSum, lossCount, trainSeconds, configHash));
            }
        }
        notify(listener::onEnd);
        return new TrainingOutcome(RunStatus.COMPLETED, null, history, step, trainSeconds, trainSeconds - start.trainSeconds(),
                (step - start.completedSteps()) * tokensPerStep, start.completedSteps());
    }

    /**
     * The task's metrics under the model's own attention, and under each further evaluation attention
     * as {@code <metric>@<name>} (Kitaev et al. 2020 Table 2), all on the same batches.
     */
    private Map<String, Double> evaluate(TrainableModel model, List<Batch> batches) {
        Map<String, Double> metrics = new TreeMap<>(task.metrics(sum(batches, model::evaluate)));
        for (String attention : model.evaluationAttentions()) {
            task.metrics(sum(batches, batch -> model.evaluate(batch, attention)))
                    .forEach((metric, value) -> metrics.put(MetricSpec.under(metric, attention), value));
        }
        return metrics;
    }

    private static EvalSums sum(List<Batch> batches, Function<Batch, EvalSums> evaluation) {
        EvalSums sums = EvalSums.ZERO;
        for (Batch batch : batches) {
            sums = sums.plus(evaluation.apply(batch));
        }
        return sums;
    }

    /** Listeners observe and never steer: a throwing listener is logged, not fatal. */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a training listener failed and was ignored: {}", e.toString());
        }
    }

}
