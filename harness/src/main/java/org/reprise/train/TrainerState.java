package org.reprise.train;

import java.util.List;

/**
 * Everything besides the model that a resumed run needs to continue exactly where it stopped.
 *
 * @param completedSteps   optimizer steps done
 * @param history          evaluations so far
 * @param pendingLossSum   sum of training losses since the last evaluation
 * @param pendingLossCount number of steps in that sum
 * @param trainSeconds     training time spent before the checkpoint
 * @param configHash       the configuration the checkpoint belongs to
 */
public record TrainerState(long completedSteps, List<EvalPoint> history, double pendingLossSum, long pendingLossCount,
                           double trainSeconds, String configHash) {
    public TrainerState {
        history = List.copyOf(history);
    }
}
