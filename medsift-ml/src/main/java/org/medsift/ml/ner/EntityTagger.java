package org.medsift.ml.ner;

import java.util.List;
import java.util.Set;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;

/** Finds typed entity spans in a text. Implementations are thread-safe. */
public interface EntityTagger {
    /** The entities of {@code text}, sorted by start; empty when there are none. */
    List<EntitySpan> tag(Text text);

    /** The types this tagger can return. */
    Set<String> types();
}
