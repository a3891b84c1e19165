package org.medsift.vocab;

/**
 * The hash functions of the lexicon format. They are part of the file format: the builder places entries with
 * them and the reader probes with them, so they must never change without a new format version. Not
 * {@code String.hashCode}, because lookups hash char ranges and int sequences without making strings.
 */
final class Hashing {
    private Hashing() {
    }

    /** Final mix of murmur3 (fmix32). */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    static int chars(char[] s, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ s[i]) * 0x01000193;
        }
        return mix(h);
    }

    static int chars(CharSequence s, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return mix(h);
    }

    /** Hash of {@code s[off, off+len)} without the char at {@code skip} (a deletion variant). */
    static int charsSkipping(char[] s, int off, int len, int skip) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            if (i != skip) {
                h = (h ^ s[i]) * 0x01000193;
            }
        }
        return mix(h);
    }

    static int ints(int[] a, int off, int len) {
        int h = 0x811c9dc5 ^ len;
        for (int i = off; i < off + len; i++) {
            h = (h ^ a[i]) * 0x01000193;
            h = Integer.rotateLeft(h, 13);
        }
        return mix(h);
    }

    static int edge(int parent, int word) {
        return mix(parent * 0x9E3779B1 + word);
    }

    /** Smallest power of two that is at least {@code 2 * n} (load factor at most one half), at least 2. */
    static int capacity(int n) {
        int c = Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1;
        return Math.max(2, c);
    }
}
