package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Image density modelling: each image is a sequence of its bytes (vocabulary 256) in
 * {@link ImageLayout} order, modelled autoregressively.
 *
 * <p>Layout for an image of T bytes x[0 … T−1]: input position t holds x[t] and predicts x[t+1];
 * positions 0 … T−2 are scored and position T−1 is not (it has no next byte). There is no start
 * token, so the vocabulary stays the 256 byte values and the first byte is not predicted: bits per
 * dimension are averaged over T−1 of the T dimensions (3,071 of 3,072 for CIFAR-10; the papers
 * average over all 3,072). Training visits the training set in {@link EpochOrder}; evaluation reads
 * the evaluation set from its first image, a final partial batch padded with unscored rows.
 */
public final class ImageDensityTask implements SequenceTask {
    private final ImageSet train;
    private final ImageSet eval;
    private final EpochOrder order;
    private final DataProvenance provenance;

    public ImageDensityTask(ImageSet train, ImageSet eval, DataProvenance provenance) {
        if (train.count() == 0 || eval.count() == 0) {
            throw new DataException("an image task needs training and evaluation images; got " + train.count() + " and "
                    + eval.count() + " (" + provenance.description() + ")");
        }
        this.train = train;
        this.eval = eval;
        this.order = new EpochOrder(train.count());
        this.provenance = provenance;
    }

    public ImageLayout layout() {
        return train.layout();
    }

    /** Number of training images (one epoch). */
    public int trainImages() {
        return train.count();
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public int sequenceLength() {
        return train.layout().size();
    }

    @Override
    public Batch trainBatch(long dataSeed, long step, int batchSize) {
        int[] images = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            images[b] = order.example(dataSeed, step * batchSize + b);
        }
        return batch(train, images, batchSize);
    }

    @Override
    public List<Batch> evalBatches(int batches, int batchSize) {
        List<Batch> out = new ArrayList<>();
        for (int first = 0; first < eval.count() && out.size() < batches; first += batchSize) {
            int rows = Math.min(batchSize, eval.count() - first);
            int[] images = new int[rows];
            for (int b = 0; b < rows; b++) {
                images[b] = first + b;
            }
            out.add(batch(eval, images, batchSize));
        }
        return out;
    }

    private static Batch batch(ImageSet set, int[] images, int batchSize) {
        int length = set.layout().size();
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        float[] mask = new float[batchSize * length];
        for (int b = 0; b < images.length; b++) {
            int base = b * length;
            for (int t = 0; t < length; t++) {
                inputs[base + t] = set.pixel(images[b], t);
            }
            for (int t = 0; t < length - 1; t++) {
                targets[base + t] = inputs[base + t + 1];
                mask[base + t] = 1f;
            }
        }
        return new Batch(batchSize, length, inputs, targets, mask);
    }

    @Override
    public Map<String, Double> metrics(EvalSums sums) {
        return Map.of("bits_per_dim", sums.meanBits(), "loss", sums.meanNats());
    }

    @Override
    public DataProvenance provenance() {
        return provenance;
    }
}
