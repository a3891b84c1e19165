package org.medsift.nlp.measure;

import java.util.Map;

/**
 * An immutable open-addressing table from words to {@code int} values, looked up in place on a
 * {@code CharSequence} region without allocating: ASCII letters compare ignoring case and periods are skipped, so
 * {@code b.i.d.}, {@code BID} and {@code bid} are one key. Built once per class from a constant map; thread-safe.
 */
public final class WordTable {
    /** {@link #get} when the word is absent. */
    public static final int ABSENT = -1;

    private final String[] keys;
    private final int[] values;
    private final int mask;

    /** A table of {@code entries}: keys in lower case without periods, values {@code >= 0}. */
    public WordTable(Map<String, Integer> entries) {
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new String[cap];
        values = new int[cap];
        mask = cap - 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            String k = e.getKey();
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("negative value for " + k);
            }
            int h = hash(k, 0, k.length()) & mask;
            while (keys[h] != null && !keys[h].equals(k)) {
                h = (h + 1) & mask;
            }
            keys[h] = k;
            values[h] = e.getValue();
        }
    }

    /** A table mapping every word to 0 (a set). */
    public static WordTable setOf(String... words) {
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (String w : words) {
            m.put(w, 0);
        }
        return new WordTable(m);
    }

    /** The value of the word {@code s[start, end)}, or {@link #ABSENT}. */
    public int get(CharSequence s, int start, int end) {
        if (end - start > 40) {
            return ABSENT;
        }
        int h = hash(s, start, end) & mask;
        while (true) {
            String k = keys[h];
            if (k == null) {
                return ABSENT;
            }
            if (matches(k, s, start, end)) {
                return values[h];
            }
            h = (h + 1) & mask;
        }
    }

    public boolean contains(CharSequence s, int start, int end) {
        return get(s, start, end) != ABSENT;
    }

    private static int hash(CharSequence s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                continue;
            }
            h = 31 * h + lower(c);
        }
        return h ^ (h >>> 16);
    }

    private static boolean matches(String key, CharSequence s, int start, int end) {
        int k = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                continue;
            }
            if (k >= key.length() || key.charAt(k) != lower(c)) {
                return false;
            }
            k++;
        }
        return k == key.length();
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
