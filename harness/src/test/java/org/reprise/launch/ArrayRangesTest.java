package org.reprise.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayRangesTest {
    @Test
    void writesConsecutiveIndicesAsOneRange() {
        assertThat(ArrayRanges.format(List.of(0, 1, 2, 3))).isEqualTo("0-3");
    }

    @Test
    void listsGapsAndSingletonsInOrder() {
        assertThat(ArrayRanges.format(List.of(7, 0, 2, 5, 6))).isEqualTo("0,2,5-7");
        assertThat(ArrayRanges.format(List.of(4))).isEqualTo("4");
    }

    @Test
    void refusesAnEmptyArray() {
        assertThatThrownBy(() -> ArrayRanges.format(List.of())).hasMessage("a job array needs at least one index");
    }
}
