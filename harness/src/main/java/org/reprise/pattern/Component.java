package org.reprise.pattern;

/**
 * Which part of a factorised pattern a head uses (Child et al. 2019 §4.2, §5.1): A^(1) (the local
 * part), A^(2) (the strided or summary part) or their union (the "merged head").
 */
public enum Component {
    /** A^(1): the local window (strided) or the own block (fixed). */
    LOCAL,
    /** A^(2): the strided columns (strided) or the summary positions (fixed). */
    SUMMARY,
    /** A^(1) ∪ A^(2). */
    MERGED
}
