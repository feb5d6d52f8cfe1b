package org.reprise.train;

import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation during training.
 *
 * @param step          optimizer steps completed
 * @param learningRate  learning rate of the last step
 * @param trainLoss     mean training loss over the steps since the previous evaluation (nats)
 * @param metrics       the task's metrics on the evaluation split
 * @param trainSeconds  cumulative training time so far, excluding evaluation
 */
public record EvalPoint(long step, double learningRate, double trainLoss, Map<String, Double> metrics, double trainSeconds) {
    public EvalPoint {
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
