package org.reprise.model.attention;

/**
 * Which original heads an attention call sees: head g of the call is head {@code offset + step·g}
 * of the layer. The multi-head integration (Child et al. §5.1) runs a component on every other head.
 */
record HeadMap(int offset, int step) {
    static final HeadMap ALL = new HeadMap(0, 1);

    int head(int g) {
        return offset + step * g;
    }
}
