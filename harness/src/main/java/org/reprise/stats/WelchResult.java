package org.reprise.stats;

/**
 * Welch's unequal-variance t-test of mean(A) − mean(B).
 *
 * @param difference         mean(A) − mean(B), in the metric's unit
 * @param standardError      standard error of the difference, same unit
 * @param t                  difference / standardError
 * @param degreesOfFreedom   Welch–Satterthwaite degrees of freedom (real-valued)
 * @param pTwoSided          two-sided p-value
 * @param pAGreater          one-sided p-value for mean(A) > mean(B)
 * @param pALess             one-sided p-value for mean(A) < mean(B)
 * @param differenceInterval t interval of the difference at the requested level
 */
public record WelchResult(
        double meanA,
        double meanB,
        double difference,
        double standardError,
        double t,
        double degreesOfFreedom,
        double pTwoSided,
        double pAGreater,
        double pALess,
        Interval differenceInterval) {

    @Override
    public String toString() {
        return "Welch[diff=" + Fmt.num(difference) + ", t=" + Fmt.num(t) + ", df=" + Fmt.num(degreesOfFreedom)
                + ", p=" + Fmt.num(pTwoSided) + ", CI " + differenceInterval + "]";
    }
}
