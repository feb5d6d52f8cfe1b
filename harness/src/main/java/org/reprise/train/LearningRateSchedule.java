package org.reprise.train;

import org.reprise.manifest.TrainSpec;

/**
 * Linear warmup from 0 to the peak over {@code warmupSteps}, then constant, linear or cosine decay
 * to 0 at the last step (Child et al. 2019 §5.5 use warmup + cosine, after Radford et al. 2018).
 */
public final class LearningRateSchedule {
    private final TrainSpec spec;

    public LearningRateSchedule(TrainSpec spec) {
        this.spec = spec;
    }

    /** Learning rate of optimizer step {@code step} (0-based). */
    public double at(long step) {
        double peak = spec.learningRate();
        if (step < spec.warmupSteps()) {
            return peak * (step + 1) / spec.warmupSteps();
        }
        long decaySteps = Math.max(1, spec.steps() - spec.warmupSteps());
        double progress = Math.min(1.0, (double) (step - spec.warmupSteps()) / decaySteps);
        return switch (spec.schedule()) {
            case CONSTANT -> peak;
            case LINEAR -> peak * (1 - progress);
            case COSINE -> peak * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }
}
