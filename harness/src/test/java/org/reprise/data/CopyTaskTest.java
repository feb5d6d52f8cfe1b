package org.reprise.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyTaskTest {
    @Test
    void sequencesAreZeroWordZeroWord() {
        CopyTask task = new CopyTask(10, 127, 1);

        int[] seq = task.sequence(new java.util.SplittableRandom(3));

        assertThat(seq[0]).isZero();
        assertThat(seq[5]).isZero();
        assertThat(Arrays.copyOfRange(seq, 1, 5)).containsExactly(Arrays.copyOfRange(seq, 6, 10));
        assertThat(Arrays.stream(seq, 1, 5)).allMatch(s -> s >= 1 && s <= 127);
    }

    @Test
    void onlyTheSecondCopyIsScoredAndEveryScoredTargetIsDetermined() {
        CopyTask task = new CopyTask(10, 127, 1);

        Batch batch = task.trainBatch(5, 0, 1);

        // input 0 w1 w2 w3 w4 0 w1 w2 w3 w4: positions 5..8 predict w1..w4; position 9 has nothing to predict
        assertThat(batch.mask()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
        for (int t = 5; t <= 8; t++) {
            assertThat(batch.targets()[t]).isEqualTo(batch.inputs()[t - 4]);
        }
        assertThat(batch.scoredPositions()).isEqualTo(task.wordLength());
    }

    @Test
    void batchesArePureFunctionsOfSeedAndStep() {
        CopyTask task = new CopyTask(32, 127, 1);

        assertThat(task.trainBatch(7, 3, 4).inputs()).isEqualTo(task.trainBatch(7, 3, 4).inputs());
        assertThat(task.trainBatch(7, 3, 4).inputs()).isNotEqualTo(task.trainBatch(7, 4, 4).inputs());
        assertThat(task.trainBatch(7, 3, 4).inputs()).isNotEqualTo(task.trainBatch(8, 3, 4).inputs());
        assertThat(task.evalBatches(2, 4).get(1).inputs()).isEqualTo(task.evalBatches(2, 4).get(1).inputs());
    }
}
