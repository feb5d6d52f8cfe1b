package org.reprise.report;

import java.util.OptionalDouble;
import org.reprise.manifest.ClaimSpec;
import org.reprise.stats.ClaimVerdict;
import org.reprise.stats.EffectSize;
import org.reprise.stats.Summary;

/**
 * A claim with its verdict, or without one when its variant was never run.
 *
 * @param verdict   empty-handed ({@code null}) only when {@code ran} is false
 * @param ours      summary of the claim variant's completed seeds
 * @param versus    summary of the other variant (better_than only), else null
 * @param effect    Hedges' g and A12 of variant against versus (better_than with values on both sides), else null
 * @param pValue    the smallest α at which the verdict would be REPRODUCED, if a verdict was computed
 * @param pAdjusted that p after Holm's correction across the report's claims (equal to pValue for one claim)
 * @param holmNote  why the verdict differs from the uncorrected one, or ""
 */
record EvaluatedClaim(ClaimSpec spec, boolean ran, ClaimVerdict verdict, Summary ours, Summary versus,
                      EffectSize effect, OptionalDouble pValue, OptionalDouble pAdjusted, String holmNote) {
}
