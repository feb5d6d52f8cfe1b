package org.reprise.manifest;

/** How token positions are embedded. */
public enum EmbeddingKind implements Choice {
    /** A learned position table added to the token embedding (GPT-style). */
    LEARNED,
    /**
     * Child et al. 2019 §5.3, Eq. 15 for text (n_emb = d_attn = 2): position i is embedded as
     * W_row[⌊i/l⌋] + W_col[i mod l], the row and column of a matrix whose width is the attention's
     * stride l (strided or fixed attention only).
     */
    FACTORIZED
}
