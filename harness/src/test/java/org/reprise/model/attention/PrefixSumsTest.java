package org.reprise.model.attention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.reprise.model.Engine;

/** Blocked matrix-product prefix sums against a plain Java loop, for lengths that cut into blocks in every way. */
class PrefixSumsTest {
    @BeforeAll
    static void oneThread() {
        Engine.configure(1);
    }

    @ParameterizedTest(name = "M={0} L={1} W={2}")
    @CsvSource({"3, 64, 5", "2, 48, 3", "1, 97, 4", "4, 1, 2", "2, 12, 1", "1, 1024, 2"})
    void equalsTheRunningSumOfEveryEarlierEntry(int m, int length, int width) {
        Nd4j.getRandom().setSeed(length);
        // 0/1 entries, as the LSH counting sort feeds it, plus small integers: sums stay exact in float32
        INDArray x = Nd4j.rand(DataType.FLOAT, m, length, width).muli(4).castTo(DataType.INT32).castTo(DataType.FLOAT);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.constant("x", x);
        INDArray out = PrefixSums.exclusive(sd, in, m, length, width).rename("out").eval(Map.of());

        for (int a = 0; a < m; a++) {
            for (int w = 0; w < width; w++) {
                double running = 0;
                for (int i = 0; i < length; i++) {
                    assertThat(out.getDouble(a, i, w)).as("[%d, %d, %d]", a, i, w).isEqualTo(running);
                    running += x.getDouble(a, i, w);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1024, 32", "48, 6", "97, 97", "12, 3", "1, 1"})
    void blocksAreTheDivisorNearestTheSquareRoot(int length, int block) {
        assertThat(PrefixSums.blockLength(length)).isEqualTo(block);
    }
}
