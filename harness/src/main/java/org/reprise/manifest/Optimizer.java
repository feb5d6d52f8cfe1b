package org.reprise.manifest;

/** Optimizers the trainer implements. */
public enum Optimizer implements Choice {
    /** Adam; weight decay, if any, is added to the gradient (coupled L2). */
    ADAM,
    /** Adam with decoupled weight decay (Loshchilov and Hutter). */
    ADAMW
}
