package org.reprise.report;

import java.util.ArrayList;
import java.util.List;
import org.reprise.manifest.Defaults;
import org.reprise.manifest.ExperimentManifest;

/** Builds a {@link ReportModel} from run records and the manifest alone. */
public final class ReportModelFactory {
    private ReportModelFactory() {
    }

    public static ReportModel build(ReportInputs in) {
        ExperimentManifest m = in.manifest();
        Outcomes outcomes = new Outcomes(List.copyOf(m.variants().keySet()), in.records(), in.missing(), m.confidence());
        List<EvaluatedClaim> claims = ClaimEvaluator.evaluate(m, outcomes);
        FigureSection figures = new FigureSection(m, outcomes);
        List<Table> extra = new ArrayList<>();
        CopyMatrix.of(m).ifPresentOrElse(extra::add, () -> figures.omitted.add(
                "Train × eval accuracy matrix: omitted — the manifest reports no \"train A, eval B\" grid."));
        extra.addAll(CopyMatrix.ours(m, outcomes));
        extra.addAll(CopyMatrix.reproductions(m));
        return new ReportModel(m.name(), m.title(), m.paper().citation(), m.paper().arxiv() == null ? "" : m.paper().arxiv(), in.manifestFile(),
                ClaimTables.summaries(claims), ClaimTables.scope(m), ConfigTables.methodology(m, outcomes),
                ClaimTables.results(claims, m.confidence()), statisticsNote(m, claims.size()), figures.figures,
                figures.omitted, RunTables.seeds(m, outcomes), RunTables.variation(m, outcomes),
                RunTables.determinism(in.records(), in.superseded()), RunTables.compute(m, outcomes),
                ConfigTables.deviations(m), extra, RunTables.provenance(in, outcomes), RunTables.commands(in.records()),
                RunTables.warnings(outcomes));
    }

    private static String statisticsNote(ExperimentManifest m, int claims) {
        double alpha = 1 - m.confidence();
        return "Claims against a paper's value are tested with two one-sided t-tests (equivalent) or one (not worse) at"
                + " α = " + Num.value(alpha) + ", read from the " + Num.percent(1 - 2 * alpha) + " interval of ours − paper;"
                + " a paper value with sd and n enters with its own standard error (Welch). Orderings of two variants need"
                + " both Welch's and the Mann–Whitney one-sided test below α. Only completed seeds count; failed and"
                + " diverged seeds are listed and count as missing. "
                + (claims > 1 ? "Holm's correction is applied across the " + claims + " claims. " : "")
                + "Intervals of a mean: Student t at " + Num.percent(m.confidence()) + ", and a percentile bootstrap with "
                + Num.integer(Defaults.BOOTSTRAP_RESAMPLES) + " resamples (seed " + Defaults.BOOTSTRAP_SEED + ").";
    }
}
