package org.medsift.vocab;

import java.util.List;

/**
 * One term of a lexicon, decoded from the lexicon's buffer on request.
 *
 * @param index        the term's index in the lexicon ({@code 0 .. termCount()-1})
 * @param text         the term as listed by its source
 * @param words        its normalized words (see {@link TermNormalizer#words(String)})
 * @param kind         how it may match
 * @param conceptIndex the index of its concept
 * @param sourceId     the id of the source that listed it
 */
public record TermInfo(int index, String text, List<String> words, TermKind kind, int conceptIndex,
        String sourceId) {
    public TermInfo {
        words = List.copyOf(words);
    }
}
