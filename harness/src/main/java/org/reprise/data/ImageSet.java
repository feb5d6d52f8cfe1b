package org.reprise.data;

/**
 * Images as byte sequences in {@link ImageLayout} order, with their class labels.
 *
 * @param pixels count × layout.size() bytes, image after image
 * @param labels one class per image
 */
public record ImageSet(ImageLayout layout, byte[] pixels, byte[] labels) {
    public ImageSet {
        if (pixels.length != (long) labels.length * layout.size()) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not make " + labels.length + " images of " + layout.size());
        }
    }

    public int count() {
        return labels.length;
    }

    /** Images [from, to). */
    public ImageSet slice(int from, int to) {
        int n = layout.size();
        return new ImageSet(layout, java.util.Arrays.copyOfRange(pixels, from * n, to * n),
                java.util.Arrays.copyOfRange(labels, from, to));
    }

    /** Pixel {@code position} of image {@code image}, 0–255. */
    public int pixel(int image, int position) {
        return pixels[image * layout.size() + position] & 0xFF;
    }

    /** Joins sets of the same layout, in order. */
    public static ImageSet concat(java.util.List<ImageSet> parts) {
        ImageLayout layout = parts.get(0).layout();
        int count = parts.stream().mapToInt(ImageSet::count).sum();
        byte[] pixels = new byte[count * layout.size()];
        byte[] labels = new byte[count];
        int at = 0;
        for (ImageSet part : parts) {
            System.arraycopy(part.pixels(), 0, pixels, at * layout.size(), part.pixels().length);
            System.arraycopy(part.labels(), 0, labels, at, part.count());
            at += part.count();
        }
        return new ImageSet(layout, pixels, labels);
    }
}
