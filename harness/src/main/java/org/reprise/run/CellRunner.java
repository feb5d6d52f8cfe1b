package org.reprise.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.reprise.data.DataProvenance;
import org.reprise.data.SequenceTask;
import org.reprise.data.Tasks;
import org.reprise.model.Engine;
import org.reprise.model.ModelFactory;
import org.reprise.model.TrainableModel;
import org.reprise.train.RunStatus;
import org.reprise.train.SeedStreams;
import org.reprise.train.Trainer;
import org.reprise.train.TrainingListener;
import org.reprise.train.TrainingOutcome;

/** Runs one cell from start (or its checkpoint) to a {@link RunRecord}; failures become FAILED records. */
final class CellRunner {
    private final ResultsStore store;
    private final ModelFactory models;
    private final Path dataDir;
    private final Provenance provenance;
    private final boolean progressBar;

    CellRunner(ResultsStore store, ModelFactory models, Path dataDir, Provenance provenance, boolean progressBar) {
        this.store = store;
        this.models = models;
        this.dataDir = dataDir;
        this.provenance = provenance;
        this.progressBar = progressBar;
    }

    RunRecord run(RunCell cell, String manifestPath) {
        Instant started = Instant.now();
        long began = System.nanoTime();
        SeedStreams seeds = SeedStreams.of(cell.seed());
        Engine.configure(cell.threads());
        MemoryMonitor memory = new MemoryMonitor();
        memory.reset();
        long parameters = 0;
        DataProvenance data = new DataProvenance("not loaded", Map.of());
        try {
            SequenceTask task = Tasks.create(cell.config(), dataDir);
            data = task.provenance();
            TrainableModel model = models.create(cell.config().model(), cell.config().training(), task.vocabSize(), seeds.init());
            parameters = model.parameterCount();
            TrainingListener listener = progressBar ? new ProgressBarListener(cell.id()) : TrainingListener.NONE;
            TrainingListener sampling = new TrainingListener() {
                @Override
                public void onStart(long firstStep, long totalSteps) {
                    listener.onStart(firstStep, totalSteps);
                }

                @Override
                public void onStep(long completedSteps, double loss) {
                    memory.sample();
                    listener.onStep(completedSteps, loss);
                }

                @Override
                public void onEvaluation(org.reprise.train.EvalPoint point) {
                    listener.onEvaluation(point);
                }

                @Override
                public void onEnd() {
                    listener.onEnd();
                }
            };
            FileCheckpointStore checkpoints = new FileCheckpointStore(store.checkpointDir(cell));
            TrainingOutcome outcome;
            try {
                outcome = new Trainer(cell.config().training(), task, seeds, cell.configHash(), sampling).train(model, checkpoints);
            } finally {
                model.close();
            }
            if (outcome.status() != RunStatus.FAILED) {
                checkpoints.clear();
            }
            double wall = (System.nanoTime() - began) / 1e9;
            double segmentSeconds = outcome.segmentSeconds();
            return new RunRecord(RunRecord.SCHEMA, cell.experiment(), cell.variant(), cell.seed(), outcome.status(),
                    outcome.reason(), cell.configHash(), cell.config(), seeds, cell.threads(), parameters,
                    cell.config().training().steps(), outcome.completedSteps(), outcome.finalMetrics(), outcome.history(),
                    wall, outcome.trainSeconds(), segmentSeconds > 0 ? outcome.trainedTokens() / segmentSeconds : 0,
                    memory.peaks(), outcome.resumedFromStep(), data, provenance, started.toString(),
                    Instant.now().toString(), manifestPath);
        } catch (Exception | OutOfMemoryError e) {
            return new RunRecord(RunRecord.SCHEMA, cell.experiment(), cell.variant(), cell.seed(), RunStatus.FAILED,
                    describe(e), cell.configHash(), cell.config(), seeds, cell.threads(), parameters,
                    cell.config().training().steps(), 0, Map.of(), java.util.List.of(),
                    (System.nanoTime() - began) / 1e9, 0, 0, memory.peaks(), 0, data, provenance, started.toString(),
                    Instant.now().toString(), manifestPath);
        }
    }

    private static String describe(Throwable e) {
        StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return e.getClass().getSimpleName() + ": " + e.getMessage() + (top == null ? "" : " (at " + top + ")");
    }
}
