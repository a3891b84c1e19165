package org.medsift.ml.ner;

/**
 * One sentence ready for the perceptron: its units' char offsets, the hashed feature ids of each unit (unit
 * {@code i}'s features are {@code features[featStart[i]..featStart[i+1])}), the gold labels when known, and where its
 * first unit sits among the document's units ({@code offset}).
 */
final class Encoded {
    final int[] start;
    final int[] end;
    final int[] featStart;
    final int[] features;
    final int[] gold;
    final int offset;

    Encoded(int[] start, int[] end, int[] featStart, int[] features, int[] gold, int offset) {
        this.start = start;
        this.end = end;
        this.featStart = featStart;
        this.features = features;
        this.gold = gold;
        this.offset = offset;
    }

    int size() {
        return start.length;
    }
}
