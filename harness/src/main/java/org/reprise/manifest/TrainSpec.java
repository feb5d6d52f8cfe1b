package org.reprise.manifest;

/**
 * How a model is trained. Exactly one of {@code steps} and {@code epochs} is set in a manifest;
 * {@link #steps()} is always resolved (epochs are converted with the dataset size when planning).
 *
 * @param learningRate       peak learning rate after warmup
 * @param warmupSteps        linear warmup from 0, in optimizer steps
 * @param batchSize          sequences per step
 * @param steps              optimizer steps in total
 * @param epochs             the manifest's epoch count when it gave one (for reports), else null
 * @param gradientClip       global-norm clip; 0 disables
 * @param weightDecay        coupled (adam) or decoupled (adamw) decay; 0 disables
 * @param evalInterval       evaluate every this many steps (and always after the last)
 * @param evalBatches        batches of the evaluation split per evaluation
 * @param checkpointInterval write a resumable checkpoint every this many steps
 */
public record TrainSpec(Optimizer optimizer, double learningRate, int warmupSteps, Schedule schedule,
                        int batchSize, long steps, Double epochs, double gradientClip, double weightDecay,
                        int evalInterval, int evalBatches, int checkpointInterval,
                        double beta1, double beta2, double epsilon) {
}
