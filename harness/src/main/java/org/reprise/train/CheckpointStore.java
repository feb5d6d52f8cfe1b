package org.reprise.train;

import java.io.IOException;
import java.util.Optional;
import org.reprise.model.TrainableModel;

/** Where a run keeps its latest checkpoint. Saving must be atomic: a crash leaves the previous one usable. */
public interface CheckpointStore {
    /** Restores the model from the latest checkpoint and returns the trainer state, if one exists for this configuration. */
    Optional<TrainerState> restore(TrainableModel model, String configHash) throws IOException;

    void save(TrainableModel model, TrainerState state) throws IOException;

    /** Removes the checkpoint once the run has ended. */
    void clear() throws IOException;

    CheckpointStore NONE = new CheckpointStore() {
        @Override
        public Optional<TrainerState> restore(TrainableModel model, String configHash) {
            return Optional.empty();
        }

        @Override
        public void save(TrainableModel model, TrainerState state) {
        }

        @Override
        public void clear() {
        }
    };
}
