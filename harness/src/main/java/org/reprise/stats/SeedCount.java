package org.reprise.stats;

import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Seed-count search shared by the claim checks. The estimates are planning figures: they take
 * the observed effect and spread as the truth, so at the returned count a new experiment would
 * decide the claim only about half the time; they say "how far off", not "enough".
 */
final class SeedCount {

    /** Beyond this a report says "more than" rather than a number nobody will run. */
    static final int MAX_SEEDS = 1000;

    private SeedCount() {
    }

    /**
     * Smallest m in [from, MAX_SEEDS] with {@code decides(m)}. A linear scan, not a bisection:
     * with a paper's own spread in the Welch df the half-width need not shrink monotonically.
     */
    static OptionalInt smallest(IntPredicate decides, int from) {
        for (int m = Math.max(from, 2); m <= MAX_SEEDS; m++) {
            if (decides.test(m)) {
                return OptionalInt.of(m);
            }
        }
        return OptionalInt.empty();
    }

    static String notFound() {
        return "more than " + MAX_SEEDS + " seeds would be needed";
    }
}
