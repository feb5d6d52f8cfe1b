package org.reprise.train;

import java.util.List;
import java.util.Map;

/**
 * The result of training one run.
 *
 * @param status          how it ended
 * @param reason          why it did not complete (null when COMPLETED)
 * @param history         every evaluation, in order
 * @param completedSteps  optimizer steps done
 * @param trainSeconds    training time, excluding evaluation, across resumed segments
 * @param segmentSeconds  training time spent by this process (after any resume)
 * @param trainedTokens   input tokens processed by training steps
 * @param resumedFromStep the checkpoint step this process started from, or 0
 */
public record TrainingOutcome(RunStatus status, String reason, List<EvalPoint> history, long completedSteps,
                              double trainSeconds, double segmentSeconds, long trainedTokens, long resumedFromStep) {
    public TrainingOutcome {
        history = List.copyOf(history);
    }

    /** Metrics of the last evaluation, or empty if none ran. */
    public Map<String, Double> finalMetrics() {
        return history.isEmpty() ? Map.of() : history.get(history.size() - 1).metrics();
    }
}
