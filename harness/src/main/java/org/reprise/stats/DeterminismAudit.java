package org.reprise.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two runs with the same seed produced the same metric series, bit for bit.
 *
 * <p>Values are compared with {@link Double#doubleToRawLongBits}, not {@code ==}: a
 * reproducibility check must see −0.0 vs 0.0 and a changed NaN payload, and must call two
 * identical NaNs identical.
 *
 * @param identical          true when every step and every metric matches bitwise
 * @param firstDivergentStep first evaluation step where the runs differ, if they do
 * @param metric             the first differing metric at that step (name order), if a value
 *                           differs rather than the series' shape
 * @param description        one sentence: "bitwise identical over N evaluations" or what differs
 */
public record DeterminismAudit(
        boolean identical,
        OptionalLong firstDivergentStep,
        Optional<String> metric,
        String description) {

    /** Compares run A with run B, evaluation by evaluation. */
    public static DeterminismAudit compare(List<StepMetrics> runA, List<StepMetrics> runB) {
        int common = Math.min(runA.size(), runB.size());
        for (int i = 0; i < common; i++) {
            StepMetrics a = runA.get(i);
            StepMetrics b = runB.get(i);
            if (a.step() != b.step()) {
                return diverged(Math.min(a.step(), b.step()), Optional.empty(), "evaluation " + i
                        + " is at step " + a.step() + " in run A but " + b.step() + " in run B");
            }
            if (!a.metrics().keySet().equals(b.metrics().keySet())) {
                return diverged(a.step(), Optional.empty(), "at step " + a.step() + " the metric names differ: only in A "
                        + onlyIn(a.metrics(), b.metrics()) + ", only in B " + onlyIn(b.metrics(), a.metrics()));
            }
            for (Map.Entry<String, Double> entry : a.metrics().entrySet()) {
                double x = entry.getValue();
                double y = b.metrics().get(entry.getKey());
                if (Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(y)) {
                    return diverged(a.step(), Optional.of(entry.getKey()), "first divergence at step " + a.step()
                            + ", metric " + entry.getKey() + ": " + x + " vs " + y);
                }
            }
        }
        if (runA.size() != runB.size()) {
            List<StepMetrics> longer = runA.size() > runB.size() ? runA : runB;
            String shorter = runA.size() > runB.size() ? "B" : "A";
            long step = longer.get(common).step();
            return diverged(step, Optional.empty(), "run " + shorter + " stops after " + common
                    + " evaluations; the other continues at step " + step);
        }
        return new DeterminismAudit(true, OptionalLong.empty(), Optional.empty(),
                "bitwise identical over " + common + " evaluations");
    }

    private static DeterminismAudit diverged(long step, Optional<String> metric, String description) {
        return new DeterminismAudit(false, OptionalLong.of(step), metric, description);
    }

    private static Set<String> onlyIn(Map<String, Double> a, Map<String, Double> b) {
        Set<String> only = new HashSet<>(a.keySet());
        only.removeAll(b.keySet());
        return new TreeSet<>(only);
    }

    @Override
    public String toString() {
        return "DeterminismAudit[" + description + "]";
    }
}
