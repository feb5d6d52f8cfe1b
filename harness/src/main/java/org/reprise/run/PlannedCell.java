package org.reprise.run;

/**
 * One cell of the last sweep's plan as {@code results/<experiment>/plan.json} lists it: enough for
 * a report or a status to tell which planned runs have no record yet.
 *
 * @param configHash the hash its record must carry to count (see {@link ConfigHash})
 */
public record PlannedCell(String variant, long seed, String configHash) {
    public static PlannedCell of(RunCell cell) {
        return new PlannedCell(cell.variant(), cell.seed(), cell.configHash());
    }

    /** {@code variant/seed-n}, as folders name it. */
    public String id() {
        return variant + "/seed-" + seed;
    }
}
