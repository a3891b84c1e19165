package org.medsift.deid;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable open-addressing table from lower-cased words (or phrases) to int values, looked up by a region of
 * any {@link CharSequence} in any case, without building a substring. Thread-safe.
 */
final class KeyTable {
    private final String[] keys;
    private final int[] vals;
    private final int mask;
    private final int maxLen;

    KeyTable(Map<String, Integer> m) {
        int cap = Integer.highestOneBit(Math.max(8, m.size() * 2 + 1)) << 1;
        keys = new String[cap];
        vals = new int[cap];
        mask = cap - 1;
        int ml = 0;
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            ml = Math.max(ml, k.length());
            int i = hash(k, 0, k.length()) & mask;
            while (keys[i] != null && !keys[i].equals(k)) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            vals[i] |= e.getValue();
        }
        maxLen = ml;
    }

    /** A set: every word maps to 1. */
    static KeyTable of(Collection<String> words) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (String w : words) {
            m.put(w, 1);
        }
        return new KeyTable(m);
    }

    private static int hash(CharSequence s, int off, int len) {
        int h = 0;
        for (int i = off, e = off + len; i < e; i++) {
            h = 31 * h + Character.toLowerCase(s.charAt(i));
        }
        return h ^ (h >>> 15);
    }

    /** The value of the region's lower-cased text, or {@code dflt} when absent. */
    int get(CharSequence s, int off, int len, int dflt) {
        if (len > maxLen || len <= 0) {
            return dflt;
        }
        int i = hash(s, off, len) & mask;
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k.length() == len && same(k, s, off)) {
                return vals[i];
            }
        }
        return dflt;
    }

    boolean contains(CharSequence s, int off, int len) {
        return get(s, off, len, 0) != 0;
    }

    boolean contains(String word) {
        return contains(word, 0, word.length());
    }

    private static boolean same(String k, CharSequence s, int off) {
        for (int i = 0, n = k.length(); i < n; i++) {
            if (Character.toLowerCase(s.charAt(off + i)) != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        int n = 0;
        for (String k : keys) {
            if (k != null) {
                n++;
            }
        }
        return n;
    }
}
