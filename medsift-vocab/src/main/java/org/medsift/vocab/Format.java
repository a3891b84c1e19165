package org.medsift.vocab;

/**
 * Layout of the compiled lexicon (format version {@value #VERSION}). Little-endian throughout.
 *
 * <pre>
 * header:  "MSLX" | int formatVersion | int totalLength | int arrayCount | int checksum
 *          | arrayCount x (int offset, int count)
 * checksum: CRC-32C of every byte after the checksum field (the array table and the arrays); version 2 added it
 * arrays (each 4-byte aligned; count is in elements; element = byte, char or int by array):
 *   META          int   name ref, version ref, normalizer version, max reorder window, source count,
 *                       source count x (id ref, description ref)          (a ref is: int offset, int length)
 *   STRINGS       byte  UTF-8 string pool, de-duplicated
 *   WORDS         int   2 per word: char offset in CHARS, length | flags &lt;&lt; 24 (words sorted by String order)
 *   WORD_SLOTS    int   open-addressing table over word chars (Hashing.chars): word id + 1, 0 = empty
 *   CHARS         char  word chars, then abbreviation forms
 *   TERMS         int   8 per term: words offset, word count, text ref, concept, kind &lt;&lt; 16 | source,
 *                       form offset, form length (terms grouped by concept, concepts sorted by id)
 *   TERM_WORDS    int   word ids of each term
 *   CONCEPTS      int   12 per concept: id ref, name ref, group &lt;&lt; 16 | source, codes offset, code count,
 *                       terms offset, term count, cues offset, cue count, 0
 *   CONCEPT_SLOTS int   open-addressing table over id chars: concept index + 1, 0 = empty
 *   CODES         int   6 per code: system ref, code ref, display ref
 *   CUES          int   sorted cue word ids of concepts with ambiguous terms, then of groups
 *   GROUP_CUES    int   2 per SemanticGroup ordinal: offset, count in CUES
 *   NODES         int   2 per trie node (node 0 = root): terms offset, term count in NODE_TERMS
 *   NODE_TERMS    int   term ids ending at each node
 *   EDGES         int   3 per slot of an open-addressing table over (parent, word): parent + 1, word, child
 *   KEYS          int   4 per order-free key: words offset, word count, terms offset, term count
 *   KEY_WORDS     int   sorted content word ids of each key
 *   KEY_TERMS     int   term ids of each key
 *   KEY_SLOTS     int   open-addressing table over key words (Hashing.ints): key + 1, 0 = empty
 *   FUZZY         int   2 per slot: hash of a word or of one of its 1-deletions, word id + 1 (0 = empty)
 * </pre>
 */
final class Format {
    static final byte[] MAGIC = {'M', 'S', 'L', 'X'};
    static final int VERSION = 2;
    static final int HEADER_INTS = 5;
    /** Byte offset of the checksum in the header; the checksum covers the bytes after it. */
    static final int CHECKSUM_AT = 16;

    static final int META = 0;
    static final int STRINGS = 1;
    static final int WORDS = 2;
    static final int WORD_SLOTS = 3;
    static final int CHARS = 4;
    static final int TERMS = 5;
    static final int TERM_WORDS = 6;
    static final int CONCEPTS = 7;
    static final int CONCEPT_SLOTS = 8;
    static final int CODES = 9;
    static final int CUES = 10;
    static final int GROUP_CUES = 11;
    static final int NODES = 12;
    static final int NODE_TERMS = 13;
    static final int EDGES = 14;
    static final int KEYS = 15;
    static final int KEY_WORDS = 16;
    static final int KEY_TERMS = 17;
    static final int KEY_SLOTS = 18;
    static final int FUZZY = 19;
    static final int ARRAY_COUNT = 20;

    static final String[] ARRAY_NAMES = {"META", "STRINGS", "WORDS", "WORD_SLOTS", "CHARS", "TERMS", "TERM_WORDS",
        "CONCEPTS", "CONCEPT_SLOTS", "CODES", "CUES", "GROUP_CUES", "NODES", "NODE_TERMS", "EDGES", "KEYS",
        "KEY_WORDS", "KEY_TERMS", "KEY_SLOTS", "FUZZY"};

    static final int TERM_INTS = 8;
    static final int CONCEPT_INTS = 12;
    static final int CODE_INTS = 6;

    /** Word flag: a stop word. */
    static final int FLAG_STOP = 1;
    /** Word flag: the word occurs in some order-free key. */
    static final int FLAG_REORDER = 2;

    /** Vocabulary words of at least this many chars are in the fuzzy index. */
    static final int FUZZY_MIN_LENGTH = 8;
    /** Extra tokens allowed in a reordered window beyond the term's word count. */
    static final int REORDER_SLACK = 3;

    private Format() {
    }

    static int elementSize(int array) {
        switch (array) {
            case STRINGS: return 1;
            case CHARS: return 2;
            default: return 4;
        }
    }
}
