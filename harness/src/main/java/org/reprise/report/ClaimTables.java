package org.reprise.report;

import java.util.ArrayList;
import java.util.List;
import org.reprise.manifest.ClaimKind;
import org.reprise.manifest.ClaimSpec;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ReportedValue;

/** The summary box, the scope table (what the paper reports) and the results table (claim by claim). */
final class ClaimTables {
    private ClaimTables() {
    }

    static List<ReportModel.ClaimSummary> summaries(List<EvaluatedClaim> claims) {
        List<ReportModel.ClaimSummary> out = new ArrayList<>();
        for (EvaluatedClaim c : claims) {
            ClaimSpec s = c.spec();
            String source = s.paper() != null ? s.paper().source() : "ordering of our own runs";
            out.add(new ReportModel.ClaimSummary(s.id(), s.statement(), s.metric(), variants(s), verdictText(c),
                    verdictStyle(c), c.verdict().reason(), source));
        }
        return out;
    }

    static String verdictText(EvaluatedClaim c) {
        if (!c.ran()) {
            return "not run";
        }
        return switch (c.verdict().verdict()) {
            case REPRODUCED -> "reproduced";
            case NOT_REPRODUCED -> "not reproduced";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    static String verdictStyle(EvaluatedClaim c) {
        return c.ran() ? "verdict-" + c.verdict().verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : "verdict-not-run";
    }

    private static String variants(ClaimSpec s) {
        return s.kind().comparesVariants() ? s.variant() + " vs " + s.versus() : s.variant();
    }

    static Table scope(ExperimentManifest m) {
        Table.Builder t = new Table.Builder("scope", "The paper's claims tested here, and every number it reports for the"
                + " original setting.", "kind", "what", "metric", "value", "source");
        for (ClaimSpec c : m.claims()) {
            String value = c.paper() == null ? "—" : reported(c.paper());
            t.row("claim " + c.id() + " (" + c.kind().key() + (c.kind().comparesVariants() ? ""
                    : ", δ = " + Num.setting(c.tolerance())) + ")", c.statement(), c.metric(), value,
                    c.paper() == null ? "—" : c.paper().source());
        }
        for (ReportedValue r : m.original().reported()) {
            t.row("reported", r.condition() == null ? "original setting" : r.condition(), r.metric(), reported(r), r.source());
        }
        return t.note(m.original().notes() == null ? "" : m.original().notes().strip()).build();
    }

    static String reported(ReportedValue r) {
        return Num.value(r.value()) + (r.sd() != null ? " ± " + Num.value(r.sd()) : "") + (r.n() != null ? " (n=" + r.n() + ")" : "");
    }

    static Table results(List<EvaluatedClaim> claims, double confidence) {
        Table.Builder t = new Table.Builder("results", "Each claim: the paper's value, ours (completed seeds; failed and"
                + " diverged seeds count as missing), the difference, the interval the verdict is read from, effect size and verdict.",
                "claim", "metric", "configuration", "paper", "ours", "Δ", "interval", "effect size", "p (Holm)", "verdict");
        for (EvaluatedClaim c : claims) {
            ClaimSpec s = c.spec();
            String ours = Num.meanSd(c.ours());
            String paper;
            String effect;
            if (s.kind().comparesVariants()) {
                paper = s.kind() == ClaimKind.BETTER_THAN ? s.variant() + " better than " + s.versus()
                        : s.variant() + " not worse than " + s.versus() + " by more than " + Num.value(s.tolerance());
                ours = s.variant() + " " + ours + "; " + s.versus() + " " + Num.meanSd(c.versus());
                effect = c.effect() == null ? Num.NA
                        : "g = " + Num.value(c.effect().hedgesG()) + ", A12 = " + Num.value(c.effect().a12());
            } else {
                paper = reported(s.paper());
                effect = oneSampleEffect(c);
            }
            String missing = c.ran() ? "" : " (not run)";
            String p = c.pValue().isPresent()
                    ? Num.value(c.pValue().getAsDouble()) + (c.pAdjusted().getAsDouble() != c.pValue().getAsDouble()
                            ? " (" + Num.value(c.pAdjusted().getAsDouble()) + ")" : "")
                    : Num.NA;
            t.row(s.id(), s.metric(), variants(s) + missing, paper, ours,
                    c.verdict().observed().isPresent() ? Num.signed(c.verdict().observed().getAsDouble()) : Num.NA,
                    Num.interval(c.verdict().interval()), effect, p, Cell.styled(verdictText(c), verdictStyle(c)));
        }
        return t.note("Δ is ours − paper (or the first variant − the second); intervals are at 1 − 2α = "
                + Num.percent(1 - 2 * (1 - confidence)) + " for two one-sided tests at α = " + Num.value(1 - confidence)
                + "; p is the smallest α at which the claim would be REPRODUCED.").build();
    }

    /** (ours − paper) / sd of ours: how many of our seed-to-seed standard deviations separate the two. */
    private static String oneSampleEffect(EvaluatedClaim c) {
        if (c.ours().sd().isEmpty() || c.ours().mean().isEmpty() || !(c.ours().sd().getAsDouble() > 0)) {
            return Num.NA;
        }
        double d = (c.ours().mean().getAsDouble() - c.spec().paper().value()) / c.ours().sd().getAsDouble();
        return "d = " + Num.signed(d);
    }
}
