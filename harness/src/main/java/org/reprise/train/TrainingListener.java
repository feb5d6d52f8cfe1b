package org.reprise.train;

/**
 * Observes training; never steers it. The trainer logs and ignores anything a listener throws.
 */
public interface TrainingListener {
    default void onStart(long firstStep, long totalSteps) {
    }

    default void onStep(long completedSteps, double loss) {
    }

    default void onEvaluation(EvalPoint point) {
    }

    default void onEnd() {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
