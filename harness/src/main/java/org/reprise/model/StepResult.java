package org.reprise.model;

/**
 * What one optimizer step measured.
 *
 * @param loss         training loss of the batch before the update (mean nats per scored position)
 * @param gradientNorm global L2 norm of the gradient before clipping
 */
public record StepResult(double loss, double gradientNorm) {
}
