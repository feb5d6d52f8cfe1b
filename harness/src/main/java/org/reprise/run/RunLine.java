package org.reprise.run;

import java.util.Locale;
import java.util.stream.Collectors;

/** The one line printed per finished run. */
public final class RunLine {
    private RunLine() {
    }

    public static String format(RunRecord r) {
        StringBuilder line = new StringBuilder(r.status().name());
        if (r.reason() != null) {
            line.append(" (").append(r.reason()).append(')');
        }
        line.append("  ").append(metrics(r));
        line.append(String.format(Locale.ROOT, "  %d/%d steps  %.1f s  %,.0f tok/s  params %,d",
                r.completedSteps(), r.plannedSteps(), r.wallSeconds(), r.tokensPerSecond(), r.parameterCount()));
        if (r.resumedFromStep() > 0) {
            line.append("  resumed from step ").append(r.resumedFromStep());
        }
        return line.toString();
    }

    public static String metrics(RunRecord r) {
        return r.finalMetrics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining("  "));
    }
}
