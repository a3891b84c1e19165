package org.medsift.ml.ner;

import java.util.List;

/**
 * One document ready for the perceptron: its sentences and what the second pass needs across them, per document
 * unit ({@link Encoded#offset} maps a sentence's unit {@code i} to document unit {@code offset + i}).
 */
final class EncodedDoc {
    final List<Encoded> sentences;
    /** Lower-cased word hash per unit. */
    final int[] word;
    /** Per unit: next unit of the document with the same {@link #word} (a ring through all of them). */
    final int[] sameNext;
    /** Per unit inside an abbreviation's short form: the first and last unit of its long form; -1 elsewhere. */
    final int[] longFirst;
    final int[] longLast;
    /** Per unit: 1 for a {@code (} alone, 2 for a {@code )} alone, 0 otherwise. */
    final byte[] paren;

    EncodedDoc(List<Encoded> sentences, int[] word, int[] sameNext, int[] longFirst, int[] longLast, byte[] paren) {
        this.sentences = sentences;
        this.word = word;
        this.sameNext = sameNext;
        this.longFirst = longFirst;
        this.longLast = longLast;
        this.paren = paren;
    }

    int units() {
        return word.length;
    }
}
