package org.medsift.ml.ner;

/**
 * One sentence ready for the perceptron: its units' char offsets, the hashed feature ids of each unit (unit
 * {@code i}'s features are {@code features[featStart[i]..featStart[i+1])}), and the gold labels when known.
 */
final class Encoded {
    final int[] start;
    final int[] end;
    final int[] featStart;
    final int[] features;
    final int[] gold;

    Encoded(int[] start, int[] end, int[] featStart, int[] features, int[] gold) {
        this.start = start;
        this.end = end;
        this.featStart = featStart;
        this.features = features;
        this.gold = gold;
    }

    int size() {
        return start.length;
    }
}
