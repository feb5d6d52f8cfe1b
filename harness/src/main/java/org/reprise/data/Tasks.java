package org.reprise.data;

import java.nio.file.Path;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.RunConfig;

/** Builds the {@link SequenceTask} a run configuration names. */
public final class Tasks {
    private Tasks() {
    }

    /** @param dataDir where downloadable datasets live (unused by generated tasks) */
    public static SequenceTask create(RunConfig config, Path dataDir) {
        return switch (config.data().dataset()) {
            case COPY -> new CopyTask(config.model().sequenceLength(),
                    config.data().intOption("symbols", CopyTask.PAPER_SYMBOLS), Defaults.EVAL_DATA_SEED);
        };
    }
}
