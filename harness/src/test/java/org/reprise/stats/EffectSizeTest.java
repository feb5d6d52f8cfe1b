package org.reprise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectSizeTest {

    /** Gamma-function ratio evaluated with lgamma here, with gamma in SciPy. */
    private static final double REFERENCE_TOLERANCE = 1e-12;

    // python3 (no SciPy routine for g; Hedges 1981 with the exact correction):
    //   def g(a,b):
    //       a=np.asarray(a); b=np.asarray(b); n1,n2=len(a),len(b); df=n1+n2-2
    //       sp=np.sqrt(((n1-1)*a.var(ddof=1)+(n2-1)*b.var(ddof=1))/df)
    //       J=scipy.special.gamma(df/2)/(np.sqrt(df/2)*scipy.special.gamma((df-1)/2))
    //       return (a.mean()-b.mean())/sp*J
    @Test
    void hedgesGMatchesTheNumpyFormula() {
        // g([2.801,2.795,2.806,2.799,2.803], [2.812,2.809,2.818,2.806]) -> -2.021658956157004
        // g([1.2,3.4,2.2,5.1,4.0], [0.5,1.9,2.8,0.7])                     -> 1.1209768421492676
        EffectSize bitsPerByte = EffectSize.of(
                new double[] {2.801, 2.795, 2.806, 2.799, 2.803}, new double[] {2.812, 2.809, 2.818, 2.806});
        EffectSize other = EffectSize.of(new double[] {1.2, 3.4, 2.2, 5.1, 4.0}, new double[] {0.5, 1.9, 2.8, 0.7});

        assertThat(bitsPerByte.hedgesG().getAsDouble()).isCloseTo(-2.021658956157004, within(REFERENCE_TOLERANCE));
        assertThat(other.hedgesG().getAsDouble()).isCloseTo(1.1209768421492676, within(REFERENCE_TOLERANCE));
    }

    @Test
    void a12IsTheShareOfPairsWhereAIsLarger() {
        // 17 of the 5·4 pairs have x > y (scipy's U = 17.0 above): A12 = 0.85
        EffectSize effect = EffectSize.of(new double[] {1.2, 3.4, 2.2, 5.1, 4.0}, new double[] {0.5, 1.9, 2.8, 0.7});

        assertThat(effect.a12()).isCloseTo(0.85, within(REFERENCE_TOLERANCE));
        assertThat(effect.probabilityABetter(Direction.HIGHER_IS_BETTER)).isCloseTo(0.85, within(REFERENCE_TOLERANCE));
        assertThat(effect.probabilityABetter(Direction.LOWER_IS_BETTER)).isCloseTo(0.15, within(REFERENCE_TOLERANCE));
    }

    @Test
    void tiesCountHalfInA12() {
        EffectSize effect = EffectSize.of(new double[] {1, 2}, new double[] {2, 3});

        // pairs: (1,2)<, (1,3)<, (2,2)=, (2,3)<  ->  0.5 / 4
        assertThat(effect.a12()).isCloseTo(0.125, within(REFERENCE_TOLERANCE));
    }

    @Test
    void hedgesGIsNotAvailableWithoutTwoPooledDegreesOfFreedomOrSpread() {
        assertThat(EffectSize.of(new double[] {1, 2}, new double[] {3}).hedgesG()).isEmpty();
        assertThat(EffectSize.of(new double[] {1, 1}, new double[] {2, 2}).hedgesG()).isEmpty();
        assertThat(EffectSize.of(new double[] {1, 2}, new double[] {3, 4}).hedgesG()).isPresent();
    }
}
