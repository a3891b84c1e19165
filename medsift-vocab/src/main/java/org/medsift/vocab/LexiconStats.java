package org.medsift.vocab;

import java.util.Map;
import org.medsift.core.model.SemanticGroup;

/**
 * Counts over a lexicon, for reports and for checking that a rebuilt lexicon has what it should. Maps are sorted
 * (enums by ordinal, strings alphabetically) and hold only non-zero counts.
 *
 * @param terms               number of terms
 * @param concepts            number of concepts
 * @param words               size of the normalized word vocabulary
 * @param conceptsByGroup     concepts per semantic group
 * @param termsByGroup        terms per semantic group of their concept
 * @param conceptsWithCode    concepts with at least one code, per code system URI
 * @param conceptsBySource    concepts per source id (the source that created the concept)
 * @param termsBySource       terms per source id
 * @param termsByKind         terms per kind
 */
public record LexiconStats(int terms, int concepts, int words, Map<SemanticGroup, Integer> conceptsByGroup,
        Map<SemanticGroup, Integer> termsByGroup, Map<String, Integer> conceptsWithCode,
        Map<String, Integer> conceptsBySource, Map<String, Integer> termsBySource,
        Map<TermKind, Integer> termsByKind) {
    public LexiconStats {
        conceptsByGroup = java.util.Collections.unmodifiableMap(enumMap(SemanticGroup.class, conceptsByGroup));
        termsByGroup = java.util.Collections.unmodifiableMap(enumMap(SemanticGroup.class, termsByGroup));
        conceptsWithCode = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(conceptsWithCode));
        conceptsBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(conceptsBySource));
        termsBySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(termsBySource));
        termsByKind = java.util.Collections.unmodifiableMap(enumMap(TermKind.class, termsByKind));
    }

    private static <K extends Enum<K>> Map<K, Integer> enumMap(Class<K> type, Map<K, Integer> from) {
        Map<K, Integer> m = new java.util.EnumMap<>(type);
        m.putAll(from);
        return m;
    }
}
