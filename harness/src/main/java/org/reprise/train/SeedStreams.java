package org.reprise.train;

import org.reprise.data.StreamSeeds;

/**
 * A run's root seed split into named streams, in a fixed order, so that changing how one stream is
 * used never shifts another. Recorded in every run record.
 *
 * @param root    the run's seed as planned (e.g. 1, 2, 3)
 * @param init    parameter initialisation
 * @param data    training-batch order/generation; batch k uses {@code derive(data, k)}
 * @param dropout dropout masks; step k uses {@code derive(dropout, k)}
 */
public record SeedStreams(long root, long init, long data, long dropout) {
    public static SeedStreams of(long root) {
        return new SeedStreams(root, StreamSeeds.derive(root, 0), StreamSeeds.derive(root, 1), StreamSeeds.derive(root, 2));
    }

    /** The dropout seed of optimizer step {@code step}. */
    public long dropoutAt(long step) {
        return StreamSeeds.derive(dropout, step);
    }
}
