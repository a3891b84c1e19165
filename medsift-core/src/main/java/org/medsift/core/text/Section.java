package org.medsift.core.text;

/**
 * A section of a note: the header (may be empty for the preamble) and the body that follows it, as token ranges
 * and char offsets (half-open).
 *
 * @param type        normalized section type
 * @param start       char offset of the section start (the header start, or the body start when no header)
 * @param end         char offset of the section end (exclusive)
 * @param headerStart char offset of the header text, equal to {@code headerEnd} when there is no header
 * @param headerEnd   char offset after the header text (before the colon, if any)
 * @param firstToken  first token of the section (header included)
 * @param endToken    exclusive end token
 */
public record Section(SectionType type, int start, int end, int headerStart, int headerEnd, int firstToken,
        int endToken) {
    public Section {
        if (type == null) {
            throw new IllegalArgumentException("type is null");
        }
        if (start < 0 || end < start || headerStart < start || headerEnd < headerStart || headerEnd > end) {
            throw new IllegalArgumentException("section offsets out of order: [" + start + ", " + end + ") header ["
                    + headerStart + ", " + headerEnd + ")");
        }
        if (firstToken < 0 || endToken < firstToken) {
            throw new IllegalArgumentException("section tokens out of order: [" + firstToken + ", " + endToken + ")");
        }
    }

    public boolean hasHeader() {
        return headerEnd > headerStart;
    }
}
