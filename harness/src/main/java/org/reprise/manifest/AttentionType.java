package org.reprise.manifest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attention patterns the harness can build; each declares the integer parameters and the text
 * options (with their allowed values, the first being the default) its manifest entry may carry.
 */
public enum AttentionType implements Choice {
    /** Full causal attention, S_i = {j : j <= i} (Child et al. 2019 §4.1). */
    DENSE(Set.of(), Set.of(), Map.of()),
    /**
     * Sparse Transformer strided pattern (Child et al. 2019 §4.3): {@code stride} l; {@code window}
     * official (l positions, the released code) or paper (l + 1); {@code integration} of the two parts (§5.1).
     */
    STRIDED(Set.of("stride"), Set.of("stride"),
            Map.of("window", List.of("official", "paper"), "integration", Integration.KEYS)),
    /**
     * Sparse Transformer fixed pattern (Child et al. 2019 §4.3): {@code stride} l, summary width {@code c},
     * {@code summary} official (last c of each sub-block) or paper (c + 1), {@code summary_groups} distinct
     * sub-blocks over the heads (default: as many as fit), {@code integration} (§5.1).
     */
    FIXED(Set.of("stride", "c", "summary_groups"), Set.of("stride", "c"),
            Map.of("summary", List.of("official", "paper"), "integration", Integration.KEYS)),
    /**
     * Reformer LSH attention with shared-QK (Kitaev et al. 2020 §2–3): {@code buckets} (1 or even),
     * hash {@code rounds} in training (default 1), {@code eval_rounds} at evaluation (default: rounds;
     * Table 2 evaluates a model under another number of rounds), {@code eval_buckets} (default: buckets;
     * 1 evaluates with full shared-QK attention, and a model trained with buckets: 1 — full shared-QK
     * attention — can be evaluated under LSH), {@code chunk} length (default 2T/buckets; training only).
     */
    LSH(Set.of("buckets", "rounds", "eval_rounds", "eval_buckets", "chunk"), Set.of("buckets"), Map.of()),
    /**
     * Longformer causal sliding window (Beltagy et al. 2020 §3.1): {@code window} w positions,
     * {@code dilation} d (default 1) on the last {@code dilated_heads} heads (default 0), the first
     * {@code global} positions global (default 0).
     */
    WINDOW(Set.of("window", "dilation", "dilated_heads", "global"), Set.of("window"), Map.of()),
    /**
     * BigBird, causal (Zaheer et al. 2020 §2): {@code block} b, {@code global_blocks} g (default 2),
     * {@code random_blocks} r (default 3) drawn per query block from a seed fixed per layer.
     */
    BIGBIRD(Set.of("block", "global_blocks", "random_blocks"), Set.of("block"), Map.of()),
    /**
     * Linformer (Wang et al. 2020 §4): sequence projection n → {@code k}, {@code sharing} of E/F
     * (none: per head; headwise: E and F per layer; key-value: E = F per layer; layerwise: one E for the
     * model). Not causal, so the binder accepts it only for datasets whose targets are hidden from the
     * inputs ({@link DatasetKind#targetsHiddenFromInputs()}: ListOps), never for next-token prediction.
     */
    LINFORMER(Set.of("k"), Set.of("k"), Map.of("sharing", List.of("none", "headwise", "key-value", "layerwise")));

    /** How the two parts of a factorised pattern are combined (Child et al. 2019 §5.1). */
    public static final class Integration {
        public static final String MERGED = "merged";
        public static final String MULTIHEAD = "multihead";
        public static final String INTERLEAVED = "interleaved";
        static final List<String> KEYS = List.of(MERGED, MULTIHEAD, INTERLEAVED);

        private Integration() {
        }
    }

    private final Set<String> parameters;
    private final Set<String> required;
    private final Map<String, List<String>> options;

    AttentionType(Set<String> parameters, Set<String> required, Map<String, List<String>> options) {
        this.parameters = parameters;
        this.required = required;
        this.options = options;
    }

    /** True when keys are derived from queries (shared-QK, Kitaev et al. 2020 §3): the model builds no key projection. */
    public boolean sharesQueryKey() {
        return this == LSH;
    }

    /** Integer parameter names allowed under {@code attention:} besides {@code type}. */
    public Set<String> parameters() {
        return parameters;
    }

    /** Integer parameters that must be given. */
    public Set<String> required() {
        return required;
    }

    /** Text options allowed under {@code attention:}, each with its allowed values; the first is the default. */
    public Map<String, List<String>> options() {
        return options;
    }
}
