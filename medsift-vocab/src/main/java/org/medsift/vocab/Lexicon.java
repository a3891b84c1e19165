package org.medsift.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;

/**
 * A compiled lexicon: concepts, their terms and codes, and the indexes the matcher walks, all inside one
 * {@link ByteBuffer} (usually a memory-mapped file). Opening reads and checks only the header, so a lexicon of
 * any size opens in milliseconds and costs almost no heap; strings are decoded from UTF-8 only when a concept or
 * term is asked for. Built by {@link LexiconBuilder}; the format is described in the package documentation.
 *
 * <h2>Two levels of API</h2>
 * <ul>
 *   <li>Objects, for reports and tools: {@link #findConcept(String)}, {@link #concept(int)}, {@link #term(int)},
 *   {@link #stats()}, {@link #sources()}.</li>
 *   <li>Int ids, for matching without allocation: the normalized word vocabulary ({@link #wordId}), the
 *   ordered-word trie ({@link #ROOT}, {@link #childNode}, {@link #nodeTerm}), the order-free index
 *   ({@link #reorderKey}), the spelling index ({@link #fuzzyWordId}), and term and concept fields by index.
 *   These methods do not check their id arguments beyond what the buffer does; pass ids obtained from this
 *   lexicon.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe (all reads are absolute).
 */
public final class Lexicon {
    /** The format version this reader reads and {@link LexiconBuilder} writes. */
    public static final int FORMAT_VERSION = Format.VERSION;
    /** The trie's root node, where a walk over a word sequence starts. */
    public static final int ROOT = 0;
    /** Returned by id lookups when nothing is found. */
    public static final int NONE = -1;

    private static final TermKind[] KINDS = TermKind.values();
    private static final SemanticGroup[] GROUPS = SemanticGroup.values();

    private final ByteBuffer buf;
    private final int[] offsets = new int[Format.ARRAY_COUNT];
    private final int[] counts = new int[Format.ARRAY_COUNT];
    private final String name;
    private final String version;
    private final int normalizerVersion;
    private final int maxReorderWindow;
    private final List<LexiconSource> sources;
    private final String[] sourceIds;
    private final int checksum;

    // hot offsets, copied out of the arrays above
    private final int words;
    private final int wordSlots;
    private final int wordMask;
    private final int chars;
    private final int terms;
    private final int termWords;
    private final int concepts;
    private final int nodes;
    private final int nodeTerms;
    private final int edges;
    private final int edgeMask;
    private final int keys;
    private final int keyWords;
    private final int keyTerms;
    private final int keySlots;
    private final int keyMask;
    private final int fuzzy;
    private final int fuzzyMask;
    private final int cues;
    private final int groupCues;

    private Lexicon(ByteBuffer buffer) throws LexiconFormatException {
        this.buf = buffer;
        int size = buffer.limit();
        if (size < Format.HEADER_INTS * 4) {
            throw new LexiconFormatException("not a Medsift lexicon: " + size + " bytes, shorter than the header");
        }
        for (int i = 0; i < 4; i++) {
            if (buffer.get(i) != Format.MAGIC[i]) {
                throw new LexiconFormatException("not a Medsift lexicon: magic bytes are " + hex(buffer)
                        + ", expected 4D534C58 (\"MSLX\")");
            }
        }
        int formatVersion = buffer.getInt(4);
        if (formatVersion != Format.VERSION) {
            throw new LexiconFormatException("lexicon format version " + formatVersion
                    + " is not supported: this reader reads version " + Format.VERSION
                    + "; rebuild the lexicon with this Medsift version");
        }
        int total = buffer.getInt(8);
        if (total != size) {
            throw new LexiconFormatException("lexicon is " + size + " bytes but its header says " + total
                    + " (truncated or padded file)");
        }
        int arrayCount = buffer.getInt(12);
        checksum = buffer.getInt(Format.CHECKSUM_AT);
        if (arrayCount != Format.ARRAY_COUNT) {
            throw new LexiconFormatException("lexicon has " + arrayCount + " arrays, format version "
                    + Format.VERSION + " has " + Format.ARRAY_COUNT);
        }
        for (int i = 0; i < Format.ARRAY_COUNT; i++) {
            int off = buffer.getInt((Format.HEADER_INTS + 2 * i) * 4);
            int count = buffer.getInt((Format.HEADER_INTS + 2 * i) * 4 + 4);
            long end = (long) off + (long) count * Format.elementSize(i);
            if (off < 0 || count < 0 || end > size || (off & 3) != 0) {
                throw new LexiconFormatException("lexicon array " + Format.ARRAY_NAMES[i] + " at " + off + " with "
                        + count + " elements lies outside the " + size + "-byte file");
            }
            offsets[i] = off;
            counts[i] = count;
        }
        checkMultiple(Format.WORDS, 2);
        checkMultiple(Format.TERMS, Format.TERM_INTS);
        checkMultiple(Format.CONCEPTS, Format.CONCEPT_INTS);
        checkMultiple(Format.CODES, Format.CODE_INTS);
        checkMultiple(Format.NODES, 2);
        checkMultiple(Format.EDGES, 3);
        checkMultiple(Format.KEYS, 4);
        checkMultiple(Format.FUZZY, 2);
        checkPowerOfTwo(Format.WORD_SLOTS, counts[Format.WORD_SLOTS]);
        checkPowerOfTwo(Format.CONCEPT_SLOTS, counts[Format.CONCEPT_SLOTS]);
        checkPowerOfTwo(Format.EDGES, counts[Format.EDGES] / 3);
        checkPowerOfTwo(Format.KEY_SLOTS, counts[Format.KEY_SLOTS]);
        checkPowerOfTwo(Format.FUZZY, counts[Format.FUZZY] / 2);
        if (counts[Format.NODES] < 2 || counts[Format.GROUP_CUES] != 2 * GROUPS.length) {
            throw new LexiconFormatException("lexicon has no trie root or a group cue table for "
                    + counts[Format.GROUP_CUES] / 2 + " groups, expected " + GROUPS.length);
        }

        words = offsets[Format.WORDS];
        wordSlots = offsets[Format.WORD_SLOTS];
        wordMask = counts[Format.WORD_SLOTS] - 1;
        chars = offsets[Format.CHARS];
        terms = offsets[Format.TERMS];
        termWords = offsets[Format.TERM_WORDS];
        concepts = offsets[Format.CONCEPTS];
        nodes = offsets[Format.NODES];
        nodeTerms = offsets[Format.NODE_TERMS];
        edges = offsets[Format.EDGES];
        edgeMask = counts[Format.EDGES] / 3 - 1;
        keys = offsets[Format.KEYS];
        keyWords = offsets[Format.KEY_WORDS];
        keyTerms = offsets[Format.KEY_TERMS];
        keySlots = offsets[Format.KEY_SLOTS];
        keyMask = counts[Format.KEY_SLOTS] - 1;
        fuzzy = offsets[Format.FUZZY];
        fuzzyMask = counts[Format.FUZZY] / 2 - 1;
        cues = offsets[Format.CUES];
        groupCues = offsets[Format.GROUP_CUES];

        int m = offsets[Format.META];
        name = string(buf.getInt(m), buf.getInt(m + 4));
        version = string(buf.getInt(m + 8), buf.getInt(m + 12));
        normalizerVersion = buf.getInt(m + 16);
        maxReorderWindow = buf.getInt(m + 20);
        int sourceCount = buf.getInt(m + 24);
        List<LexiconSource> src = new ArrayList<>(sourceCount);
        sourceIds = new String[sourceCount];
        for (int i = 0; i < sourceCount; i++) {
            int p = m + 28 + i * 16;
            sourceIds[i] = string(buf.getInt(p), buf.getInt(p + 4));
            src.add(new LexiconSource(sourceIds[i], string(buf.getInt(p + 8), buf.getInt(p + 12))));
        }
        sources = List.copyOf(src);
    }

    private void checkMultiple(int array, int n) throws LexiconFormatException {
        if (counts[array] % n != 0) {
            throw new LexiconFormatException("lexicon array " + Format.ARRAY_NAMES[array] + " has " + counts[array]
                    + " ints, not a multiple of " + n);
        }
    }

    private static void checkPowerOfTwo(int array, int n) throws LexiconFormatException {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new LexiconFormatException("lexicon hash table " + Format.ARRAY_NAMES[array] + " has " + n
                    + " slots, expected a power of two");
        }
    }

    private static String hex(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("%02X", b.get(i) & 0xFF));
        }
        return sb.toString();
    }

    /**
     * Memory-maps a compiled lexicon file (read-only). The mapping stays valid after the channel is closed and is
     * released when the lexicon is garbage-collected.
     *
     * @throws LexiconFormatException when the file is not a lexicon of format {@link #FORMAT_VERSION}
     * @throws IOException            when it cannot be read
     */
    public static Lexicon open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new LexiconFormatException(file + " is " + size + " bytes; lexicons are at most 2 GiB");
            }
            return wrap(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    /**
     * Reads a compiled lexicon from a stream (for example a class-path resource) into a heap buffer and verifies
     * its checksum. The stream is read to its end and not closed.
     *
     * @throws LexiconFormatException when the bytes are not a lexicon of format {@link #FORMAT_VERSION} or do not
     *                                match their checksum
     */
    public static Lexicon read(InputStream in) throws IOException {
        Lexicon lex = wrap(ByteBuffer.wrap(in.readAllBytes()));
        lex.verifyChecksum();
        return lex;
    }

    /**
     * A lexicon over the buffer's bytes from its position to its limit. The buffer's content must not change
     * afterwards; its position, limit and byte order are not modified.
     *
     * @throws LexiconFormatException when the bytes are not a lexicon of format {@link #FORMAT_VERSION}
     */
    public static Lexicon wrap(ByteBuffer buffer) throws LexiconFormatException {
        return new Lexicon(buffer.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private String string(int off, int len) {
        byte[] b = new byte[len];
        buf.get(offsets[Format.STRINGS] + off, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private int intAt(int array, int index) {
        return buf.getInt(offsets[array] + index * 4);
    }

    // ---------------------------------------------------------------------------------------------------------
    // metadata

    /** The lexicon's name ({@code medsift-default}). */
    public String name() {
        return name;
    }

    /** The lexicon's version, as given to the builder. */
    public String version() {
        return version;
    }

    /** The {@link TermNormalizer#VERSION} the lexicon was built with; matching needs the same. */
    public int normalizerVersion() {
        return normalizerVersion;
    }

    /** The sources the lexicon was built from, in the order they were added. */
    public List<LexiconSource> sources() {
        return sources;
    }

    /** The id of the source with this index (as stored in terms and concepts). */
    public String sourceId(int sourceIndex) {
        return sourceIds[sourceIndex];
    }

    /** Number of concepts. */
    public int conceptCount() {
        return counts[Format.CONCEPTS] / Format.CONCEPT_INTS;
    }

    /** Number of terms. */
    public int termCount() {
        return counts[Format.TERMS] / Format.TERM_INTS;
    }

    /** Number of distinct normalized words. */
    public int vocabularySize() {
        return counts[Format.WORDS] / 2;
    }

    /** The CRC-32C stored in the header (of every byte after the checksum field). */
    public int checksum() {
        return checksum;
    }

    /**
     * Recomputes the CRC-32C of the file and compares it with the header's. Reads every byte (a few hundred
     * milliseconds for a UMLS-size lexicon), so {@link #open} does not do it; {@link #read} does, and
     * {@code medsift lexicon build} and {@code stats} do.
     *
     * @throws LexiconFormatException when the bytes do not match the checksum (a corrupted or edited file)
     */
    public void verifyChecksum() throws LexiconFormatException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        ByteBuffer b = buf.duplicate();
        b.position(Format.CHECKSUM_AT + 4);
        crc.update(b);
        int computed = (int) crc.getValue();
        if (computed != checksum) {
            throw new LexiconFormatException(String.format(java.util.Locale.ROOT, "lexicon checksum mismatch: "
                    + "header says %08X, the bytes give %08X (corrupted file; rebuild it)", checksum, computed));
        }
    }

    /** Size of the compiled lexicon in bytes. */
    public int sizeInBytes() {
        return buf.limit();
    }

    /** Counts by group, code system, source and kind. Scans the concept and term tables (no caching). */
    public LexiconStats stats() {
        Map<SemanticGroup, Integer> conceptsByGroup = new EnumMap<>(SemanticGroup.class);
        Map<SemanticGroup, Integer> termsByGroup = new EnumMap<>(SemanticGroup.class);
        Map<String, Integer> withCode = new TreeMap<>();
        Map<String, Integer> conceptsBySource = new TreeMap<>();
        Map<String, Integer> termsBySource = new TreeMap<>();
        Map<TermKind, Integer> termsByKind = new EnumMap<>(TermKind.class);
        Map<Integer, String> systems = new TreeMap<>();
        int cc = conceptCount();
        for (int c = 0; c < cc; c++) {
            int base = concepts + c * Format.CONCEPT_INTS * 4;
            int gs = buf.getInt(base + 16);
            conceptsByGroup.merge(GROUPS[gs >>> 16], 1, Integer::sum);
            conceptsBySource.merge(sourceIds[gs & 0xFFFF], 1, Integer::sum);
            termsByGroup.merge(GROUPS[gs >>> 16], buf.getInt(base + 32), Integer::sum);
            int codesOff = buf.getInt(base + 20);
            int codeCount = buf.getInt(base + 24);
            List<Integer> seen = new ArrayList<>(codeCount);
            for (int k = 0; k < codeCount; k++) {
                int p = (codesOff + k) * Format.CODE_INTS;
                int sysOff = intAt(Format.CODES, p);
                if (!seen.contains(sysOff)) {
                    seen.add(sysOff);
                    String system = systems.computeIfAbsent(sysOff, o -> string(o, intAt(Format.CODES, p + 1)));
                    withCode.merge(system, 1, Integer::sum);
                }
            }
        }
        int tc = termCount();
        for (int t = 0; t < tc; t++) {
            int ks = buf.getInt(terms + (t * Format.TERM_INTS + 5) * 4);
            termsByKind.merge(KINDS[ks >>> 16], 1, Integer::sum);
            termsBySource.merge(sourceIds[ks & 0xFFFF], 1, Integer::sum);
        }
        return new LexiconStats(tc, cc, vocabularySize(), conceptsByGroup, termsByGroup, withCode,
                conceptsBySource, termsBySource, termsByKind);
    }

    @Override
    public String toString() {
        return "Lexicon[" + name + "@" + version + ", " + conceptCount() + " concepts, " + termCount() + " terms]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // concepts and terms as objects

    /**
     * The concept with this id ({@code SNOMEDCT:22298006}), or empty. Allocates the decoded concept.
     */
    public Optional<ConceptInfo> findConcept(String conceptId) {
        int c = conceptIndex(conceptId);
        return c < 0 ? Optional.empty() : Optional.of(concept(c));
    }

    /** Index of the concept with this id, or {@link #NONE}. */
    public int conceptIndex(String conceptId) {
        byte[] want = conceptId.getBytes(StandardCharsets.UTF_8);
        int mask = counts[Format.CONCEPT_SLOTS] - 1;
        int slot = Hashing.chars(conceptId, 0, conceptId.length()) & mask;
        int strings = offsets[Format.STRINGS];
        for (int v = intAt(Format.CONCEPT_SLOTS, slot); v != 0; v = intAt(Format.CONCEPT_SLOTS, slot)) {
            int base = concepts + (v - 1) * Format.CONCEPT_INTS * 4;
            int off = buf.getInt(base);
            int len = buf.getInt(base + 4);
            if (len == want.length) {
                boolean same = true;
                for (int i = 0; i < len && same; i++) {
                    same = buf.get(strings + off + i) == want[i];
                }
                if (same) {
                    return v - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
        return NONE;
    }

    /**
     * The concept with this index, decoded.
     *
     * @throws IndexOutOfBoundsException when the index is outside {@code [0, conceptCount())}
     */
    public ConceptInfo concept(int conceptIndex) {
        checkIndex(conceptIndex, conceptCount(), "concept");
        int base = concepts + conceptIndex * Format.CONCEPT_INTS * 4;
        int gs = buf.getInt(base + 16);
        int codesOff = buf.getInt(base + 20);
        int codeCount = buf.getInt(base + 24);
        List<Code> codes = new ArrayList<>(codeCount);
        for (int k = 0; k < codeCount; k++) {
            int p = (codesOff + k) * Format.CODE_INTS;
            codes.add(new Code(string(intAt(Format.CODES, p), intAt(Format.CODES, p + 1)),
                    string(intAt(Format.CODES, p + 2), intAt(Format.CODES, p + 3)),
                    string(intAt(Format.CODES, p + 4), intAt(Format.CODES, p + 5))));
        }
        return new ConceptInfo(conceptIndex, string(buf.getInt(base), buf.getInt(base + 4)),
                string(buf.getInt(base + 8), buf.getInt(base + 12)), GROUPS[gs >>> 16], codes,
                sourceIds[gs & 0xFFFF]);
    }

    /** The terms of a concept, decoded, in the order they were added (the preferred name first). */
    public List<TermInfo> conceptTerms(int conceptIndex) {
        checkIndex(conceptIndex, conceptCount(), "concept");
        int base = concepts + conceptIndex * Format.CONCEPT_INTS * 4;
        int first = buf.getInt(base + 28);
        int n = buf.getInt(base + 32);
        List<TermInfo> list = new ArrayList<>(n);
        for (int t = first; t < first + n; t++) {
            list.add(term(t));
        }
        return list;
    }

    /**
     * The term with this index, decoded.
     *
     * @throws IndexOutOfBoundsException when the index is outside {@code [0, termCount())}
     */
    public TermInfo term(int termIndex) {
        checkIndex(termIndex, termCount(), "term");
        int n = termWordCount(termIndex);
        List<String> ws = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ws.add(word(termWord(termIndex, i)));
        }
        return new TermInfo(termIndex, termText(termIndex), ws, termKind(termIndex), termConcept(termIndex),
                sourceIds[termSource(termIndex)]);
    }

    private static void checkIndex(int i, int n, String what) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(what + " " + i + " outside [0, " + n + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // vocabulary

    /**
     * Id of a normalized word (as made by {@link TermNormalizer}), or {@link #NONE} when it is not in the
     * vocabulary. Allocates nothing.
     */
    public int wordId(CharSequence normalized, int off, int len) {
        int slot = Hashing.chars(normalized, off, len) & wordMask;
        for (int v = buf.getInt(wordSlots + slot * 4); v != 0; v = buf.getInt(wordSlots + slot * 4)) {
            int rec = words + (v - 1) * 8;
            if ((buf.getInt(rec + 4) & 0xFFFFFF) == len) {
                int c = chars + buf.getInt(rec) * 2;
                int i = 0;
                while (i < len && buf.getChar(c + i * 2) == normalized.charAt(off + i)) {
                    i++;
                }
                if (i == len) {
                    return v - 1;
                }
            }
            slot = (slot + 1) & wordMask;
        }
        return NONE;
    }

    /** As {@link #wordId(CharSequence, int, int)}, for a word in a char array. Allocates nothing. */
    public int wordId(char[] normalized, int off, int len) {
        int slot = Hashing.chars(normalized, off, len) & wordMask;
        for (int v = buf.getInt(wordSlots + slot * 4); v != 0; v = buf.getInt(wordSlots + slot * 4)) {
            if (wordEquals(v - 1, normalized, off, len)) {
                return v - 1;
            }
            slot = (slot + 1) & wordMask;
        }
        return NONE;
    }

    /**
     * Normalizes a word of raw text with {@link TermNormalizer#standard()} and looks it up. Allocates nothing.
     *
     * @param scratch at least {@link TermNormalizer#maxNormalizedLength(int) maxNormalizedLength(len)} chars; holds
     *                the normalized word afterwards
     * @return the word id, or {@link #NONE}
     */
    public int lookupWord(CharSequence text, int off, int len, char[] scratch) {
        int n = TermNormalizer.standard().normalize(text, off, len, scratch);
        return n == 0 ? NONE : wordId(scratch, 0, n);
    }

    private boolean wordEquals(int wordId, char[] s, int off, int len) {
        int rec = words + wordId * 8;
        if ((buf.getInt(rec + 4) & 0xFFFFFF) != len) {
            return false;
        }
        int c = chars + buf.getInt(rec) * 2;
        for (int i = 0; i < len; i++) {
            if (buf.getChar(c + i * 2) != s[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** The normalized word with this id (allocates the string). */
    public String word(int wordId) {
        int rec = words + wordId * 8;
        int len = buf.getInt(rec + 4) & 0xFFFFFF;
        int c = chars + buf.getInt(rec) * 2;
        char[] cs = new char[len];
        for (int i = 0; i < len; i++) {
            cs[i] = buf.getChar(c + i * 2);
        }
        return new String(cs);
    }

    /** Length of the normalized word with this id. */
    public int wordLength(int wordId) {
        return buf.getInt(words + wordId * 8 + 4) & 0xFFFFFF;
    }

    /** Whether the word is a stop word ({@link TermNormalizer#STOP_WORDS}; always in the vocabulary). */
    public boolean isStopWord(int wordId) {
        return (buf.getInt(words + wordId * 8 + 4) >>> 24 & Format.FLAG_STOP) != 0;
    }

    /** Whether the word occurs in some order-free key, i.e. can take part in a reordered match. */
    public boolean isReorderWord(int wordId) {
        return (buf.getInt(words + wordId * 8 + 4) >>> 24 & Format.FLAG_REORDER) != 0;
    }

    /**
     * The one vocabulary word within edit distance 1 (one insertion, deletion, substitution or transposition of
     * adjacent chars) of a normalized word of at least 8 ASCII letters that is not itself in the vocabulary. Only
     * vocabulary words of 8 letters or more are candidates. A word of exactly 7 letters is taken only for the one
     * 7-letter vocabulary word it becomes by swapping two adjacent letters ({@code porgraf} for {@code prograf}),
     * found by looking each swap up (the fuzzy index holds no 7-letter words). Allocates nothing; the array is
     * restored before returning.
     *
     * @return the word id, or {@link #NONE} when there is no such word, or more than one (ambiguous spelling),
     *         or the word is shorter than 7 chars
     */
    public int fuzzyWordId(char[] normalized, int off, int len) {
        if (len == TRANSPOSITION_LENGTH) {
            return transposedWordId(normalized, off, len);
        }
        if (len < Format.FUZZY_MIN_LENGTH) {
            return NONE;
        }
        int found = NONE;
        for (int skip = off - 1; skip < off + len; skip++) {
            int h = skip < off ? Hashing.chars(normalized, off, len) : Hashing.charsSkipping(normalized, off, len,
                    skip);
            int slot = h & fuzzyMask;
            for (int v = buf.getInt(fuzzy + slot * 8 + 4); v != 0; v = buf.getInt(fuzzy + slot * 8 + 4)) {
                int w = v - 1;
                if (buf.getInt(fuzzy + slot * 8) == h && w != found && withinOneEdit(w, normalized, off, len)) {
                    if (found != NONE) {
                        return NONE;
                    }
                    found = w;
                }
                slot = (slot + 1) & fuzzyMask;
            }
        }
        return found;
    }

    /** Words of this many letters are matched by one adjacent transposition only ({@link #fuzzyWordId}). */
    private static final int TRANSPOSITION_LENGTH = 7;

    /** The one vocabulary word that {@code s[off, off+len)} becomes by one adjacent swap of letters, or NONE. */
    private int transposedWordId(char[] s, int off, int len) {
        int found = NONE;
        for (int i = off; i + 1 < off + len; i++) {
            char a = s[i];
            char b = s[i + 1];
            if (a == b || !isAsciiLetter(a) || !isAsciiLetter(b)) {
                continue;
            }
            s[i] = b;
            s[i + 1] = a;
            int w = wordId(s, off, len);
            s[i] = a;
            s[i + 1] = b;
            if (w >= 0 && w != found) {
                if (found != NONE) {
                    return NONE;
                }
                found = w;
            }
        }
        return found;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Optimal string alignment distance <= 1 between a vocabulary word and {@code s[off, off+len)}. */
    private boolean withinOneEdit(int wordId, char[] s, int off, int len) {
        int rec = words + wordId * 8;
        int n = buf.getInt(rec + 4) & 0xFFFFFF;
        int c = chars + buf.getInt(rec) * 2;
        if (Math.abs(n - len) > 1) {
            return false;
        }
        int i = 0;
        int m = Math.min(n, len);
        while (i < m && buf.getChar(c + i * 2) == s[off + i]) {
            i++;
        }
        if (i == m) {
            return true; // equal, or one char appended
        }
        if (n == len) {
            boolean sub = true;
            for (int k = i + 1; k < n && sub; k++) {
                sub = buf.getChar(c + k * 2) == s[off + k];
            }
            if (sub) {
                return true;
            }
            if (i + 1 < n && buf.getChar(c + i * 2) == s[off + i + 1] && buf.getChar(c + (i + 1) * 2) == s[off + i]) {
                for (int k = i + 2; k < n; k++) {
                    if (buf.getChar(c + k * 2) != s[off + k]) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        if (n > len) { // vocabulary word has one more char at i
            for (int k = i; k < len; k++) {
                if (buf.getChar(c + (k + 1) * 2) != s[off + k]) {
                    return false;
                }
            }
            return true;
        }
        for (int k = i; k < n; k++) { // text word has one more char at i
            if (buf.getChar(c + k * 2) != s[off + k + 1]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // ordered-word trie

    /**
     * The node reached from {@code node} by the word, or {@link #NONE}. Start at {@link #ROOT} with a term's first
     * word. Allocates nothing.
     */
    public int childNode(int node, int wordId) {
        int slot = Hashing.edge(node, wordId) & edgeMask;
        int parent = node + 1;
        for (int p = buf.getInt(edges + slot * 12); p != 0; p = buf.getInt(edges + slot * 12)) {
            if (p == parent && buf.getInt(edges + slot * 12 + 4) == wordId) {
                return buf.getInt(edges + slot * 12 + 8);
            }
            slot = (slot + 1) & edgeMask;
        }
        return NONE;
    }

    /** Number of terms whose word sequence ends exactly at this node. */
    public int nodeTermCount(int node) {
        return buf.getInt(nodes + node * 8 + 4);
    }

    /** The {@code i}-th term (in term order) whose word sequence ends at this node. */
    public int nodeTerm(int node, int i) {
        return buf.getInt(nodeTerms + (buf.getInt(nodes + node * 8) + i) * 4);
    }

    // ---------------------------------------------------------------------------------------------------------
    // order-free index

    /**
     * The largest window, in words, in which a reordered term may be found: the longest indexed term's word
     * count plus 3. 0 when nothing is indexed.
     */
    public int maxReorderWindow() {
        return maxReorderWindow;
    }

    /**
     * The order-free key with exactly these content words (no stop words), sorted ascending, or {@link #NONE}.
     * Only multi-word {@link TermKind#NAME} and {@link TermKind#BRAND} terms with two or more content words are
     * indexed. Allocates nothing.
     */
    public int reorderKey(int[] sortedWordIds, int len) {
        int slot = Hashing.ints(sortedWordIds, 0, len) & keyMask;
        for (int v = buf.getInt(keySlots + slot * 4); v != 0; v = buf.getInt(keySlots + slot * 4)) {
            int rec = keys + (v - 1) * 16;
            if (buf.getInt(rec + 4) == len) {
                int w = keyWords + buf.getInt(rec) * 4;
                int i = 0;
                while (i < len && buf.getInt(w + i * 4) == sortedWordIds[i]) {
                    i++;
                }
                if (i == len) {
                    return v - 1;
                }
            }
            slot = (slot + 1) & keyMask;
        }
        return NONE;
    }

    /** Number of terms with this order-free key. */
    public int reorderTermCount(int key) {
        return buf.getInt(keys + key * 16 + 12);
    }

    /** The {@code i}-th term with this order-free key. */
    public int reorderTerm(int key, int i) {
        return buf.getInt(keyTerms + (buf.getInt(keys + key * 16 + 8) + i) * 4);
    }

    // ---------------------------------------------------------------------------------------------------------
    // term and concept fields by index (no allocation, except termText)

    /** Number of normalized words of a term. */
    public int termWordCount(int term) {
        return buf.getInt(terms + (term * Format.TERM_INTS + 1) * 4);
    }

    /** The {@code i}-th word id of a term. */
    public int termWord(int term, int i) {
        return buf.getInt(termWords + (buf.getInt(terms + term * Format.TERM_INTS * 4) + i) * 4);
    }

    /** The term's text as listed by its source (decoded; allocates). */
    public String termText(int term) {
        int base = terms + term * Format.TERM_INTS * 4;
        return string(buf.getInt(base + 8), buf.getInt(base + 12));
    }

    /** Index of the term's concept. */
    public int termConcept(int term) {
        return buf.getInt(terms + (term * Format.TERM_INTS + 4) * 4);
    }

    /** The term's kind. */
    public TermKind termKind(int term) {
        return KINDS[buf.getInt(terms + (term * Format.TERM_INTS + 5) * 4) >>> 16];
    }

    /** Index of the term's source in {@link #sources()}. */
    public int termSource(int term) {
        return buf.getInt(terms + (term * Format.TERM_INTS + 5) * 4) & 0xFFFF;
    }

    /**
     * Length of the term's written form: the letters and digits of an {@link TermKind#ABBREVIATION} or
     * {@link TermKind#AMBIGUOUS} term as written ({@code "T2 DM" -> "T2DM"}); 0 for other kinds.
     */
    public int termFormLength(int term) {
        return buf.getInt(terms + (term * Format.TERM_INTS + 7) * 4);
    }

    /** The {@code i}-th char of the term's written form. */
    public char termFormChar(int term, int i) {
        return buf.getChar(chars + (buf.getInt(terms + (term * Format.TERM_INTS + 6) * 4) + i) * 2);
    }

    /** The semantic group of a concept. */
    public SemanticGroup conceptGroup(int concept) {
        return GROUPS[buf.getInt(concepts + concept * Format.CONCEPT_INTS * 4 + 16) >>> 16];
    }

    /**
     * Whether the word supports an ambiguous form of this concept: it is a content word of one of the concept's
     * other terms. Only concepts with {@link TermKind#AMBIGUOUS} terms have cue words. Binary search.
     */
    public boolean isConceptCue(int concept, int wordId) {
        int base = concepts + concept * Format.CONCEPT_INTS * 4;
        return sortedContains(buf.getInt(base + 36), buf.getInt(base + 40), wordId);
    }

    /** Whether the word is a context cue for ambiguous forms of concepts of this group. Binary search. */
    public boolean isGroupCue(SemanticGroup group, int wordId) {
        int p = groupCues + group.ordinal() * 8;
        return sortedContains(buf.getInt(p), buf.getInt(p + 4), wordId);
    }

    private boolean sortedContains(int off, int len, int value) {
        int lo = 0;
        int hi = len - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = buf.getInt(cues + (off + mid) * 4);
            if (v < value) {
                lo = mid + 1;
            } else if (v > value) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
