package org.medsift.deid;

import java.util.Objects;

/**
 * One detected identifier: the half-open UTF-16 range {@code [start, end)} of the input text, its top-level
 * {@link PhiType} and a finer sub-type (for example {@code INSTITUTION} or {@code PHONE}).
 */
public record PhiSpan(int start, int end, PhiType type, String subtype) {
    public PhiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is empty or negative");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
    }

    public int length() {
        return end - start;
    }
}
