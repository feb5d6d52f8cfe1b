package org.reprise.stats;

import java.util.OptionalInt;

/**
 * A qualitative claim that one variant's cost grows more slowly with sequence length than
 * another's, e.g. "sparse time grows slower than dense": the difference of the two log-log
 * slopes (scaling exponents) must be below zero.
 *
 * <p>The slopes come from independent fits, so the difference has standard error
 * √(se₁² + se₂²) with Welch–Satterthwaite degrees of freedom from the two residual df (n − 2
 * each). REPRODUCED when the (1 − 2α) interval of slope(slower) − slope(faster) lies below
 * zero, NOT_REPRODUCED when it lies above. No seed count is estimated: what narrows the
 * interval is more lengths or repeated timings, which the reason says.
 *
 * @param slower label of the variant claimed to grow more slowly (e.g. "fixed")
 * @param faster label of the other (e.g. "dense")
 * @param alpha  one-sided error rate, e.g. 0.05
 */
public record GrowthClaim(String slower, String faster, double alpha) {

    public GrowthClaim {
        Samples.requireAlpha(alpha);
    }

    public ClaimVerdict evaluate(ScalingFit slowerFit, ScalingFit fasterFit) {
        if (slowerFit.slopeStandardError().isEmpty() || fasterFit.slopeStandardError().isEmpty()) {
            return ClaimVerdict.cannotTest("a slope interval needs at least 3 lengths per variant, got "
                    + slowerFit.n() + " (" + slower + ") and " + fasterFit.n() + " (" + faster + ")");
        }
        double se1 = slowerFit.slopeStandardError().getAsDouble();
        double se2 = fasterFit.slopeStandardError().getAsDouble();
        double difference = slowerFit.slope() - fasterFit.slope();
        double se = Math.sqrt(se1 * se1 + se2 * se2);
        double level = 1 - 2 * alpha;
        double halfWidth = 0;
        if (se > 0) {
            double df = Math.pow(se, 4)
                    / (Math.pow(se1, 4) / (slowerFit.n() - 2) + Math.pow(se2, 4) / (fasterFit.n() - 2));
            halfWidth = StudentT.twoSidedCritical(level, df) * se;
        }
        Interval ci = Interval.around(difference, halfWidth, level);
        String evidence = "exponent " + slower + " " + Fmt.num(slowerFit.slope()) + " vs " + faster + " "
                + Fmt.num(fasterFit.slope()) + ", difference " + ci;
        if (ci.upper() < 0) {
            return ClaimVerdict.decided(Verdict.REPRODUCED, evidence + ": " + slower + " grows more slowly",
                    ci, difference);
        }
        if (ci.lower() > 0) {
            return ClaimVerdict.decided(Verdict.NOT_REPRODUCED, evidence + ": " + slower + " grows faster",
                    ci, difference);
        }
        return ClaimVerdict.undecided(evidence + ": the interval contains zero; more sequence lengths or"
                + " repeated timings would narrow it", OptionalInt.empty(), ci, difference);
    }
}
