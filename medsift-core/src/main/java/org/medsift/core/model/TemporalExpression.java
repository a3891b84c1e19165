package org.medsift.core.model;

/**
 * A temporal expression: an absolute or relative date, a time of day, or a duration, normalized to ISO 8601.
 *
 * <p>{@link #value()} follows TimeML's TIMEX3 conventions: {@code 2021-03-14}, {@code 2021-03}, {@code 2021},
 * {@code 2021-03-14T10:30}, {@code T10:30} for a time of day, {@code P5D} for a duration, and {@code X} for a
 * digit that is not known ({@code XXXX-03-14}: March 14 of an unknown year). A relative expression resolved
 * against the document date gets the resolved date; one that cannot be resolved (no document date, or an anchor
 * other than the document) has an empty value and keeps its {@link #offset()}.
 *
 * @param type   date, time or duration
 * @param start  char offset of the expression (inclusive)
 * @param end    char offset after the expression (exclusive)
 * @param value  the normalized value, empty when it cannot be resolved
 * @param anchor what a relative expression is relative to; {@link Anchor#NONE} for absolute dates, times and
 *               durations
 * @param offset signed ISO 8601 duration from the anchor ({@code -P3D} for "3 days ago", {@code P2D} for
 *               "POD #2", {@code P0D} for "today"); empty for absolute expressions and for relative ones that are
 *               not a fixed distance ("last March")
 */
public record TemporalExpression(Type type, int start, int end, String value, Anchor anchor, String offset) {
    /** TIMEX3 types used here. */
    public enum Type { DATE, TIME, DURATION }

    /** The reference point of a relative expression. */
    public enum Anchor {
        /** Absolute, or a duration. */
        NONE,
        /** The document (note) date: "3 days ago", "yesterday", "last March", "in 2 weeks". */
        DOCUMENT,
        /** The day of surgery: "POD #2", "postoperative day 2", "2 days after surgery". */
        SURGERY,
        /** The day of admission: "hospital day 3", "2 weeks prior to admission". */
        ADMISSION
    }

    public TemporalExpression {
        if (type == null || anchor == null) {
            throw new IllegalArgumentException("temporal expression type and anchor are required");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("offsets out of order: [" + start + ", " + end + ")");
        }
        value = value == null ? "" : value;
        offset = offset == null ? "" : offset;
    }

    /** True when the expression is relative to an anchor. */
    public boolean relative() {
        return anchor != Anchor.NONE;
    }
}
