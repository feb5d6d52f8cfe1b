package org.reprise.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Array indices in sbatch's {@code --array} notation: runs of consecutive indices as ranges ({@code 0-3}, {@code 0,2,5-7}). */
final class ArrayRanges {
    private ArrayRanges() {
    }

    static String format(List<Integer> indices) {
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("a job array needs at least one index");
        }
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int i : new TreeSet<>(indices)) {
            if (previous != null && i == previous + 1) {
                previous = i;
                continue;
            }
            if (start != null) {
                parts.add(range(start, previous));
            }
            start = i;
            previous = i;
        }
        parts.add(range(start, previous));
        return String.join(",", parts);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
