package org.reprise.run;

import java.util.List;

/**
 * What the command line asked for; null means "not given", so the manifest or {@code Defaults} decide.
 *
 * @param variants variant names ({@code -Dvariant=a,b}); {@code original} runs the paper's own setting
 * @param seeds    explicit seeds ({@code -Dseeds=1,2,3}) or, as a single number n, seeds 1..n ({@code -Dseeds=3})
 * @param profile  a named selection ({@code -Dprofile=ci})
 * @param threads  engine thread count ({@code -Dthreads=1})
 * @param lengths  sequence lengths of a benchmark sweep ({@code -Dlengths=1024,2048})
 */
public record Overrides(List<String> variants, List<Long> seeds, Profile profile, Integer threads, List<Integer> lengths) {
    public static final Overrides NONE = new Overrides(null, null, null, null);

    public Overrides(List<String> variants, List<Long> seeds, Profile profile, Integer threads) {
        this(variants, seeds, profile, threads, null);
    }
}
