package org.medsift.core.model;

/**
 * A reference range written beside a result ("(ref 3.5-5.0)").
 *
 * @param start char offset (inclusive)
 * @param end   char offset (exclusive)
 * @param low   low end, {@code NaN} when open
 * @param high  high end, {@code NaN} when open
 * @param text  the covered text
 */
public record ReferenceRange(int start, int end, double low, double high, String text) {
    public ReferenceRange {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("range offsets out of order: [" + start + ", " + end + ")");
        }
        text = text == null ? "" : text;
    }
}
