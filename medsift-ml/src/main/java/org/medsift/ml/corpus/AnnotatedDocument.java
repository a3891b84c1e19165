package org.medsift.ml.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medsift.core.text.Text;

/**
 * A document of a corpus and its gold spans, sorted by start.
 *
 * @param text  the document text; every span's offsets index it
 * @param spans gold spans, sorted; may overlap (PubTator and brat allow it)
 */
public record AnnotatedDocument(Text text, List<EntitySpan> spans) {
    public AnnotatedDocument {
        List<EntitySpan> sorted = new ArrayList<>(spans);
        sorted.sort(null);
        for (EntitySpan s : sorted) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("span [" + s.start() + ", " + s.end() + ") beyond the end of "
                        + text.id() + " (" + text.length() + " chars)");
            }
        }
        spans = List.copyOf(sorted);
    }

    /** This document with only the spans whose type is in {@code types} (all of them when it is empty). */
    public AnnotatedDocument keepTypes(Set<String> types) {
        if (types.isEmpty()) {
            return this;
        }
        List<EntitySpan> kept = new ArrayList<>();
        for (EntitySpan s : spans) {
            if (types.contains(s.type())) {
                kept.add(s);
            }
        }
        return new AnnotatedDocument(text, kept);
    }
}
