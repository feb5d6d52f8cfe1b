/**
 * Statistics and claim verdicts: summaries with their uncertainty, two-sample comparisons,
 * verdicts on a paper's claims, scaling fits, determinism audits and reduced-to-original
 * extrapolations.
 *
 * <p>Self-contained on purpose: inputs are plain Java values ({@code double[]} samples, one
 * value per seed) and this package's own small records; it knows nothing about manifests or
 * runs, so the report can rebuild every number from recorded results alone. Outputs are
 * immutable records. A quantity that cannot be computed from the data (an sd from one seed, an
 * interval from a perfect three-point fit) is an empty {@code Optional}/{@code OptionalDouble},
 * never a NaN or an invented number. Apache Commons Math 3 supplies distributions, regression
 * and least squares; Welch degrees of freedom, the exact Mann–Whitney distribution, Hedges' g,
 * A12, Holm, TOST and the seed-count estimates are written here.
 */
package org.reprise.stats;
