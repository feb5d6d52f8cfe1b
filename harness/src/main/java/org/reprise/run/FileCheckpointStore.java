package org.reprise.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.reprise.model.TrainableModel;
import org.reprise.train.CheckpointStore;
import org.reprise.train.TrainerState;

/**
 * Checkpoints in a run's folder. A new checkpoint is written whole into {@code checkpoint.tmp/} and
 * swapped in by renames, so a kill at any moment leaves {@code checkpoint/} or {@code checkpoint.old/} intact.
 */
final class FileCheckpointStore implements CheckpointStore {
    private static final String TRAINER = "trainer.json";

    private final Path dir;
    private final Path temp;
    private final Path old;

    FileCheckpointStore(Path dir) {
        this.dir = dir;
        this.temp = dir.resolveSibling(dir.getFileName() + ".tmp");
        this.old = dir.resolveSibling(dir.getFileName() + ".old");
    }

    @Override
    public Optional<TrainerState> restore(TrainableModel model, String configHash) throws IOException {
        for (Path candidate : new Path[] {dir, old}) {
            Path trainer = candidate.resolve(TRAINER);
            if (Files.exists(trainer)) {
                TrainerState state = Json.MAPPER.readValue(trainer.toFile(), TrainerState.class);
                if (!state.configHash().equals(configHash)) {
                    System.err.println("warning: " + candidate + " belongs to another configuration; starting afresh");
                    return Optional.empty();
                }
                model.load(candidate);
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    @Override
    public void save(TrainableModel model, TrainerState state) throws IOException {
        AtomicFiles.deleteTree(temp);
        model.save(temp);
        AtomicFiles.writeJson(temp.resolve(TRAINER), state);
        AtomicFiles.deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        Files.move(temp, dir);
        AtomicFiles.deleteTree(old);
    }

    @Override
    public void clear() throws IOException {
        AtomicFiles.deleteTree(temp);
        AtomicFiles.deleteTree(dir);
        AtomicFiles.deleteTree(old);
    }
}
