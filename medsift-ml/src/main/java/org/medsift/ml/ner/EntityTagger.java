package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;

/** Finds typed entity spans in a text. Implementations are thread-safe. */
public interface EntityTagger {
    /** The entities of {@code text}, sorted by start; empty when there are none. */
    List<EntitySpan> tag(Text text);

    /**
     * The entities of {@code text} with the tagger's confidence in each ({@link ScoredSpan#margin}), in the order of
     * {@link #tag}. By default every span gets an infinite margin: a tagger without scores is never filtered by one.
     */
    default List<ScoredSpan> tagScored(Text text) {
        List<EntitySpan> spans = tag(text);
        List<ScoredSpan> out = new ArrayList<>(spans.size());
        for (EntitySpan s : spans) {
            out.add(new ScoredSpan(s, Double.POSITIVE_INFINITY));
        }
        return out;
    }

    /**
     * {@link #tagScored(Text)}, computing margins only for the spans {@code wanted} accepts (the others get
     * {@link Double#POSITIVE_INFINITY}): a tagger may skip the work for sentences without such a span.
     */
    default List<ScoredSpan> tagScored(Text text, Predicate<EntitySpan> wanted) {
        return tagScored(text);
    }

    /** The types this tagger can return. */
    Set<String> types();
}
