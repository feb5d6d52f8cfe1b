package org.reprise.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds the {@code model}, {@code training} and {@code data} sections of one (merged) configuration
 * into a {@link RunConfig}, filling gaps from {@link Defaults} and checking fields against each other.
 * Returns null when the configuration has errors (all recorded in the sink).
 */
final class RunConfigBinder {
    /** Every setting path a manifest may name in {@code unstated} or {@code reasons}. */
    static final Set<String> SETTING_PATHS = new TreeSet<>(Set.of(
            "model.layers", "model.heads", "model.width", "model.ff_multiplier", "model.dropout",
            "model.attention", "model.sequence_length", "model.embedding", "model.reversible", "model.ff_chunks",
            "model.evaluate_with",
            "training.optimizer", "training.learning_rate", "training.warmup_steps", "training.schedule",
            "training.batch_size", "training.steps", "training.epochs", "training.gradient_clip",
            "training.weight_decay", "training.eval_interval", "training.eval_batches",
            "training.checkpoint_interval", "training.beta1", "training.beta2", "training.epsilon",
            "data.dataset", "data.split", "data.options", "seeds"));

    private RunConfigBinder() {
    }

    static RunConfig bind(Section config) {
        int before = config.sink().size();
        DataSpec data = bindData(config.section("data"));
        ModelSpec model = bindModel(config.section("model"), data);
        TrainSpec training = bindTraining(config.section("training"), data, model == null ? 0 : model.sequenceLength());
        if (config.sink().size() > before || model == null || training == null || data == null) {
            return null;
        }
        long rows = (long) training.batchSize() * model.sequenceLength();
        if (rows % model.ffChunks() != 0) {
            config.section("model").error("ff_chunks", model.ffChunks() + " must divide training.batch_size × model.sequence_length ("
                    + rows + "): each chunk is an equal share of the rows");
            return null;
        }
        return new RunConfig(model, training, data);
    }

    private static ModelSpec bindModel(Section s, DataSpec data) {
        Integer layers = s.intValue("layers", 1, 10_000);
        Integer heads = s.intValue("heads", 1, 1024);
        Integer width = s.intValue("width", 1, 1 << 16);
        Double ff = s.number("ff_multiplier", 0, 64, true);
        Double dropout = s.number("dropout", 0, 0.99, false);
        Section attentionSection = s.section("attention");
        AttentionSpec attention = bindAttention(attentionSection);
        Integer length = s.intValue("sequence_length", 2, 1 << 24);
        EmbeddingKind embedding = s.choice("embedding", EmbeddingKind.class);
        Boolean reversible = s.bool("reversible");
        Integer ffChunks = s.intValue("ff_chunks", 1, 1 << 20);
        Section evaluationSection = s.section("evaluate_with");
        requireAll(s, layers, "layers", "a positive integer", heads, "heads", "a positive integer",
                width, "width", "a positive integer", length, "sequence_length", "a positive integer");
        s.finish();
        if (heads != null && width != null && width % heads != 0) {
            s.error("heads", heads + " must divide model.width (" + width + ")");
            return null;
        }
        int imageBytes = data == null ? 0 : switch (data.dataset()) {
            case CIFAR10 -> 32 * 32 * 3;
            case FASHION_MNIST -> 28 * 28;
            default -> 0;
        };
        if (length != null && imageBytes > 0 && length != imageBytes) {
            s.error("sequence_length", length + " does not fit " + data.dataset().key() + ": each image is a sequence of "
                    + imageBytes + " bytes");
            return null;
        }
        if (length != null && data != null && data.dataset() == DatasetKind.COPY && (length % 2 != 0 || length < 4)) {
            s.error("sequence_length", length + " does not fit the copy task 0w0w: expected an even length of at least 4");
            return null;
        }
        if (layers == null || heads == null || width == null || length == null || attention == null) {
            return null;
        }
        if (!checkAttention(attentionSection, attention, layers, heads, length, data)) {
            return null;
        }
        Map<String, AttentionSpec> evaluations = bindEvaluations(evaluationSection, attention, layers, heads, length, data);
        if (evaluations == null) {
            return null;
        }
        if (embedding == EmbeddingKind.FACTORIZED && attention.type() != AttentionType.STRIDED
                && attention.type() != AttentionType.FIXED) {
            s.error("embedding", "factorized embeds the row and column of a matrix as wide as the stride "
                    + "(Child et al. 2019 §5.3): it needs model.attention.type strided or fixed, not "
                    + attention.type().key());
            return null;
        }
        if (embedding == EmbeddingKind.IMAGE && imageBytes == 0) {
            s.error("embedding", "image embeds the row, column and channel of each byte of an image (Child et al. 2019 §5.3):"
                    + " it needs an image dataset (cifar10 or fashion-mnist), not " + (data == null ? "none" : data.dataset().key()));
            return null;
        }
        if (Boolean.TRUE.equals(reversible) && attention.type() == AttentionType.LINFORMER
                && attention.option("sharing").equals("layerwise")) {
            s.error("reversible", "true recomputes each layer in a graph of its own, and linformer's layerwise sharing"
                    + " uses one projection in every layer; expected model.attention.sharing none, headwise or key-value,"
                    + " or model.reversible: false");
            return null;
        }
        if (ffChunks != null && ffChunks > 1 && !Boolean.TRUE.equals(reversible)) {
            s.error("ff_chunks", "chunking the feed-forward block saves memory only with reversible layers"
                    + " (Kitaev et al. 2020 §3): set model.reversible: true or remove ff_chunks");
            return null;
        }
        double ffMultiplier = ff != null ? ff : Defaults.FF_MULTIPLIER;
        if (Math.round(width * ffMultiplier) < 1) {
            s.error("ff_multiplier", ffMultiplier + " × model.width (" + width + ") leaves no feed-forward units");
            return null;
        }
        return new ModelSpec(layers, heads, width, ffMultiplier, dropout != null ? dropout : Defaults.DROPOUT,
                attention, length, embedding != null ? embedding : Defaults.EMBEDDING, Boolean.TRUE.equals(reversible),
                ffChunks != null ? ffChunks : 1, evaluations);
    }

    /** Evaluation names become metric suffixes ({@code accuracy@lsh-8}) and table headings. */
    private static final java.util.regex.Pattern EVALUATION_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * {@code model.evaluate_with}: name → attention the trained model is also evaluated under. Each is
     * checked like the model's own attention, and must need the same parameters, since it runs on them.
     * Returns null on errors (recorded).
     */
    private static Map<String, AttentionSpec> bindEvaluations(Section s, AttentionSpec trained, int layers, int heads,
                                                             int length, DataSpec data) {
        Map<String, AttentionSpec> evaluations = new LinkedHashMap<>();
        boolean valid = true;
        for (String name : s.keys()) {
            Section entry = s.section(name);
            if (!EVALUATION_NAME.matcher(name).matches()) {
                s.error(name, "'" + name + "' cannot name an evaluation: expected lower-case letters, digits and '-'"
                        + " (it becomes the metric suffix, as in accuracy@" + name.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9-]", "-") + ")");
                valid = false;
                continue;
            }
            AttentionSpec attention = bindAttention(entry);
            if (attention == null || !checkAttention(entry, attention, layers, heads, length, data)) {
                valid = false;
                continue;
            }
            String mismatch = trained.parameterMismatch(attention);
            if (mismatch != null) {
                entry.error("type", mismatch + ": the evaluation runs on the trained parameters, so it needs the same ones"
                        + " as model.attention");
                valid = false;
                continue;
            }
            evaluations.put(name, attention);
        }
        return valid ? evaluations : null;
    }

    private static AttentionSpec bindAttention(Section s) {
        if (s.node() == null) {
            return AttentionSpec.of(Defaults.ATTENTION);
        }
        AttentionType type = s.choice("type", AttentionType.class);
        if (type == null) {
            if (!s.has("type")) {
                s.missing("type", "one of " + String.join(", ", Choice.keys(AttentionType.class)));
            }
            return null;
        }
        Map<String, Long> parameters = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean complete = true;
        for (String key : s.keys()) {
            if (type.parameters().contains(key)) {
                Long value = s.integer(key, 1, Integer.MAX_VALUE);
                if (value != null) {
                    parameters.put(key, value);
                } else {
                    complete = false;
                }
            } else if (type.options().containsKey(key)) {
                String value = s.string(key);
                List<String> allowed = type.options().get(key);
                if (value != null && allowed.contains(value)) {
                    options.put(key, value);
                } else {
                    complete = false;
                    if (value != null) {
                        s.error(key, "'" + value + "' is not one of " + String.join(", ", allowed)
                                + Section.suggestion(value, allowed));
                    }
                }
            }
        }
        for (String key : type.required()) {
            if (!s.has(key)) {
                s.missing(key, "a positive integer (required by attention type " + type.key() + ")");
                complete = false;
            }
        }
        for (Map.Entry<String, List<String>> option : type.options().entrySet()) {
            options.putIfAbsent(option.getKey(), option.getValue().get(0));
        }
        s.finish();
        return complete ? new AttentionSpec(type, parameters, options) : null;
    }

    /**
     * Cross-field checks of the attention pattern against the model's sizes (Child et al. 2019 §4.3, §5.1)
     * and the dataset (a pattern that is not causal needs targets hidden from the inputs).
     */
    private static boolean checkAttention(Section s, AttentionSpec a, int layers, int heads, int length, DataSpec data) {
        if (a.type() == AttentionType.LSH) {
            int buckets = a.parameter("buckets", 1);
            for (String key : new String[] {"buckets", "eval_buckets"}) {
                int b = a.parameter(key, buckets);
                if (b > 1 && b % 2 != 0) {
                    s.error(key, b + " must be 1 or even: angular LSH takes argmax over [xR; −xR]");
                    return false;
                }
                if (length % Math.min(length, 2 * length / b) != 0 && !(key.equals("buckets") && a.parameters().containsKey("chunk"))) {
                    s.error(key, b + " gives chunks of 2·" + length + "/" + b + " that do not divide model.sequence_length ("
                            + length + ")" + (key.equals("buckets") ? "; set model.attention.chunk" : ""));
                    return false;
                }
            }
            int chunk = a.parameter("chunk", Math.min(length, 2 * length / buckets));
            if (chunk < 1 || length % chunk != 0) {
                s.error(a.parameters().containsKey("chunk") ? "chunk" : "buckets", (a.parameters().containsKey("chunk")
                        ? chunk + " must divide model.sequence_length (" + length + ")"
                        : buckets + " gives chunks of 2·" + length + "/" + buckets + " = " + chunk
                        + " that do not divide model.sequence_length (" + length + "); set model.attention.chunk"));
                return false;
            }
            return true;
        }
        if (a.type() == AttentionType.LINFORMER) {
            if (data != null && !data.dataset().targetsHiddenFromInputs()) {
                s.error("type", "linformer is not causal: its projected keys mix every position, future ones included "
                        + "(Wang et al. 2020 §4), and " + data.dataset().key() + " scores next-token predictions, whose "
                        + "targets are later inputs; expected a dataset whose targets are hidden from the inputs ("
                        + String.join(", ", hiddenTargetDatasets()) + ") or a causal attention type");
                return false;
            }
            return true;
        }
        if (a.type() == AttentionType.WINDOW) {
            int window = a.parameter("window", 1);
            int dilation = a.parameter("dilation", 1);
            int dilated = a.parameter("dilated_heads", 0);
            if (dilated > heads) {
                s.error("dilated_heads", dilated + " is more than model.heads (" + heads + ")");
                return false;
            }
            for (int d : dilated > 0 && dilated < heads ? new int[] {1, dilation} : new int[] {dilated > 0 ? dilation : 1}) {
                if (length % ((long) window * d) != 0) {
                    s.error("window", window + " × dilation " + d + " must divide model.sequence_length (" + length + ")");
                    return false;
                }
            }
            if (a.parameter("global", 0) > length) {
                s.error("global", a.parameter("global", 0) + " is more than model.sequence_length (" + length + ")");
                return false;
            }
            return true;
        }
        if (a.type() == AttentionType.BIGBIRD) {
            int block = a.parameter("block", 1);
            if (length % block != 0) {
                s.error("block", block + " must divide model.sequence_length (" + length + ")");
                return false;
            }
            return true;
        }
        if (a.type() != AttentionType.STRIDED && a.type() != AttentionType.FIXED) {
            return true;
        }
        int stride = a.parameter("stride", 0);
        if (length % stride != 0) {
            s.error("stride", stride + " must divide model.sequence_length (" + length + ")");
            return false;
        }
        if (a.type() == AttentionType.FIXED) {
            int c = a.parameter("c", 0);
            boolean paper = a.option("summary").equals("paper");
            if (c > stride || (paper && c >= stride)) {
                s.error("c", c + " must be " + (paper ? "less than" : "at most") + " model.attention.stride ("
                        + stride + ")" + (paper ? ": the paper summary rule takes c + 1 positions per block" : ""));
                return false;
            }
            if (!paper && stride % c != 0) {
                s.error("c", c + " must divide model.attention.stride (" + stride + ")");
                return false;
            }
            int maxGroups = paper ? (stride - 1) / c : stride / c;
            int groups = a.parameter("summary_groups", maxGroups);
            if (groups > maxGroups) {
                s.error("summary_groups", groups + " is more than the " + maxGroups
                        + " distinct sub-blocks of width " + c + " that fit in model.attention.stride (" + stride + ")");
                return false;
            }
        }
        String integration = a.option("integration");
        if (integration.equals(AttentionType.Integration.MULTIHEAD) && heads % 2 != 0) {
            s.error("integration", "multihead gives even heads the local part and odd heads the other: model.heads ("
                    + heads + ") must be even");
            return false;
        }
        if (integration.equals(AttentionType.Integration.INTERLEAVED) && layers < 2) {
            s.error("integration", "interleaved alternates the two parts over layers: model.layers (" + layers
                    + ") must be at least 2");
            return false;
        }
        return true;
    }

    private static List<String> hiddenTargetDatasets() {
        return java.util.Arrays.stream(DatasetKind.values()).filter(DatasetKind::targetsHiddenFromInputs).map(DatasetKind::key).toList();
    }

    private static TrainSpec bindTraining(Section s, DataSpec data, int sequenceLength) {
        Optimizer optimizer = s.choice("optimizer", Optimizer.class);
        Double lr = s.number("learning_rate", 0, 10, true);
        Integer warmup = s.intValue("warmup_steps", 0, Integer.MAX_VALUE);
        Schedule schedule = s.choice("schedule", Schedule.class);
        Integer batch = s.intValue("batch_size", 1, 1 << 20);
        Long steps = s.integer("steps", 1, Long.MAX_VALUE);
        Double epochs = s.number("epochs", 0, 1e6, true);
        Double clip = s.number("gradient_clip", 0, 1e6, false);
        Double decay = s.number("weight_decay", 0, 10, false);
        Integer evalInterval = s.intValue("eval_interval", 1, Integer.MAX_VALUE);
        Integer evalBatches = s.intValue("eval_batches", 1, 1 << 20);
        Integer checkpointInterval = s.intValue("checkpoint_interval", 1, Integer.MAX_VALUE);
        Double beta1 = s.number("beta1", 0, 0.999999, false);
        Double beta2 = s.number("beta2", 0, 0.999999999, false);
        Double epsilon = s.number("epsilon", 0, 1, true);
        s.finish();
        if (steps != null && epochs != null) {
            s.error("epochs", "give either training.steps or training.epochs, not both");
            return null;
        }
        if (steps == null && epochs == null) {
            if (!s.has("steps") && !s.has("epochs")) {
                s.missing("steps", "a positive integer (or training.epochs for a dataset with a fixed training set)");
            }
            return null;
        }
        if (epochs != null && data != null && !data.dataset().finite()) {
            s.error("epochs", "'" + data.dataset().key() + "' is generated, so it has no epochs: give training.steps");
            return null;
        }
        if (steps == null && data != null) {
            steps = epochSteps(s, epochs, data, batch != null ? batch : Defaults.BATCH_SIZE, sequenceLength);
        }
        if (steps == null) {
            return null;
        }
        int warmupSteps = warmup != null ? warmup : Defaults.WARMUP_STEPS;
        if (warmupSteps > steps) {
            s.error("warmup_steps", warmupSteps + " is longer than training.steps (" + steps + ")");
            return null;
        }
        int interval = evalInterval != null ? evalInterval : Defaults.evalInterval(steps);
        if (interval > steps) {
            s.error("eval_interval", interval + " is longer than training.steps (" + steps + "): no evaluation would run before the end");
            return null;
        }
        int checkpoint = checkpointInterval != null ? checkpointInterval : Defaults.checkpointInterval(interval);
        return new TrainSpec(optimizer != null ? optimizer : Defaults.OPTIMIZER,
                lr != null ? lr : Defaults.LEARNING_RATE, warmupSteps,
                schedule != null ? schedule : Defaults.SCHEDULE, batch != null ? batch : Defaults.BATCH_SIZE,
                steps, epochs, clip != null ? clip : Defaults.GRADIENT_CLIP,
                decay != null ? decay : Defaults.WEIGHT_DECAY, interval,
                evalBatches != null ? evalBatches : Defaults.EVAL_BATCHES, checkpoint,
                beta1 != null ? beta1 : Defaults.BETA1, beta2 != null ? beta2 : Defaults.BETA2,
                epsilon != null ? epsilon : Defaults.EPSILON);
    }

    /** steps = ⌈epochs × training sequences ÷ batch⌉, or an error when the dataset cannot say how many it has. */
    private static Long epochSteps(Section s, double epochs, DataSpec data, int batch, int sequenceLength) {
        java.util.OptionalLong sequences = data.dataset().trainSequences(data, sequenceLength);
        if (sequences.isEmpty()) {
            String why = data.dataset() == DatasetKind.ENWIK8
                    ? "trains on random windows of a file whose size is only known when it is read"
                    : "has a training set whose size is only known when its file is read (give data.train_examples)";
            s.error("epochs", "'" + data.dataset().key() + "' " + why + ", so epochs cannot be turned into steps: give training.steps");
            return null;
        }
        return Math.max(1L, (long) Math.ceil(epochs * sequences.getAsLong() / batch));
    }

    private static DataSpec bindData(Section s) {
        DatasetKind dataset = s.choice("dataset", DatasetKind.class);
        Split split = s.choice("split", Split.class);
        if (dataset == null) {
            if (!s.has("dataset")) {
                s.missing("dataset", "one of " + String.join(", ", Choice.keys(DatasetKind.class)));
            }
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : s.keys()) {
            DatasetKind.OptionType type = dataset.options().get(key);
            if (type == DatasetKind.OptionType.POSITIVE_INT) {
                Long value = s.integer(key, 1, Integer.MAX_VALUE);
                if (value != null) {
                    options.put(key, Long.toString(value));
                }
            } else if (type == DatasetKind.OptionType.TEXT) {
                String value = s.string(key);
                if (value != null) {
                    options.put(key, value);
                }
            }
        }
        s.finish();
        return new DataSpec(dataset, split != null ? split : Defaults.EVAL_SPLIT, options);
    }

    /** Records "missing" for each absent required key; arguments come in (value, key, expected) triples. */
    private static void requireAll(Section s, Object... triples) {
        for (int i = 0; i < triples.length; i += 3) {
            String key = (String) triples[i + 1];
            Node raw = s.value(key);
            if (triples[i] == null && (raw == null || Section.isNull(raw))) {
                s.missing(key, (String) triples[i + 2]);
            }
        }
    }
}
