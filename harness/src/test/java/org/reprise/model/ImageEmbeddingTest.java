package org.reprise.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.reprise.data.ImageLayout;
import org.reprise.manifest.AttentionSpec;
import org.reprise.manifest.AttentionType;
import org.reprise.manifest.EmbeddingKind;
import org.reprise.manifest.ModelSpec;

/** Child et al. 2019 Eq. 15 for images: position t embeds as W_row[row(t)] + W_col[column(t)] + W_chan[channel(t)]. */
class ImageEmbeddingTest {
    @Test
    void eachPositionAddsItsRowColumnAndChannelEmbeddings() {
        ModelSpec spec = new ModelSpec(1, 1, 4, 1.0, 0, new AttentionSpec(AttentionType.STRIDED, Map.of("stride", 96L)),
                3072, EmbeddingKind.IMAGE);
        ParameterSet params = ParameterSet.initialise(spec, 256, 1, DataType.DOUBLE);
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new HashMap<>();
        params.arrays().forEach((name, value) -> w.put(name, sd.var(name, value)));

        INDArray positions = TransformerGraph.positions(sd, spec, w, DataType.DOUBLE).eval();              // [T, d]

        assertThat(params.get("wpe.row").shape()).containsExactly(32, 4);
        assertThat(params.get("wpe.col").shape()).containsExactly(32, 4);
        assertThat(params.get("wpe.chan").shape()).containsExactly(3, 4);
        ImageLayout image = ImageLayout.CIFAR10;
        for (int t : new int[] {0, 1, 2, 3, 95, 96, 97, 1535, 3071}) {
            INDArray expected = params.get("wpe.row").getRow(image.row(t)).add(params.get("wpe.col").getRow(image.column(t)))
                    .add(params.get("wpe.chan").getRow(image.channel(t)));
            assertThat(positions.getRow(t).sub(expected).amaxNumber().doubleValue()).as("position %d", t).isLessThan(1e-12);
        }
        // the red of pixel (0, 1) and the green of pixel (0, 0) differ only in column and channel
        assertThat(positions.getRow(3)).isNotEqualTo(positions.getRow(1));
    }
}
