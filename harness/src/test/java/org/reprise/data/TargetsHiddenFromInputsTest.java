package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.reprise.manifest.DatasetKind;
import org.reprise.manifest.Split;

/**
 * {@link DatasetKind#targetsHiddenFromInputs()} decides where a non-causal attention (Linformer) may run;
 * these tests tie it to what the tasks' batches actually score.
 */
class TargetsHiddenFromInputsTest {

    @Test
    void onlyListOpsHidesItsTargets() {
        assertThat(Arrays.stream(DatasetKind.values()).filter(DatasetKind::targetsHiddenFromInputs))
                .containsExactly(DatasetKind.LISTOPS);
    }

    @Test
    void copyScoresTheNextInputSoAModelThatLooksAheadReadsTheAnswer() {
        CopyTask task = new CopyTask(32, 7, 42);

        Batch batch = task.trainBatch(1, 0, 4);

        long scored = 0;
        for (int p = 0; p < batch.inputs().length; p++) {
            if (batch.mask()[p] != 0f) {
                assertThat(p % 32).as("a scored position has a next input").isLessThan(31);
                assertThat(batch.targets()[p]).as("target of position %d", p).isEqualTo(batch.inputs()[p + 1]);
                scored++;
            }
        }
        assertThat(scored).isPositive();
        assertThat(DatasetKind.COPY.targetsHiddenFromInputs()).isFalse();
    }

    @Test
    void listOpsScoresOnlyTheLastPositionWhoseClassIsNoInputToken() {
        ListOpsTask task = new ListOpsTask(new ListOpsTask.Data(8, 4), Split.VALIDATION, 64);

        Batch batch = task.trainBatch(3, 0, 8);

        for (int p = 0; p < batch.inputs().length; p++) {
            boolean last = p % 64 == 63;
            assertThat(batch.mask()[p] != 0f).as("position %d scored", p).isEqualTo(last);
            if (last) {
                assertThat(batch.inputs()[p]).as("the scored position holds CLS, not its class").isEqualTo(ListOps.CLS);
            }
        }
        assertThat(DatasetKind.LISTOPS.targetsHiddenFromInputs()).isTrue();
    }
}
