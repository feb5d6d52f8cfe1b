package org.reprise.model;

import org.reprise.manifest.ModelSpec;
import org.reprise.manifest.TrainSpec;

/** Builds a {@link TrainableModel}; the seam between the harness and the engine. */
public interface ModelFactory {
    /**
     * @param vocabSize token ids the model reads and predicts
     * @param initSeed  seeds the parameter initialisation
     */
    TrainableModel create(ModelSpec model, TrainSpec training, int vocabSize, long initSeed);
}
