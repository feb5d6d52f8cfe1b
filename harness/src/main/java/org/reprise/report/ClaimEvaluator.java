package org.reprise.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoublePredicate;
import org.reprise.manifest.ClaimKind;
import org.reprise.manifest.ClaimSpec;
import org.reprise.manifest.ExperimentManifest;
import org.reprise.manifest.ReportedValue;
import org.reprise.stats.ClaimVerdict;
import org.reprise.stats.Direction;
import org.reprise.stats.EffectSize;
import org.reprise.stats.Holm;
import org.reprise.stats.MarginClaim;
import org.reprise.stats.OrderingClaim;
import org.reprise.stats.PaperClaim;
import org.reprise.stats.PaperValue;
import org.reprise.stats.Summary;
import org.reprise.stats.Verdict;

/**
 * Evaluates a manifest's claims on the final values of completed seeds: {@code equivalent} and
 * {@code not_worse} with {@link PaperClaim}, {@code better_than} with {@link OrderingClaim}, each at
 * α = 1 − confidence. With several claims, Holm's correction is applied to the p-value of each
 * REPRODUCED verdict (the smallest α at which it would still be REPRODUCED, found by bisection,
 * since each test's decision is monotone in α); one that no longer clears α becomes INCONCLUSIVE.
 */
final class ClaimEvaluator {
    /** Bisection steps for a claim's p-value: 2^-50 of the search range, far below any printed digit. */
    private static final int BISECTION_STEPS = 50;
    private static final double ALPHA_CEILING = 0.5;

    private ClaimEvaluator() {
    }

    static List<EvaluatedClaim> evaluate(ExperimentManifest manifest, Outcomes outcomes) {
        double alpha = 1 - manifest.confidence();
        List<EvaluatedClaim> raw = new ArrayList<>();
        for (ClaimSpec claim : manifest.claims()) {
            raw.add(evaluate(claim, outcomes, alpha));
        }
        long tested = raw.stream().filter(c -> c.pValue().isPresent()).count();
        if (tested < 2) {
            return raw;
        }
        double[] ps = raw.stream().filter(c -> c.pValue().isPresent()).mapToDouble(c -> c.pValue().getAsDouble()).toArray();
        double[] adjusted = Holm.adjust(ps);
        List<EvaluatedClaim> out = new ArrayList<>();
        int k = 0;
        for (EvaluatedClaim c : raw) {
            if (c.pValue().isEmpty()) {
                out.add(c);
                continue;
            }
            double adj = adjusted[k++];
            ClaimVerdict v = c.verdict();
            String note = "";
            if (v.verdict() == Verdict.REPRODUCED && adj >= alpha) {
                note = "REPRODUCED before correction; Holm-adjusted p across " + tested + " claims is " + Num.value(adj)
                        + ", not below α = " + Num.value(alpha);
                v = new ClaimVerdict(Verdict.INCONCLUSIVE, v.reason() + ". " + note, OptionalInt.empty(), v.interval(),
                        v.observed());
            }
            out.add(new EvaluatedClaim(c.spec(), c.ran(), v, c.ours(), c.versus(), c.effect(), c.pValue(),
                    OptionalDouble.of(adj), note));
        }
        return out;
    }

    private static EvaluatedClaim evaluate(ClaimSpec claim, Outcomes outcomes, double alpha) {
        double[] ours = outcomes.completedValues(claim.variant(), claim.metric());
        Summary oursSummary = outcomes.summary(claim.variant(), claim.metric());
        Direction direction = direction(claim.direction());
        if (claim.kind().comparesVariants()) {
            double[] other = outcomes.completedValues(claim.versus(), claim.metric());
            Summary otherSummary = outcomes.summary(claim.versus(), claim.metric());
            if (!outcomes.wasRun(claim.variant()) || !outcomes.wasRun(claim.versus())) {
                return notRun(claim, oursSummary, otherSummary, "variant " + (outcomes.wasRun(claim.variant())
                        ? claim.versus() : claim.variant()) + " has no runs in the results");
            }
            if (claim.kind() == ClaimKind.NOT_WORSE_THAN) {
                MarginClaim test = new MarginClaim(claim.variant(), claim.versus(), claim.tolerance(), direction, alpha);
                ClaimVerdict verdict = test.evaluate(ours, other);
                EffectSize effect = ours.length >= 1 && other.length >= 1 ? EffectSize.of(ours, other) : null;
                OptionalDouble p = verdict.interval().isPresent()
                        ? pValue(a -> new MarginClaim(claim.variant(), claim.versus(), claim.tolerance(), direction, a)
                                .evaluate(ours, other).verdict() == Verdict.REPRODUCED)
                        : OptionalDouble.empty();
                return new EvaluatedClaim(claim, true, verdict, oursSummary, otherSummary, effect, p, p, "");
            }
            OrderingClaim test = new OrderingClaim(claim.variant(), claim.versus(), direction, alpha);
            ClaimVerdict verdict = test.evaluate(ours, other);
            EffectSize effect = ours.length >= 1 && other.length >= 1 ? EffectSize.of(ours, other) : null;
            OptionalDouble p = verdict.interval().isPresent()
                    ? pValue(a -> new OrderingClaim(claim.variant(), claim.versus(), direction, a)
                            .evaluate(ours, other).verdict() == Verdict.REPRODUCED)
                    : OptionalDouble.empty();
            return new EvaluatedClaim(claim, true, verdict, oursSummary, otherSummary, effect, p, p, "");
        }
        if (!outcomes.wasRun(claim.variant())) {
            return notRun(claim, oursSummary, null, "variant " + claim.variant() + " has no runs in the results");
        }
        PaperValue paper = paperValue(claim.paper());
        org.reprise.stats.ClaimKind kind = claim.kind() == ClaimKind.EQUIVALENT
                ? org.reprise.stats.ClaimKind.EQUIVALENT : org.reprise.stats.ClaimKind.NOT_WORSE;
        ClaimVerdict verdict = new PaperClaim(paper, claim.tolerance(), direction, kind, alpha).evaluate(ours);
        OptionalDouble p = verdict.interval().isPresent()
                ? pValue(a -> new PaperClaim(paper, claim.tolerance(), direction, kind, a).evaluate(ours).verdict()
                        == Verdict.REPRODUCED)
                : OptionalDouble.empty();
        return new EvaluatedClaim(claim, true, verdict, oursSummary, null, null, p, p, "");
    }

    private static EvaluatedClaim notRun(ClaimSpec claim, Summary ours, Summary versus, String why) {
        ClaimVerdict verdict = new ClaimVerdict(Verdict.INCONCLUSIVE, "not run: " + why, OptionalInt.empty(),
                Optional.empty(), OptionalDouble.empty());
        return new EvaluatedClaim(claim, false, verdict, ours, versus, null, OptionalDouble.empty(),
                OptionalDouble.empty(), "");
    }

    /** The infimum of α in (0, ½) at which {@code reproducedAt} holds; 1 when it holds for none. */
    static OptionalDouble pValue(DoublePredicate reproducedAt) {
        double hi = Math.nextDown(ALPHA_CEILING);
        if (!reproducedAt.test(hi)) {
            return OptionalDouble.of(1.0);
        }
        double lo = 0;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = (lo + hi) / 2;
            if (mid > 0 && reproducedAt.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalDouble.of(hi);
    }

    static Direction direction(org.reprise.manifest.Direction d) {
        return d == org.reprise.manifest.Direction.LOWER ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
    }

    static PaperValue paperValue(ReportedValue r) {
        return new PaperValue(r.value(), r.sd() == null ? OptionalDouble.empty() : OptionalDouble.of(r.sd()),
                r.n() == null ? OptionalInt.empty() : OptionalInt.of(r.n()));
    }
}
