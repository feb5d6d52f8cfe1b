package org.reprise.manifest;

/**
 * A claim of the paper that the experiment tests.
 *
 * @param id         short identifier, unique in the manifest
 * @param statement  the claim in words, as the paper makes it
 * @param metric     metric name, as in {@code metrics}
 * @param variant    the variant whose runs are compared
 * @param kind       how it is tested
 * @param paper      the paper's value (null for the kinds that compare variants)
 * @param versus     the other variant for {@link ClaimKind#BETTER_THAN} and {@link ClaimKind#NOT_WORSE_THAN}, else null
 * @param tolerance  δ in the metric's unit
 * @param direction  which way is better for this claim's metric
 */
public record ClaimSpec(String id, String statement, String metric, String variant, ClaimKind kind,
                        ReportedValue paper, String versus, double tolerance, Direction direction) {
}
