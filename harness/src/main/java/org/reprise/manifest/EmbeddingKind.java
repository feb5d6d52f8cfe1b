package org.reprise.manifest;

/** How token positions are embedded. */
public enum EmbeddingKind implements Choice {
    /** A learned position table added to the token embedding (GPT-style). */
    LEARNED
}
