package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderingClaimTest {

    private static final double ALPHA = 0.05;
    /** "fixed beats strided on text": bits per byte, lower is better. */
    private static final OrderingClaim FIXED_BEATS_STRIDED =
            new OrderingClaim("fixed", "strided", Direction.LOWER_IS_BETTER, ALPHA);

    @Test
    void clearOrderingOverFiveSeedsEachIsReproduced() {
        // python3: F=[1.10,1.12,1.11,1.13,1.09]; S=[1.20,1.22,1.19,1.21,1.23]
        //   stats.ttest_ind(F,S,equal_var=False,alternative='less').pvalue -> 4.24e-06
        //   stats.mannwhitneyu(F,S,method='exact',alternative='less').pvalue -> 0.003968 (1/252)
        ClaimVerdict verdict = FIXED_BEATS_STRIDED.evaluate(
                new double[] {1.10, 1.12, 1.11, 1.13, 1.09}, new double[] {1.20, 1.22, 1.19, 1.21, 1.23});

        assertThat(verdict.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict.reason()).contains("fixed beats strided");
    }

    @Test
    void theOppositeOrderingIsNotReproduced() {
        ClaimVerdict verdict = FIXED_BEATS_STRIDED.evaluate(
                new double[] {1.20, 1.22, 1.19, 1.21, 1.23}, new double[] {1.10, 1.12, 1.11, 1.13, 1.09});

        assertThat(verdict.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(verdict.reason()).contains("the opposite holds, strided beats fixed");
    }

    @Test
    void threeSeedsEachNeverShowAnOrderingHoweverLargeTheGap() {
        // Welch alone would give p < 1e-4 here; the exact rank floor 1/C(6,3) = 0.05 is not below α
        ClaimVerdict verdict = FIXED_BEATS_STRIDED.evaluate(
                new double[] {1.10, 1.11, 1.12}, new double[] {1.30, 1.31, 1.32});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).hasValue(4);
        assertThat(verdict.reason()).contains("with 3 vs 3 seeds no rank test can go below one-sided p = 0.0500000");
    }

    @Test
    void overlappingSeedsGiveTheWelchSeedCountEstimate() {
        // python3: A=[1.10,1.15,1.08,1.20,1.12]; B=[1.14,1.18,1.11,1.22,1.13]; va,vb=var(ddof=1); d=mean(A)-mean(B)
        //   df=lambda m: (va/m+vb/m)**2/((va/m)**2/(m-1)+(vb/m)**2/(m-1))
        //   next(m for m in range(6,1001) if abs(d)/np.sqrt((va+vb)/m) > stats.t.ppf(0.95, df(m))) -> 18
        ClaimVerdict verdict = FIXED_BEATS_STRIDED.evaluate(
                new double[] {1.10, 1.15, 1.08, 1.20, 1.12}, new double[] {1.14, 1.18, 1.11, 1.22, 1.13});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.seedsNeeded()).hasValue(18);
        assertThat(verdict.reason()).contains("about 18 seeds per variant would make it REPRODUCED");
    }

    @Test
    void oneSeedPerVariantCannotBeTested() {
        ClaimVerdict verdict = FIXED_BEATS_STRIDED.evaluate(new double[] {1.1}, new double[] {1.3, 1.2});

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).isEqualTo("1 vs 2 seeds: at least 2 per variant are needed");
    }
}
