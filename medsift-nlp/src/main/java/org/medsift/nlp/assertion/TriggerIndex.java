package org.medsift.nlp.assertion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled trigger phrases: a table of the lower-cased words that occur in any phrase (each gets an int id), and
 * a trie over word ids whose accepting states carry the rules of the phrase that ends there.
 *
 * <p>Both tables use open addressing over primitive arrays, so looking up a token ({@link #wordId}) and stepping the
 * trie ({@link #step}) allocate nothing and compare chars in place, never building a lower-cased copy of the
 * token. Immutable after construction and thread-safe.
 */
final class TriggerIndex {
    /** {@link #wordId} of a token that occurs in no trigger phrase. */
    static final int NO_WORD = -1;
    /** {@link #step} result when no phrase continues with the word. */
    static final int NO_STATE = -1;
    /** The trie root. */
    static final int ROOT = 0;
    /** The phrase word that matches any year token from 1900 to 2099 ("in &lt;year&gt;"). */
    static final String YEAR_WORD = "<year>";

    private final String[] wordKeys;
    private final int[] wordIds;
    private final int wordMask;
    private final int maxWordLength;
    private final int yearId;

    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int edgeMask;

    private final TriggerRule[][] rulesAt;
    private final int[] terminatorMask;

    TriggerIndex(List<TriggerRule> rules) {
        Map<String, Integer> words = new HashMap<>();
        int maxLen = 0;
        for (TriggerRule r : rules) {
            for (String w : r.words()) {
                words.putIfAbsent(w, words.size());
                maxLen = Math.max(maxLen, w.length());
            }
        }
        int wcap = tableSize(words.size());
        wordKeys = new String[wcap];
        wordIds = new int[wcap];
        wordMask = wcap - 1;
        maxWordLength = maxLen;
        yearId = words.getOrDefault(YEAR_WORD, NO_WORD);
        for (Map.Entry<String, Integer> e : words.entrySet()) {
            int slot = hash(e.getKey(), 0, e.getKey().length()) & wordMask;
            while (wordKeys[slot] != null) {
                slot = (slot + 1) & wordMask;
            }
            wordKeys[slot] = e.getKey();
            wordIds[slot] = e.getValue();
        }

        // build the trie with a map first (compile time only), then freeze it into the primitive table
        Map<Long, Integer> edges = new HashMap<>();
        List<List<TriggerRule>> accept = new ArrayList<>();
        accept.add(null);
        for (TriggerRule r : rules) {
            int state = ROOT;
            for (String w : r.words()) {
                long key = edgeKey(state, words.get(w));
                Integer next = edges.get(key);
                if (next == null) {
                    next = accept.size();
                    accept.add(null);
                    edges.put(key, next);
                }
                state = next;
            }
            if (accept.get(state) == null) {
                accept.set(state, new ArrayList<>(2));
            }
            accept.get(state).add(r);
        }
        int ecap = tableSize(edges.size());
        edgeKeys = new long[ecap];
        Arrays.fill(edgeKeys, -1L);
        edgeTargets = new int[ecap];
        edgeMask = ecap - 1;
        for (Map.Entry<Long, Integer> e : edges.entrySet()) {
            int slot = mix(Long.hashCode(e.getKey())) & edgeMask;
            while (edgeKeys[slot] != -1L) {
                slot = (slot + 1) & edgeMask;
            }
            edgeKeys[slot] = e.getKey();
            edgeTargets[slot] = e.getValue();
        }
        rulesAt = new TriggerRule[accept.size()][];
        terminatorMask = new int[accept.size()];
        for (int i = 0; i < accept.size(); i++) {
            List<TriggerRule> a = accept.get(i);
            rulesAt[i] = a == null ? null : a.toArray(new TriggerRule[0]);
            if (a != null) {
                for (TriggerRule r : a) {
                    if (r.category() == TriggerCategory.TERMINATE) {
                        terminatorMask[i] |= r.endsMask();
                    }
                }
            }
        }
    }

    /** The id of {@code text[start, end)} compared case-insensitively, or {@link #NO_WORD}. Allocates nothing. */
    int wordId(CharSequence text, int start, int end) {
        int len = end - start;
        if (len == 4 && yearId != NO_WORD && isYear(text, start)) {
            return yearId;
        }
        if (len > maxWordLength || len <= 0) {
            return NO_WORD;
        }
        int slot = hash(text, start, end) & wordMask;
        String key;
        while ((key = wordKeys[slot]) != null) {
            if (key.length() == len && sameLowerCase(key, text, start)) {
                return wordIds[slot];
            }
            slot = (slot + 1) & wordMask;
        }
        return NO_WORD;
    }

    /** True when the four chars at {@code start} are a year from 1900 to 2099. */
    private static boolean isYear(CharSequence text, int start) {
        char c0 = text.charAt(start);
        char c1 = text.charAt(start + 1);
        if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) {
            return false;
        }
        return Character.isDigit(text.charAt(start + 2)) && text.charAt(start + 2) < 128
                && Character.isDigit(text.charAt(start + 3)) && text.charAt(start + 3) < 128;
    }

    /** The trie state after {@code word} from {@code state}, or {@link #NO_STATE}. */
    int step(int state, int word) {
        long key = edgeKey(state, word);
        int slot = mix(Long.hashCode(key)) & edgeMask;
        long k;
        while ((k = edgeKeys[slot]) != -1L) {
            if (k == key) {
                return edgeTargets[slot];
            }
            slot = (slot + 1) & edgeMask;
        }
        return NO_STATE;
    }

    /** The rules of the phrase that ends in {@code state}, or {@code null} when no phrase ends there. */
    TriggerRule[] rulesAt(int state) {
        return rulesAt[state];
    }

    /**
     * Bit mask (by category ordinal) of the scopes that the phrase ending in {@code state} terminates; 0 when it is
     * no terminator. Precomputed so the scan iterates no sets.
     */
    int terminatorMask(int state) {
        return terminatorMask[state];
    }

    /** Lower-cases one char the way phrase words are lower-cased when the rules are compiled. */
    static char lower(char c) {
        return Character.toLowerCase(c);
    }

    /** Lower-cases a phrase word char by char, matching {@link #wordId}. */
    static String lower(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(lower(s.charAt(i)));
        }
        return sb.toString();
    }

    private static boolean sameLowerCase(String key, CharSequence text, int start) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lower(text.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        return h;
    }

    private static long edgeKey(int state, int word) {
        return ((long) state << 32) | (word & 0xFFFFFFFFL);
    }

    private static int tableSize(int entries) {
        int cap = 16;
        while (cap < entries * 2) {
            cap <<= 1;
        }
        return cap;
    }
}
