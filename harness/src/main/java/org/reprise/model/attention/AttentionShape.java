package org.reprise.model.attention;

/** Static sizes of one attention call: batch B, heads H, length T, head width Dh. */
public record AttentionShape(int batch, int heads, int length, int headWidth) {
}
