package org.medsift.core.record;

/**
 * A range of a decoded text and the source it was decoded from (one OBX segment of a multi-segment note, one
 * narrative element of a C-CDA section).
 *
 * @param start  first char in the decoded text
 * @param end    char after the last, half-open
 * @param source where this range came from
 */
public record TextPiece(int start, int end, SourceRef source) {
    public TextPiece {
        if (start < 0 || end < start || source == null) {
            throw new IllegalArgumentException("bad text piece [" + start + ", " + end + ")");
        }
    }
}
