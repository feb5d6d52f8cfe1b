package org.reprise.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid manifest per file under src/test/resources/manifests/invalid/, each with its whole message pinned. */
class ManifestValidationTest {
    private static final Path INVALID = Path.of("src/test/resources/manifests/invalid");

    static Stream<Arguments> invalidManifests() {
        return Stream.of(
                Arguments.of("assumed-without-a-value.yaml", List.of(
                        "manifests/invalid/assumed-without-a-value.yaml:18:26: original.assumed.training.batch_size: 'training.batch_size' is listed as assumed but original gives it no value")),
                Arguments.of("benchmark-bad-length-rule.yaml", List.of(
                        "manifests/invalid/benchmark-bad-length-rule.yaml:11:5: metrics[1].name: 'accuracy' is not measured by a benchmark; it measures ms_per_step, seconds_per_step, steps_per_second, tokens_per_second, peak_memory_mib, peak_memory_gb",
                        "manifests/invalid/benchmark-bad-length-rule.yaml:14:18: benchmark.lengths[1]: lengths must increase: 128 follows 256",
                        "manifests/invalid/benchmark-bad-length-rule.yaml:15:31: benchmark.scale_with_length.stride: 'half' is not a length rule: expected sqrt or n/K with a positive integer K",
                        "manifests/invalid/benchmark-bad-length-rule.yaml:15:44: benchmark.scale_with_length.strde: 'strde' is not a parameter of any variant's attention type: expected one of stride; did you mean 'stride'?",
                        "manifests/invalid/benchmark-bad-length-rule.yaml:20:3: claims: a benchmark's cells are compared in its report's ratio and exponent tables; claims apply to training experiments only: remove claims or the benchmark section")),
                Arguments.of("claim-names-undeclared-metric.yaml", List.of(
                        "manifests/invalid/claim-names-undeclared-metric.yaml:38:13: claims[0].metric: 'acuracy' is not declared under metrics; did you mean 'accuracy'?")),
                Arguments.of("claim-names-unknown-variant.yaml", List.of(
                        "manifests/invalid/claim-names-unknown-variant.yaml:39:14: claims[0].variant: 'reduce' is not a variant of this experiment (variants: reduced, ci); did you mean 'reduced'?")),
                Arguments.of("not-worse-than-without-versus.yaml", List.of(
                        "manifests/invalid/not-worse-than-without-versus.yaml:36:5: claims[0].versus: missing; expected the variant this one is claimed to be not worse than",
                        "manifests/invalid/not-worse-than-without-versus.yaml:41:12: claims[0].paper: a not-worse-than claim compares two of our variants; it takes no paper value")),
                Arguments.of("variant-extends-misused.yaml", List.of(
                        "manifests/invalid/variant-extends-misused.yaml:25:14: variants.reduced.extends: 'reduce' must name another variant of this experiment (variants: reduced, ci, ci-small); did you mean 'reduced'?",
                        "manifests/invalid/variant-extends-misused.yaml:35:14: variants.ci-small.extends: 'ci' extends ci-small in turn: the chain of extends must end at a variant that extends none")),
                Arguments.of("evaluate-with-misused.yaml", List.of(
                        "manifests/invalid/evaluate-with-misused.yaml:14:14: original.model.evaluate_with.LSH 8: 'LSH 8' cannot name an evaluation: expected lower-case letters, digits and '-' (it becomes the metric suffix, as in accuracy@lsh-8)",
                        "manifests/invalid/evaluate-with-misused.yaml:15:21: original.model.evaluate_with.dense.type: lsh shares one projection for queries and keys (Kitaev et al. 2020 §3), dense needs a separate key projection: the evaluation runs on the trained parameters, so it needs the same ones as model.attention",
                        "manifests/invalid/evaluate-with-misused.yaml:16:37: original.model.evaluate_with.lsh-odd.buckets: 3 must be 1 or even: angular LSH takes argmax over [xR; −xR]")),
                Arguments.of("claim-names-unknown-evaluation.yaml", List.of(
                        "manifests/invalid/claim-names-unknown-evaluation.yaml:34:13: claims[0].metric: 'accuracy@lsh-2' is measured under the evaluation attention 'lsh-2', which variant ci does not name under model.evaluate_with (it has full, lsh-8); did you mean 'lsh-8'?")),
                Arguments.of("dropout-out-of-range.yaml", List.of(
                        "manifests/invalid/dropout-out-of-range.yaml:33:16: variants.ci.model.dropout: expected a number at least 0 and at most 0.99, found 1.5")),
                Arguments.of("duplicate-key.yaml", List.of(
                        "manifests/invalid/duplicate-key.yaml:8:5: original.model.layers: key appears twice in the same mapping; keep one")),
                Arguments.of("duplicate-seeds.yaml", List.of(
                        "manifests/invalid/duplicate-seeds.yaml:22:15: seeds: seed 1 is listed twice")),
                Arguments.of("empty-file.yaml", List.of(
                        "manifests/invalid/empty-file.yaml: the file is empty; expected a mapping with name, title, paper, original, variants, metrics")),
                Arguments.of("epochs-on-generated-task.yaml", List.of(
                        "manifests/invalid/epochs-on-generated-task.yaml:13:13: original.training.epochs: 'copy' is generated, so it has no epochs: give training.steps",
                        "manifests/invalid/epochs-on-generated-task.yaml:28:15: variants.reduced.training.epochs: 'copy' is generated, so it has no epochs: give training.steps",
                        "manifests/invalid/epochs-on-generated-task.yaml:34:15: variants.ci.training.epochs: 'copy' is generated, so it has no epochs: give training.steps")),
                Arguments.of("heads-do-not-divide-width.yaml", List.of(
                        "manifests/invalid/heads-do-not-divide-width.yaml:8:12: original.model.heads: 6 must divide model.width (64)",
                        "manifests/invalid/heads-do-not-divide-width.yaml:8:12: variants.ci.model.heads: 6 must divide model.width (32)")),
                Arguments.of("launcher-misspelled-key.yaml", List.of(
                        "manifests/invalid/launcher-misspelled-key.yaml:15:3: launcher.partiton: unknown key; did you mean 'partition'? (known keys: account, cpus_per_task, environment, extra, gpus_per_task, java, jvm_options, max_parallel, mem, partition, setup, time)")),
                Arguments.of("launcher-several-errors.yaml", List.of(
                        "manifests/invalid/launcher-several-errors.yaml:15:18: launcher.cpus_per_task: expected an integer of at least 1 and at most 4096, found 0",
                        "manifests/invalid/launcher-several-errors.yaml:16:8: launcher.mem: expected a memory size such as 8G or 4000M (K, M, G, T; no unit means megabytes), found '8GB'",
                        "manifests/invalid/launcher-several-errors.yaml:17:23: launcher.extra[1]: expected an sbatch option such as --qos=long, on one line, found 'constraint=a100'",
                        "manifests/invalid/launcher-several-errors.yaml:18:26: launcher.environment[1]: expected a variable NAME (its value at submission) or NAME=value, on one line, found '2BAD=x'",
                        "manifests/invalid/launcher-several-errors.yaml:19:10: launcher.setup: expected a list, found a mapping")),
                Arguments.of("launcher-time-in-words.yaml", List.of(
                        "manifests/invalid/launcher-time-in-words.yaml:16:9: launcher.time: expected a Slurm time limit: minutes, MM:SS, HH:MM:SS or D-HH[:MM[:SS]], found '2 hours'")),
                Arguments.of("layers-not-an-integer.yaml", List.of(
                        "manifests/invalid/layers-not-an-integer.yaml:7:13: original.model.layers: expected an integer, found 'two'")),
                Arguments.of("linformer-on-next-token-task.yaml", List.of(
                        "manifests/invalid/linformer-on-next-token-task.yaml:10:23: original.model.attention.type: linformer is not causal: "
                                + "its projected keys mix every position, future ones included (Wang et al. 2020 §4), and copy scores next-token "
                                + "predictions, whose targets are later inputs; expected a dataset whose targets are hidden from the inputs "
                                + "(listops) or a causal attention type")),
                Arguments.of("metric-not-produced-by-dataset.yaml", List.of(
                        "manifests/invalid/metric-not-produced-by-dataset.yaml:21:5: metrics[1].name: 'bits_per_byte' is not produced by dataset 'copy' (variant reduced); it produces accuracy, loss")),
                Arguments.of("missing-steps.yaml", List.of(
                        "manifests/invalid/missing-steps.yaml:13:5: original.training.steps: missing; expected a positive integer (or training.epochs for a dataset with a fixed training set)")),
                Arguments.of("misspelled-key.yaml", List.of(
                        "manifests/invalid/misspelled-key.yaml:7:5: original.model.heads: missing; expected a positive integer",
                        "manifests/invalid/misspelled-key.yaml:8:5: original.model.heds: unknown key; did you mean 'heads'? (known keys: attention, dropout, embedding, evaluate_with, ff_chunks, ff_multiplier, heads, layers, reversible, sequence_length, width)")),
                Arguments.of("name-differs-from-file.yaml", List.of(
                        "manifests/invalid/name-differs-from-file.yaml:1:7: name: 'something-else' must equal the file name 'name-differs-from-file'")),
                Arguments.of("negative-learning-rate.yaml", List.of(
                        "manifests/invalid/negative-learning-rate.yaml:35:22: variants.ci.training.learning_rate: expected a number greater than 0 and at most 10, found -0.001")),
                Arguments.of("not-yaml.yaml", List.of(
                        "manifests/invalid/not-yaml.yaml:9:10: not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence)")),
                Arguments.of("odd-copy-length.yaml", List.of(
                        "manifests/invalid/odd-copy-length.yaml:11:22: original.model.sequence_length: 33 does not fit the copy task 0w0w: expected an even length of at least 4")),
                Arguments.of("reason-for-unknown-setting.yaml", List.of(
                        "manifests/invalid/reason-for-unknown-setting.yaml:26:30: variants.reduced.reasons.training.step: 'training.step' is not a setting path; did you mean 'training.steps'?")),
                Arguments.of("reversible-options-misused.yaml", List.of(
                        "manifests/invalid/reversible-options-misused.yaml:6:101: original.model.ff_chunks: chunking the feed-forward block saves memory only with reversible layers (Kitaev et al. 2020 §3): set model.reversible: true or remove ff_chunks",
                        "manifests/invalid/reversible-options-misused.yaml:14:38: variants.image.model.embedding: image embeds the row, column and channel of each byte of an image (Child et al. 2019 §5.3): it needs an image dataset (cifar10 or fashion-mnist), not copy",
                        "manifests/invalid/reversible-options-misused.yaml:17:42: variants.chunks.model.ff_chunks: 5 must divide training.batch_size × model.sequence_length (24): each chunk is an equal share of the rows")),
                Arguments.of("several-errors-at-once.yaml", List.of(
                        "manifests/invalid/several-errors-at-once.yaml:8:12: original.model.heads: 6 must divide model.width (64)",
                        "manifests/invalid/several-errors-at-once.yaml:8:12: variants.ci.model.heads: 6 must divide model.width (32)",
                        "manifests/invalid/several-errors-at-once.yaml:22:8: seeds: expected an integer of at least 1 and at most 1000, found 0",
                        "manifests/invalid/several-errors-at-once.yaml:43:16: claims[0].direction: 'lower' contradicts metric accuracy (higher is better)")),
                Arguments.of("steps-and-epochs.yaml", List.of(
                        "manifests/invalid/steps-and-epochs.yaml:14:13: original.training.epochs: give either training.steps or training.epochs, not both")),
                Arguments.of("unknown-attention-type.yaml", List.of(
                        "manifests/invalid/unknown-attention-type.yaml:10:23: original.model.attention.type: 'quadratic' is not one of dense, strided, fixed, lsh, window, bigbird, linformer")),
                Arguments.of("unknown-dataset.yaml", List.of(
                        "manifests/invalid/unknown-dataset.yaml:15:14: original.data.dataset: 'imagenet' is not one of copy, enwik8, cifar10, fashion-mnist, listops")),
                Arguments.of("unstated-but-given.yaml", List.of(
                        "manifests/invalid/unstated-but-given.yaml:16:14: original.unstated: 'model.layers' is listed as not stated by the paper but original gives a value for it")),
                Arguments.of("variant-name-not-plain.yaml", List.of(
                        "manifests/invalid/variant-name-not-plain.yaml:30:5: variants.CI: 'CI' is not a usable variant name: expected lower-case letters, digits and hyphens, other than 'original'")),
                Arguments.of("warmup-longer-than-training.yaml", List.of(
                        "manifests/invalid/warmup-longer-than-training.yaml:35:21: variants.ci.training.warmup_steps: 50 is longer than training.steps (20)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidManifests")
    void rejectsInvalidManifestWithEveryErrorLocated(String file, List<String> expected) {
        ManifestException e = catchThrowableOfType(
                () -> ManifestLoader.load(INVALID.resolve(file), "manifests/invalid/" + file), ManifestException.class);

        assertThat(e).as("%s must be rejected", file).isNotNull();
        assertThat(e.errors()).extracting(ManifestError::format).containsExactlyElementsOf(expected);
    }

    @Test
    void everyInvalidFixtureHasAPinnedMessage() throws Exception {
        List<String> pinned = invalidManifests().map(a -> (String) a.get()[0]).toList();

        try (Stream<Path> files = Files.list(INVALID)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(pinned);
        }
        assertThat(pinned).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void exceptionMessageListsEveryErrorOnItsOwnLine() {
        ManifestException e = catchThrowableOfType(() -> ManifestLoader.load(
                INVALID.resolve("several-errors-at-once.yaml"), "x.yaml"), ManifestException.class);

        assertThat(e.getMessage()).startsWith("4 errors in manifest:\n  x.yaml:8:12: original.model.heads: 6 must divide");
    }
}
