package org.medsift.core.model;

/**
 * The value of a measurement as written, and parsed when it could be. A value that does not parse is kept raw
 * ({@link Kind#RAW}, numbers {@code NaN}).
 *
 * @param kind       the shape
 * @param start      char offset of the value (inclusive)
 * @param end        char offset after the value (exclusive)
 * @param raw        the covered text
 * @param number     NUMBER and COMPARATOR: the number; RANGE: the low end; RATIO: the first number (systolic,
 *                   titre numerator); otherwise {@code NaN}
 * @param second     RANGE: the high end; RATIO: the second number (diastolic, titre denominator); else {@code NaN}
 * @param comparator COMPARATOR: {@code <}, {@code <=}, {@code >}, {@code >=}; else empty
 * @param coded      CODED: {@code positive}, {@code negative}, {@code detected}, {@code not detected},
 *                   {@code reactive}, {@code nonreactive}; else empty
 */
public record MeasuredValue(Kind kind, int start, int end, String raw, double number, double second,
        String comparator, String coded) {
    /** Value shapes. */
    public enum Kind { NUMBER, RANGE, COMPARATOR, RATIO, CODED, RAW }

    public MeasuredValue {
        if (kind == null || raw == null) {
            throw new IllegalArgumentException("value kind and raw text are required");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("value offsets out of order: [" + start + ", " + end + ")");
        }
        comparator = comparator == null ? "" : comparator;
        coded = coded == null ? "" : coded;
    }
}
