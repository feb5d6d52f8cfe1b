package org.reprise.stats;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The computed verdict on one claim.
 *
 * @param verdict     REPRODUCED, NOT_REPRODUCED or INCONCLUSIVE
 * @param reason      one or two sentences a reader can check against the numbers
 * @param seedsNeeded for INCONCLUSIVE: estimated seeds (per variant, or per factor level for a
 *                    trend) that would decide the claim at the observed effect and spread;
 *                    empty when decided, or when no number of seeds would decide it
 * @param interval    the interval the verdict was read from (a difference, a slope or a
 *                    difference of slopes, in that quantity's unit), if one could be computed
 * @param observed    the point estimate at the centre of that interval, if any
 */
public record ClaimVerdict(
        Verdict verdict,
        String reason,
        OptionalInt seedsNeeded,
        Optional<Interval> interval,
        OptionalDouble observed) {

    public ClaimVerdict {
        if (verdict != Verdict.INCONCLUSIVE && seedsNeeded.isPresent()) {
            throw new IllegalArgumentException("only an INCONCLUSIVE verdict needs more seeds");
        }
    }

    static ClaimVerdict decided(Verdict verdict, String reason, Interval interval, double observed) {
        return new ClaimVerdict(verdict, reason, OptionalInt.empty(), Optional.of(interval), OptionalDouble.of(observed));
    }

    static ClaimVerdict undecided(String reason, OptionalInt seedsNeeded, Interval interval, double observed) {
        return new ClaimVerdict(Verdict.INCONCLUSIVE, reason, seedsNeeded, Optional.of(interval),
                OptionalDouble.of(observed));
    }

    /** INCONCLUSIVE before any interval could be formed (too few seeds, no spread, ...). */
    static ClaimVerdict cannotTest(String reason) {
        return new ClaimVerdict(Verdict.INCONCLUSIVE, reason, OptionalInt.empty(), Optional.empty(),
                OptionalDouble.empty());
    }

    @Override
    public String toString() {
        return verdict + (seedsNeeded.isPresent() ? " (seeds needed ≈ " + seedsNeeded.getAsInt() + ")" : "")
                + ": " + reason;
    }
}
