package org.reprise.manifest;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Datasets and tasks, each with the metrics it produces and the options its manifest entry accepts. */
public enum DatasetKind implements Choice {
    /** Reformer's duplication task 0w0w (Kitaev et al. 2020 §2.1), generated, no download. */
    COPY(Set.of("loss", "accuracy"), Map.of("symbols", OptionType.POSITIVE_INT), false, false),
    /**
     * Hutter's enwik8 (first 10^8 bytes of English Wikipedia), bytes as tokens; first 90M bytes train,
     * 5M validation, 5M test. {@code file} names a prefix of enwik8 instead (split 90/5/5 in proportion).
     */
    ENWIK8(Set.of("bits_per_byte", "loss"), Map.of("file", OptionType.TEXT), true, false),
    /**
     * CIFAR-10 binary version as 3,072-byte sequences; Child et al.'s 48,000 / 2,000 train/validation
     * split of the 50,000 training images, plus the 10,000 test images. {@code file} names one binary
     * batch file (such as a sample) to use instead, split 96/4; {@code train_examples} caps the training set.
     */
    CIFAR10(Set.of("bits_per_dim", "loss"), Map.of("file", OptionType.TEXT, "train_examples", OptionType.POSITIVE_INT), true, false),
    /**
     * Fashion-MNIST (Xiao et al. 2017) as 784-byte sequences; the first 58,000 training images train,
     * the last 2,000 validate, the 10,000 t10k images test.
     */
    FASHION_MNIST(Set.of("bits_per_dim", "loss"), Map.of("train_examples", OptionType.POSITIVE_INT), true, false),
    /**
     * LRA ListOps (Tay et al. 2021), generated from the published rules; 96,000 / 2,000 / 2,000, 10 classes.
     * Only the CLS position is scored, and its target (the class) is not an input token.
     */
    LISTOPS(Set.of("accuracy", "loss"), Map.of("train_examples", OptionType.POSITIVE_INT,
            "eval_examples", OptionType.POSITIVE_INT), true, true);

    /** CIFAR-10 training images Child et al. train on (the other 2,000 of the 50,000 validate). */
    public static final int CIFAR10_TRAIN = 48_000;
    /** Fashion-MNIST training images left after holding out the last 2,000 of 60,000 for validation. */
    public static final int FASHION_MNIST_TRAIN = 58_000;
    /** LRA ListOps training examples. */
    public static final int LISTOPS_TRAIN = 96_000;

    /** Kinds of value a dataset option takes. */
    public enum OptionType { POSITIVE_INT, TEXT }

    private final Set<String> metrics;
    private final Map<String, OptionType> options;
    private final boolean finite;
    private final boolean targetsHiddenFromInputs;

    DatasetKind(Set<String> metrics, Map<String, OptionType> options, boolean finite, boolean targetsHiddenFromInputs) {
        this.metrics = metrics;
        this.options = options;
        this.finite = finite;
        this.targetsHiddenFromInputs = targetsHiddenFromInputs;
    }

    /**
     * True when no input token reveals a scored target, so attention may look at every position,
     * later ones included, and a non-causal pattern (Linformer) is legitimate. False for next-token
     * prediction (copy, enwik8, CIFAR-10, Fashion-MNIST): the target of position t is input t + 1, so
     * a model that attends forward reads the answer and its loss means nothing. ListOps scores only the
     * CLS position at the end, whose target, the class of the whole expression, is no input token.
     */
    public boolean targetsHiddenFromInputs() {
        return targetsHiddenFromInputs;
    }

    /** Metric names this dataset's evaluation reports. */
    public Set<String> metrics() {
        return metrics;
    }

    /** Option names allowed under {@code data:} besides {@code dataset} and {@code split}. */
    public Map<String, OptionType> options() {
        return options;
    }

    /**
     * Training sequences per epoch when the format fixes them, else empty (a generated stream, random
     * windows of a byte stream, or a sample file whose size is only known when read).
     */
    public OptionalLong trainSequences(DataSpec data) {
        return trainSequences(data, 0);
    }

    /**
     * As {@link #trainSequences(DataSpec)}; for enwik8, which trains on random windows, an epoch is
     * as many windows of {@code sequenceLength} bytes as the 90,000,000-byte training split holds
     * (one pass in expectation), so a paper's "80 epochs" can be written as printed.
     */
    public OptionalLong trainSequences(DataSpec data, int sequenceLength) {
        int full = switch (this) {
            case CIFAR10 -> data.options().containsKey("file") ? -1 : CIFAR10_TRAIN;
            case FASHION_MNIST -> FASHION_MNIST_TRAIN;
            case LISTOPS -> LISTOPS_TRAIN;
            case ENWIK8 -> data.options().containsKey("file") || sequenceLength <= 0 ? -1 : ENWIK8_TRAIN_BYTES / sequenceLength;
            case COPY -> -1;
        };
        String cap = data.options().get("train_examples");
        if (full < 0) {
            return cap == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(cap));
        }
        return OptionalLong.of(cap == null ? full : Math.min(full, Long.parseLong(cap)));
    }

    /** Bytes of enwik8's standard training split. */
    public static final int ENWIK8_TRAIN_BYTES = 90_000_000;

    /** Whether the training split is a fixed set (so epochs make sense) rather than an endless generator. */
    public boolean finite() {
        return finite;
    }
}
