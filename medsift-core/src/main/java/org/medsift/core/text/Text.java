package org.medsift.core.text;

import java.util.Objects;

/**
 * One immutable document text. Offsets into {@link #content()} are UTF-16 {@code char} indices, spans half-open
 * (see the package documentation).
 *
 * <p>The {@link #id()} identifies the document in outputs, problems and provenance; it must not contain patient
 * data (use a file name, a message control id or a resource id). Thread-safe.
 */
public final class Text {
    private final String id;
    private final String content;
    private volatile LineMap lineMap;

    private Text(String id, String content) {
        this.id = Objects.requireNonNull(id, "id");
        this.content = Objects.requireNonNull(content, "content");
    }

    /** A text with the given document id and content. */
    public static Text of(String id, String content) {
        return new Text(id, content);
    }

    public String id() {
        return id;
    }

    public String content() {
        return content;
    }

    /** Length in UTF-16 chars. */
    public int length() {
        return content.length();
    }

    /** The covered text of {@code [start, end)}; throws {@link IndexOutOfBoundsException} when out of bounds. */
    public String cover(int start, int end) {
        return content.substring(start, end);
    }

    /** Line and column lookup, built on first use. */
    public LineMap lineMap() {
        LineMap map = lineMap;
        if (map == null) {
            map = LineMap.of(content);
            lineMap = map;
        }
        return map;
    }

    @Override
    public String toString() {
        // never the content: it may hold PHI
        return "Text[id=" + id + ", length=" + content.length() + "]";
    }
}
