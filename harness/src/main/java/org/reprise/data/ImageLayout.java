package org.reprise.data;

/**
 * How an image becomes a byte sequence: raster order with interleaved channels, as the Sparse
 * Transformer models CIFAR-10 (Child et al. 2019 §7.1): position t = (row · width + column) · channels
 * + channel, so R, G, B of one pixel are neighbours and one image row is width · channels tokens
 * (96 for CIFAR-10, the local attention window of the authors' code). Row, column and channel of each
 * position are what factorised position embeddings add up.
 */
public record ImageLayout(int height, int width, int channels) {
    public static final ImageLayout CIFAR10 = new ImageLayout(32, 32, 3);
    public static final ImageLayout FASHION_MNIST = new ImageLayout(28, 28, 1);

    /**
     * The layout of the image datasets whose images are {@code length} bytes long (the manifest binder
     * ties an image dataset's sequence length to its image size).
     *
     * @throws IllegalArgumentException when no image dataset has that length
     */
    public static ImageLayout ofLength(int length) {
        if (length == CIFAR10.size()) {
            return CIFAR10;
        }
        if (length == FASHION_MNIST.size()) {
            return FASHION_MNIST;
        }
        throw new IllegalArgumentException("no image dataset has images of " + length + " bytes (CIFAR-10 "
                + CIFAR10.size() + ", Fashion-MNIST " + FASHION_MNIST.size() + ")");
    }

    /** Bytes per image: the sequence length. */
    public int size() {
        return height * width * channels;
    }

    public int row(int position) {
        return position / (width * channels);
    }

    public int column(int position) {
        return position / channels % width;
    }

    public int channel(int position) {
        return position % channels;
    }

    public int position(int row, int column, int channel) {
        return (row * width + column) * channels + channel;
    }
}
