package org.reprise.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reprise.model.ModelFactory;
import org.reprise.train.RunStatus;

/**
 * Runs a plan cell by cell: skips cells already COMPLETED with the same configuration hash, resumes
 * interrupted ones from their checkpoint, writes each record atomically, prints one line per run,
 * and goes on after a diverged or failed run (unless fail-fast).
 */
public final class SweepRunner {
    private final ResultsStore store;
    private final CellRunner cells;
    private final PrintStream out;
    private final boolean failFast;

    public SweepRunner(ResultsStore store, ModelFactory models, Path dataDir, Provenance provenance, PrintStream out,
                       boolean progressBar, boolean failFast) {
        this.store = store;
        this.cells = new CellRunner(store, models, dataDir, provenance, progressBar);
        this.out = out;
        this.failFast = failFast;
    }

    /**
     * @param manifestFile the manifest the plan came from (snapshotted into the results folder)
     * @return the record of every cell of the plan (skipped cells contribute their existing record) */
    public List<RunRecord> run(RunPlan plan, Path manifestFile) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        store.snapshotManifest(plan.manifest().name(), manifestFile);
        int index = 0;
        for (RunCell cell : plan.cells()) {
            index++;
            String prefix = String.format(Locale.ROOT, "[%d/%d] %s", index, plan.cells().size(), cell.id());
            Optional<RunRecord> existing = store.read(cell);
            if (existing.isPresent() && existing.get().completedWith(cell.configHash())) {
                out.println(prefix + "  skipped: already COMPLETED with this configuration  " + RunLine.metrics(existing.get()));
                records.add(existing.get());
                continue;
            }
            if (existing.isPresent()) {
                store.supersede(cell, existing.get());
            } else if (java.nio.file.Files.exists(store.runDir(cell).resolve(ResultsStore.RECORD))) {
                store.supersede(cell, unreadable(cell));
            }
            RunRecord record = cells.run(cell, plan.manifest().source());
            store.write(cell, record);
            out.println(prefix + "  " + RunLine.format(record));
            records.add(record);
            if (failFast && record.status() != RunStatus.COMPLETED) {
                out.println("stopping: -Dfail.fast is set and " + cell.id() + " ended " + record.status());
                break;
            }
        }
        return records;
    }

    /** A placeholder identity for an unreadable record, so it can be moved aside under a recognisable name. */
    private static RunRecord unreadable(RunCell cell) {
        return new RunRecord(RunRecord.SCHEMA, cell.experiment(), cell.variant(), cell.seed(), RunStatus.FAILED,
                "unreadable record", "unreadable-record", cell.config(), null, cell.threads(), 0, 0, 0,
                java.util.Map.of(), List.of(), 0, 0, 0, null, 0, null, null, null, null, null);
    }
}
