package org.reprise.manifest;

/** Everything that determines a run apart from its seed: the resolved model, training and data. */
public record RunConfig(ModelSpec model, TrainSpec training, DataSpec data) {
}
