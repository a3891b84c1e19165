package org.medsift.core.pipeline;

import java.util.Set;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;

/**
 * One stage of a pipeline. Implementations are immutable and thread-safe: {@link #annotate} may run on many
 * threads at once, each with its own {@link Workspace}.
 */
public interface Annotator {
    /** A short stable name, unique in a pipeline ({@code tokenizer}, {@code lexicon}, {@code context}). */
    String name();

    /** Layers that must be present before this annotator runs. */
    Set<LayerKey<?>> requires();

    /** Layers this annotator adds or replaces. */
    Set<LayerKey<?>> produces();

    /**
     * Annotates one document: reads required layers, puts produced layers, reports problems.
     *
     * @param doc       the document being processed (not frozen)
     * @param workspace this thread's scratch space
     */
    void annotate(Document doc, Workspace workspace);
}
