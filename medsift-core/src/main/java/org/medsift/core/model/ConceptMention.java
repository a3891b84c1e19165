package org.medsift.core.model;

import java.util.List;

/**
 * A mention of a concept in a text.
 *
 * @param start         char offset of the first char (inclusive)
 * @param end           char offset after the last char (exclusive)
 * @param firstToken    index of the first token
 * @param endToken      exclusive end token index
 * @param conceptId     the lexicon's concept id (e.g. {@code SNOMEDCT:22298006} or {@code medsift:dis_asthma})
 * @param preferredName the concept's preferred name
 * @param group         semantic group
 * @param codes         codes of the concept per system (may be empty); first is the primary code
 * @param matchedTerm   the lexicon term that matched, as listed in the lexicon
 * @param matchKind     how the term matched
 * @param confidence    0..1, from the match kind and ambiguity
 * @param assertion     the assertion; {@link Assertion#DEFAULT} until the context annotator runs
 * @param source        provenance: the annotator and the lexicon entry's source (e.g.
 *                      {@code lexicon:medsift-default@0.1.0/synthea})
 */
public record ConceptMention(int start, int end, int firstToken, int endToken, String conceptId,
        String preferredName, SemanticGroup group, List<Code> codes, String matchedTerm, MatchKind matchKind,
        double confidence, Assertion assertion, String source) {

    public ConceptMention {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("mention offsets out of order: [" + start + ", " + end + ")");
        }
        if (firstToken < 0 || endToken <= firstToken) {
            throw new IllegalArgumentException("mention tokens out of order: [" + firstToken + ", " + endToken + ")");
        }
        if (conceptId == null || preferredName == null || group == null || matchKind == null || assertion == null
                || source == null) {
            throw new IllegalArgumentException("mention fields must not be null");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " outside [0, 1]");
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
        matchedTerm = matchedTerm == null ? "" : matchedTerm;
    }

    /** This mention with another assertion. */
    public ConceptMention withAssertion(Assertion newAssertion) {
        return new ConceptMention(start, end, firstToken, endToken, conceptId, preferredName, group, codes,
                matchedTerm, matchKind, confidence, newAssertion, source);
    }

    /** The first code of the given system, or empty. */
    public java.util.Optional<Code> findCode(String system) {
        for (Code c : codes) {
            if (c.system().equals(system)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
