package org.reprise.manifest;

/** Learning-rate schedule applied after the linear warmup. */
public enum Schedule implements Choice {
    /** Cosine decay from the peak to zero at the last step (Radford et al. 2018, used by Child et al.). */
    COSINE,
    /** Constant at the peak. */
    CONSTANT,
    /** Linear decay from the peak to zero at the last step. */
    LINEAR
}
