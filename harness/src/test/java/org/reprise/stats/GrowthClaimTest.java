package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GrowthClaimTest {

    private static final double REFERENCE_TOLERANCE = 1e-9;
    private static final double[] LENGTHS = {256, 512, 1024, 2048, 4096};
    private static final double[] SPARSE_SECONDS = {0.011, 0.019, 0.041, 0.078, 0.162};
    private static final double[] DENSE_SECONDS = {0.004, 0.015, 0.062, 0.25, 1.01};
    private static final GrowthClaim SPARSE_GROWS_SLOWER = new GrowthClaim("sparse", "dense", 0.05);

    @Test
    void sparseTimeGrowingSlowerThanDenseIsReproduced() {
        // python3: rs=stats.linregress(np.log(L), np.log(Ts)); rd=stats.linregress(np.log(L), np.log(Td))
        //   se=np.hypot(rs.stderr, rd.stderr); df=se**4/(rs.stderr**4/3 + rd.stderr**4/3); d=rs.slope-rd.slope
        //   h=stats.t.ppf(0.95, df)*se -> d -1.0220861370418566, 90% [-1.0846770820719236, -0.9594951920117897]
        ScalingFit sparse = ScalingFit.fit(LENGTHS, SPARSE_SECONDS, 0.95).orElseThrow();
        ScalingFit dense = ScalingFit.fit(LENGTHS, DENSE_SECONDS, 0.95).orElseThrow();

        ClaimVerdict verdict = SPARSE_GROWS_SLOWER.evaluate(sparse, dense);

        assertThat(verdict.verdict()).isEqualTo(Verdict.REPRODUCED);
        assertThat(verdict.interval().orElseThrow().lower()).isCloseTo(-1.0846770820719236, within(REFERENCE_TOLERANCE));
        assertThat(verdict.interval().orElseThrow().upper()).isCloseTo(-0.9594951920117897, within(REFERENCE_TOLERANCE));
    }

    @Test
    void denseGrowingSlowerIsNotReproduced() {
        ScalingFit sparse = ScalingFit.fit(LENGTHS, SPARSE_SECONDS, 0.95).orElseThrow();
        ScalingFit dense = ScalingFit.fit(LENGTHS, DENSE_SECONDS, 0.95).orElseThrow();

        ClaimVerdict verdict = SPARSE_GROWS_SLOWER.evaluate(dense, sparse);

        assertThat(verdict.verdict()).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void overlappingExponentsAreInconclusive() {
        ScalingFit sparse = ScalingFit.fit(LENGTHS, SPARSE_SECONDS, 0.95).orElseThrow();
        ScalingFit similar = ScalingFit.fit(LENGTHS, new double[] {0.010, 0.022, 0.038, 0.085, 0.15}, 0.95).orElseThrow();

        ClaimVerdict verdict = SPARSE_GROWS_SLOWER.evaluate(sparse, similar);

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.reason()).contains("more sequence lengths or repeated timings would narrow it");
    }

    @Test
    void twoLengthsCannotTestGrowth() {
        ScalingFit twoPoints = ScalingFit.fit(new double[] {256, 512}, new double[] {1, 4}, 0.95).orElseThrow();
        ScalingFit sparse = ScalingFit.fit(LENGTHS, SPARSE_SECONDS, 0.95).orElseThrow();

        ClaimVerdict verdict = SPARSE_GROWS_SLOWER.evaluate(sparse, twoPoints);

        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict.interval()).isEmpty();
    }
}
