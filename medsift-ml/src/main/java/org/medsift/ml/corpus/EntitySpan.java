package org.medsift.ml.corpus;

/**
 * One entity, gold or predicted: a half-open UTF-16 char span of the document text and its type.
 *
 * @param start first char (inclusive)
 * @param end   char after the last (exclusive)
 * @param type  entity type after any type mapping, e.g. {@code Chemical}
 */
public record EntitySpan(int start, int end, String type) implements Comparable<EntitySpan> {
    public EntitySpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span offsets out of order: [" + start + ", " + end + ")");
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("span type must not be empty");
        }
    }

    /** True when the two spans share at least one char. */
    public boolean overlaps(EntitySpan o) {
        return start < o.end && o.start < end;
    }

    @Override
    public int compareTo(EntitySpan o) {
        int c = Integer.compare(start, o.start);
        if (c == 0) {
            c = Integer.compare(end, o.end);
        }
        return c != 0 ? c : type.compareTo(o.type);
    }
}
