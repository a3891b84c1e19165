package org.medsift.nlp.abbrev;

/**
 * An occurrence of a defined short form elsewhere in the text (not the definition itself).
 *
 * @param start      first char of the occurrence
 * @param end        end (exclusive) of the occurrence
 * @param definition the index of its definition in the list given to {@link AbbreviationDefinitions#findUses}
 */
public record AbbreviationUse(int start, int end, int definition) {
    public AbbreviationUse {
        if (start < 0 || end <= start || definition < 0) {
            throw new IllegalArgumentException("bad use: [" + start + ", " + end + ") definition " + definition);
        }
    }
}
