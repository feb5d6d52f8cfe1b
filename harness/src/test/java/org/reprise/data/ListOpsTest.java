package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

class ListOpsTest {

    /** An evaluator written apart from the generator: parses the tokens back into a tree. */
    private static int[] evaluate(byte[] tokens, int[] at, int depth) {
        int token = tokens[at[0]++];
        if (token >= 1 && token <= 10) {
            return new int[] {token - 1, depth};
        }
        assertThat(token).isBetween(ListOps.MIN, ListOps.SM);
        List<Integer> args = new ArrayList<>();
        int deepest = depth;
        while (tokens[at[0]] != ListOps.CLOSE) {
            int[] child = evaluate(tokens, at, depth + 1);
            args.add(child[0]);
            deepest = Math.max(deepest, child[1]);
        }
        at[0]++;
        assertThat(args.size()).isBetween(2, 10);
        double[] sorted = args.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        int value = switch (token) {
            case ListOps.MIN -> (int) sorted[0];
            case ListOps.MAX -> (int) sorted[n - 1];
            case ListOps.MED -> (int) median;
            default -> args.stream().mapToInt(Integer::intValue).sum() % 10;
        };
        return new int[] {value, deepest};
    }

    @Test
    void generatesExpressionsOfTheLraRulesLabelledWithTheirValue() {
        List<ListOps.Example> examples = ListOps.generate(99, 40, ListOps.newSeenSet());

        Set<Integer> labels = new HashSet<>();
        for (ListOps.Example example : examples) {
            assertThat(example.tokens().length).isGreaterThan(500).isLessThan(2000);
            int[] at = {0};
            int[] result = evaluate(example.tokens(), at, 1);
            assertThat(at[0]).isEqualTo(example.tokens().length);
            assertThat(result[0]).isEqualTo(example.label());
            assertThat(result[1]).isLessThanOrEqualTo(10);
            labels.add(example.label());
        }
        assertThat(labels.size()).isGreaterThan(5);
    }

    @Test
    void takesTheMedianOfAnEvenCountAsTheTruncatedMeanOfTheMiddleTwoAsNumpyDoes() {
        assertThat(ListOps.apply(ListOps.MED, new int[] {9, 1, 5, 2})).isEqualTo(3);
        assertThat(ListOps.apply(ListOps.MED, new int[] {4, 0, 7})).isEqualTo(4);
        assertThat(ListOps.apply(ListOps.SM, new int[] {9, 9, 5})).isEqualTo(3);
    }

    @Test
    void neverRepeatsAnExampleAlreadySeen() {
        Set<ListOps.Tokens> seen = ListOps.newSeenSet();
        List<ListOps.Example> first = ListOps.generate(5, 20, seen);

        List<ListOps.Example> again = ListOps.generate(5, 20, seen);

        Set<ListOps.Tokens> firstTokens = new HashSet<>();
        first.forEach(e -> firstTokens.add(new ListOps.Tokens(e.tokens())));
        assertThat(again).noneMatch(e -> firstTokens.contains(new ListOps.Tokens(e.tokens())));
        assertThat(seen).hasSize(40);
    }

    @Test
    void putsTheTokensFirstPadsAndScoresOnlyTheClsPositionWithTheClass() {
        ListOpsTask task = new ListOpsTask(new ListOpsTask.Data(12, 6), Split.VALIDATION, 2_001);

        Batch batch = task.evalBatches(1, 6).get(0);

        List<ListOps.Example> validation = new ListOpsTask.Data(12, 6).eval(Split.VALIDATION);
        for (int b = 0; b < 6; b++) {
            byte[] tokens = validation.get(b).tokens();
            int base = b * 2_001;
            for (int t = 0; t < tokens.length; t++) {
                assertThat(batch.inputs()[base + t]).isEqualTo(tokens[t]);
            }
            assertThat(batch.inputs()[base + tokens.length]).isEqualTo(ListOps.PAD);
            assertThat(batch.inputs()[base + 2_000]).isEqualTo(ListOps.CLS);
            assertThat(batch.targets()[base + 2_000]).isEqualTo(validation.get(b).label());
            assertThat(batch.mask()[base + 2_000]).isEqualTo(1f);
        }
        assertThat(batch.scoredPositions()).isEqualTo(6);
        assertThat(task.vocabSize()).isEqualTo(17);
    }

    @Test
    void truncatesTokensToLeaveTheLastPositionForCls() {
        ListOpsTask task = new ListOpsTask(new ListOpsTask.Data(4, 2), Split.TEST, 64);

        Batch batch = task.trainBatch(1, 0, 2);

        assertThat(Arrays.stream(batch.inputs(), 0, 63).allMatch(t -> t > 0 && t < ListOps.CLS)).isTrue();
        assertThat(batch.inputs()[63]).isEqualTo(ListOps.CLS);
        assertThat(batch.scoredPositions()).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndEvaluationIsTheSameForEverySeed() {
        ListOpsTask.Data data = new ListOpsTask.Data(16, 4);
        ListOpsTask task = new ListOpsTask(data, Split.VALIDATION, 128);

        assertThat(task.trainBatch(3, 1, 4).inputs()).isEqualTo(task.trainBatch(3, 1, 4).inputs());
        assertThat(task.trainBatch(4, 1, 4).inputs()).isNotEqualTo(task.trainBatch(3, 1, 4).inputs());
        assertThat(new ListOpsTask(new ListOpsTask.Data(16, 4), Split.VALIDATION, 128).evalBatches(1, 4).get(0).inputs())
                .isEqualTo(task.evalBatches(1, 4).get(0).inputs());
        assertThat(new ListOpsTask(data, Split.TEST, 128).evalBatches(1, 4).get(0).inputs())
                .isNotEqualTo(task.evalBatches(1, 4).get(0).inputs());
    }

    @Test
    void validationAndTestDoNotChangeWhenTheTrainingSetIsCapped() {
        ListOpsTask.Data small = new ListOpsTask.Data(3, 5);
        ListOpsTask.Data larger = new ListOpsTask.Data(9, 5);

        assertThat(small.eval(Split.TEST)).usingElementComparator((a, b) -> Arrays.equals(a.tokens(), b.tokens()) ? 0 : 1)
                .containsExactlyElementsOf(larger.eval(Split.TEST));
        assertThat(larger.train().subList(0, 3)).usingElementComparator((a, b) -> Arrays.equals(a.tokens(), b.tokens()) ? 0 : 1)
                .containsExactlyElementsOf(small.train());
    }

    @Test
    void reportsAccuracyAndLossNeverBits() {
        ListOpsTask task = ListOpsTask.create(Fixtures.spec(DatasetKind.LISTOPS, Split.VALIDATION,
                Map.of("train_examples", "2", "eval_examples", "2")), 2_001);

        assertThat(task.metrics(new EvalSums(4.0, 2, 1))).containsOnly(Map.entry("accuracy", 0.5), Map.entry("loss", 2.0));
        assertThat(DatasetKind.LISTOPS.metrics()).containsExactlyInAnyOrder("accuracy", "loss");
    }
}
