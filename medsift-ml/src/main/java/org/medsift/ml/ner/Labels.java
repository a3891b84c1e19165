package org.medsift.ml.ner;

/**
 * The label encoding: 0 is {@code O}; type {@code k}'s labels are {@code 1 + width * k + pos}, with {@code pos} 0
 * {@code B} and 1 {@code I} in BIO ({@code width} 2), and 0 {@code B}, 1 {@code I}, 2 {@code L} (last) and 3
 * {@code U} (a one-unit entity) in BILOU ({@code width} 4).
 */
final class Labels {
    static final int BIO = 2;
    static final int BILOU = 4;

    private Labels() {
    }

    static int width(FeatureSettings settings) {
        return settings.bilou() ? BILOU : BIO;
    }

    static int count(int types, int width) {
        return 1 + width * types;
    }

    /** The type index of {@code l}, or -1 for {@code O}. */
    static int type(int l, int width) {
        return l == 0 ? -1 : (l - 1) / width;
    }

    /** {@code B} or {@code U}: an entity starts here. */
    static boolean begins(int l, int width) {
        if (l == 0) {
            return false;
        }
        int pos = (l - 1) % width;
        return pos == 0 || pos == 3;
    }

    /** {@code I} or {@code L}: the entity of the unit before goes on. */
    static boolean continues(int l, int width) {
        if (l == 0) {
            return false;
        }
        int pos = (l - 1) % width;
        return pos == 1 || pos == 2;
    }

    /** In BILOU, {@code B} or {@code I}: the next unit must continue the entity. */
    static boolean open(int l, int width) {
        return width == BILOU && l != 0 && (l - 1) % width <= 1;
    }

    /** Whether {@code cur} may follow {@code prev} ({@code -1}: the sentence start). */
    static boolean allowed(int prev, int cur, int width) {
        if (prev > 0 && open(prev, width)) {
            return continues(cur, width) && type(cur, width) == type(prev, width);
        }
        if (cur == 0 || begins(cur, width)) {
            return true;
        }
        // I or L: only after B or I (or, in BIO, I) of the same type
        return width == BIO && prev > 0 && type(prev, width) == type(cur, width);
    }

    /** {@code allowed} as a table: row {@code prev} (row {@code labels} the start), column {@code cur}. */
    static boolean[] table(int labels, int width) {
        boolean[] t = new boolean[(labels + 1) * labels];
        for (int p = 0; p <= labels; p++) {
            for (int c = 0; c < labels; c++) {
                t[p * labels + c] = allowed(p == labels ? -1 : p, c, width);
            }
        }
        return t;
    }

    /** Labels units {@code first..last} as one entity of type {@code k}. */
    static void gold(int[] labels, int first, int last, int k, int width) {
        int base = 1 + width * k;
        if (first == last) {
            labels[first] = width == BILOU ? base + 3 : base;
            return;
        }
        labels[first] = base;
        for (int x = first + 1; x < last; x++) {
            labels[x] = base + 1;
        }
        labels[last] = width == BILOU ? base + 2 : base + 1;
    }

    /** The unit after the entity that begins at {@code i} (which must begin one). */
    static int entityEnd(int[] labels, int i, int n, int width) {
        int t = type(labels[i], width);
        int j = i + 1;
        if (width == BILOU && (labels[i] - 1) % width == 3) {
            return j;
        }
        while (j < n && continues(labels[j], width) && type(labels[j], width) == t) {
            j++;
            if (width == BILOU && (labels[j - 1] - 1) % width == 2) {
                break;
            }
        }
        return j;
    }
}
