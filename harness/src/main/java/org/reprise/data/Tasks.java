package org.reprise.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprise.manifest.DataSpec;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.RunConfig;

/** Builds the {@link SequenceTask} a run configuration names, and checks its data before any run starts. */
public final class Tasks {
    private Tasks() {
    }

    /** @param dataDir where downloadable datasets live (unused by generated tasks) */
    public static SequenceTask create(RunConfig config, Path dataDir) {
        return create(config, new DataStore(dataDir, Downloads.http()));
    }

    /** @throws DataException when a file is missing (and cannot be downloaded), truncated or corrupt */
    public static SequenceTask create(RunConfig config, DataStore store) {
        int length = config.model().sequenceLength();
        return switch (config.data().dataset()) {
            case COPY -> new CopyTask(length, config.data().intOption("symbols", CopyTask.PAPER_SYMBOLS), Defaults.EVAL_DATA_SEED);
            case ENWIK8 -> Enwik8.open(config.data(), length, store, Enwik8.CANONICAL);
            case CIFAR10 -> Cifar10.open(config.data(), store, Cifar10.CANONICAL);
            case FASHION_MNIST -> FashionMnist.open(config.data(), store, FashionMnist.CANONICAL);
            case LISTOPS -> ListOpsTask.create(config.data(), length);
        };
    }

    /**
     * Everything that would stop {@link #create} for this configuration, found without loading the
     * data: missing files (downloaded now when possible), truncated or corrupt ones. Empty when the
     * run can start. Call it for every configuration of a plan before training anything.
     */
    public static List<String> preflight(RunConfig config, Path dataDir) {
        return preflight(config, new DataStore(dataDir, Downloads.http()));
    }

    public static List<String> preflight(RunConfig config, DataStore store) {
        return preflight(config.data(), store);
    }

    public static List<String> preflight(DataSpec data, DataStore store) {
        List<String> problems = new ArrayList<>();
        try {
            switch (data.dataset()) {
                case ENWIK8 -> Enwik8.require(data, store, Enwik8.CANONICAL);
                case CIFAR10 -> Cifar10.require(data, store, Cifar10.CANONICAL);
                case FASHION_MNIST -> problems.addAll(FashionMnist.problems(store, FashionMnist.CANONICAL));
                case COPY, LISTOPS -> {
                    // generated: nothing to read
                }
            }
        } catch (DataException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
