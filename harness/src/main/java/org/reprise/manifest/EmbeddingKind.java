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
    FACTORIZED,
    /**
     * Child et al. 2019 §5.3, Eq. 15 for images (n_emb = d_data = 3): position t of an image in raster
     * order with interleaved channels is embedded as W_row[row(t)] + W_col[column(t)] + W_chan[channel(t)]
     * (image datasets only).
     */
    IMAGE
}
