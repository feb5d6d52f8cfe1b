/**
 * Attention patterns, one class per pattern, each computed block by block (never an n×n matrix)
 * and tested against {@link org.reprise.model.attention.MaskedDenseAttention} with the same
 * {@link org.reprise.pattern.AttentionPattern} (the pure-Java oracle, free of ND4J).
 *
 * <h2>Rules chosen where the paper is ambiguous (paper-facts §6 items 1–2)</h2>
 * <ul>
 *   <li>Strided A^(1): l positions {i − l + 1 … i} as the released code ({@code window: official},
 *       default); {@code window: paper} gives the l + 1 of the paper's t = max(0, i − l).</li>
 *   <li>Fixed A^(2): the last c positions of each block, offsets {l − c … l − 1}, as the released code
 *       ({@code summary: official}, default); {@code summary: paper} takes c + 1 positions
 *       {l − c − 1 … l − 1}, reading the paper's "120–128" (l = 128, c = 8) as 1-indexed inclusive.
 *       Head h uses sub-block h mod G counted down from the block end (the code's {@code idx}).</li>
 *   <li>A head that uses fixed A^(2) alone (multi-head or interleaved integration) also attends to
 *       itself, since A^(2) is empty early in the sequence.</li>
 * </ul>
 *
 * <h2>SameDiff 1.0.0-M2.1 traps met here (beyond dl4j-notes)</h2>
 * <ul>
 *   <li>{@code sd.nn.topK(x, k, sorted)} returns one element whatever k is: no in-graph argsort.</li>
 *   <li>{@code sd.gather}'s gradient is a Java-side loop of {@code put} ops; building it for a second
 *       gather in the same graph fails ("Unable to replace samediff namespace"), and with topK indices
 *       it failed with an assign shape error. A {@code Gather} subclass with its own gradient does not
 *       help: SameDiff rebuilds the graph from op names before differentiating it. Rows are moved with
 *       {@code scatter_add} (whose gradient is a forward gather) by a permutation and by its inverse.</li>
 *   <li>{@code unsorted_segment_sum}, {@code segment_sum} and {@code cumsum} leak native memory on every
 *       call, forward and backward (100 calls on [4096, 97]: +380, +650 and +230 MiB resident after GC;
 *       {@link org.reprise.model.attention.RowScatter}). LSH uses neither: {@code scatter_add} and
 *       matrix-product prefix sums ({@link org.reprise.model.attention.PrefixSums}).</li>
 *   <li>{@code scatterUpdate} fails at execution ("Number of Integer arguments should be positive").</li>
 *   <li>{@code sd.math.logSumExp(x, dim)}'s gradient loses the dimension (reduce_sum_bp "bad input
 *       shape"): write max + log Σ exp(x − max) out.</li>
 *   <li>{@code sd.math.floorMod(x, double)} is C's remainder, with the sign of x: measured
 *       [−5, −3, −1, 5] mod 4 = [−1, −3, −1, 1]; {@code floorMod(x, SDVariable)} floors as documented
 *       ([3, 1, 3, 1]). The LSH duplicate count met it (keys in later chunks were counted as in the window,
 *       0.25 max abs error against the reference); pass the divisor as a constant variable.</li>
 *   <li>Float arithmetic on a path that is not differentiated (LSH bucket ranks) still gets gradient
 *       ops, which failed; a {@code StopGradient} on the hashed keys cuts them.</li>
 *   <li>{@code sd.nn.softmax} in float64 does not subtract the row maximum: a row whose entries are all
 *       below about −745 underflows to 0/0 = NaN (measured: rows filled near −1e5 and −1e9 give NaN in
 *       float64 and sum to 1 in float32). LSH's first query sees only its own key at −1e5, so every
 *       float64 LSH model gave NaN; the row max (and the round weights' max) is now subtracted first.</li>
 *   <li>JavaCPP's {@code Pointer.totalBytes()} does not count ND4J's buffers (≈ 0 MB measured), so
 *       {@code maxbytes} does not cap them; the benchmark watches the RSS itself.</li>
 * </ul>
 *
 * <p>LSH attention masks j &gt; i, but which earlier keys share a chunk with i depends on the buckets of
 * later tokens (they shift the sorted order), as in Reformer itself; it is therefore not in the
 * strict causality test. Linformer is not causal at all: the manifest binder allows it only for
 * datasets whose scored targets are no input tokens (ListOps's CLS class), never for next-token
 * prediction.
 */
package org.reprise.model.attention;
