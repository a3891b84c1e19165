package org.medsift.vocab;

import java.util.List;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;

/**
 * One concept of a lexicon, decoded from the lexicon's buffer on request.
 *
 * @param index         the concept's index in the lexicon ({@code 0 .. conceptCount()-1})
 * @param id            the concept id ({@code SNOMEDCT:22298006}, {@code medsift:dis_asthma})
 * @param preferredName the preferred name
 * @param group         the semantic group
 * @param codes         codes in the order they were added (may be empty)
 * @param sourceId      the id of the source that created the concept
 */
public record ConceptInfo(int index, String id, String preferredName, SemanticGroup group, List<Code> codes,
        String sourceId) {
    public ConceptInfo {
        codes = List.copyOf(codes);
    }
}
