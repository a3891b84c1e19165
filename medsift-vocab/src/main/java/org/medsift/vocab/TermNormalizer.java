package org.medsift.vocab;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one normalization function shared by lexicon building and matching: it turns a word into a match key.
 * Because the lexicon stores keys made by this class and the matcher looks keys up made by this class, the two
 * can never disagree; a lexicon records {@link #VERSION} and matchers refuse lexicons built with another one.
 *
 * <h2>What a word becomes</h2>
 * <ol>
 *   <li>Lower case: an ASCII fast path, {@link Character#toLowerCase(char)} otherwise.</li>
 *   <li>Latin diacritics are removed ({@code é -> e}, {@code ß -> ss}, {@code æ -> ae}, {@code ø -> o}); combining
 *   marks are dropped. Greek {@code α β γ δ} become {@code alpha beta gamma delta} ("β-blocker").</li>
 *   <li>Apostrophes and periods are dropped, and a possessive {@code 's} with them: {@code Crohn's -> crohn},
 *   {@code b.i.d. -> bid}. (So {@code 1.5} and {@code 15} share a key; numbers rarely occur in terms.)</li>
 *   <li>Words of only ASCII letters, at least {@value #MIN_STEM_LENGTH} chars long, are stemmed by a light English
 *   stemmer tuned for clinical words (below). Words with digits, non-Latin words and shorter words are kept.</li>
 * </ol>
 *
 * <h2>The stemmer</h2>
 * It produces match keys, not dictionary lemmas ({@code headache -> headach}); the rules are chosen so that a word
 * and its plural or inflected forms get the same key:
 * <ul>
 *   <li>An exception table first: irregular and Latin plurals ({@code feet, teeth, women, children, diagnoses,
 *   metastases, bronchi, emboli, vertebrae, bacteria, appendices, indices, varices ...}) map to the key of their
 *   singular; invariant words ({@code diabetes, herpes, rabies, scabies, series, species, measles, pancreas, aids,
 *   morning, evening, during ...}) are kept as they are.</li>
 *   <li>{@code -ies}, {@code -ied} become {@code -i}, and a final {@code -y} becomes {@code -i} ({@code therapies,
 *   therapy -> therapi}; {@code denies, denied, denying, deny -> deni}).</li>
 *   <li>{@code -ae} becomes {@code -a} ({@code vertebrae}); {@code -xes, -ches, -shes, -sses, -zzes} lose
 *   {@code -es}; any other {@code -s} is removed unless the word ends in {@code -ss, -us, -is}.</li>
 *   <li>A final {@code -e} is removed from words of 5 chars or more ({@code disease, diseases -> diseas};
 *   {@code wheeze -> wheez}).</li>
 *   <li>{@code -ing} and {@code -ed} are removed when at least 4 chars remain, undoubling a final double consonant
 *   other than {@code l, s, z} ({@code bleeding -> bleed}, {@code stopped -> stop}, {@code swelling -> swell},
 *   {@code wheezing -> wheez}).</li>
 * </ul>
 *
 * <h2>Stop words</h2>
 * {@link #STOP_WORDS}: {@code a, an, the, of, in, on, at, to, for, with, by}. They are ignored only when matching
 * multi-word terms in another word order ("cancer of the breast" for "breast cancer", "allergy to penicillin" for
 * "penicillin allergy"). {@code and}, {@code or}, {@code no}, {@code not} and {@code without} are deliberately
 * not stop words: they change meaning ("X and Y" combination drugs, "pneumonia without effusion").
 *
 * <p>Thread-safe and stateless; {@link #normalize(CharSequence, int, int, char[])} allocates nothing.
 */
public final class TermNormalizer {
    /**
     * Version of the normalization rules. Lexicons record it; a lexicon built with another version must be
     * rebuilt before matching. Increase it whenever any rule here changes what a word becomes.
     */
    public static final int VERSION = 1;

    /** Normalized words shorter than this are not stemmed. */
    public static final int MIN_STEM_LENGTH = 4;

    /** The stop words, normalized. */
    public static final Set<String> STOP_WORDS = Collections.unmodifiableSet(new TreeSet<>(
            List.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by")));

    /** Trailing SNOMED CT semantic tags removed from terms by {@link #stripSemanticTag(String)}. */
    private static final Set<String> SEMANTIC_TAGS = Set.of("disorder", "finding", "procedure", "substance",
            "body structure", "organism", "product", "medicinal product", "medicinal product form",
            "clinical drug", "observable entity", "situation", "event", "regime/therapy", "qualifier value",
            "physical object", "morphologic abnormality", "specimen", "person", "occupation", "attribute",
            "environment", "record artifact", "assessment scale", "cell", "cell structure", "navigational concept",
            "social concept", "ethnic group", "life style", "disposition", "physical force", "staging scale",
            "tumor staging", "special concept", "namespace concept", "foundation metadata concept",
            "geographic location", "racial group", "religion/philosophy", "inactive concept", "link assertion",
            "linkage concept", "core metadata concept", "metadata", "basic dose form", "dose form",
            "unit of presentation", "role", "state of matter", "intended site", "release characteristic",
            "transformation", "administration method", "supplier", "product name", "number", "context-dependent category",
            "biological function", "administrative concept", "environment / location", "body structure, altered");

    private static final TermNormalizer STANDARD = new TermNormalizer();

    /* Folding of U+00C0..U+024F: one char, or two chars for ligatures (second char in FOLD2, else 0). */
    private static final int FOLD_FIRST = 0xC0;
    private static final int FOLD_LAST = 0x24F;
    private static final char[] FOLD1 = new char[FOLD_LAST - FOLD_FIRST + 1];
    private static final char[] FOLD2 = new char[FOLD_LAST - FOLD_FIRST + 1];

    /* Exception table: word -> key (irregular plurals), or word -> itself (invariants). */
    private static final char[][] EXC_KEYS;
    private static final char[][] EXC_VALUES;
    private static final int EXC_MASK;

    static {
        for (int c = FOLD_FIRST; c <= FOLD_LAST; c++) {
            String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            char base = d.charAt(0);
            char lower = Character.toLowerCase(base);
            FOLD1[c - FOLD_FIRST] = lower < 128 && Character.isLetter(lower) ? lower : Character.toLowerCase((char) c);
        }
        fold2('\u00DF', 's', 's');
        fold2('\u00C6', 'a', 'e');
        fold2('\u00E6', 'a', 'e');
        fold2('\u0152', 'o', 'e');
        fold2('\u0153', 'o', 'e');
        fold2('\u00DE', 't', 'h');
        fold2('\u00FE', 't', 'h');
        fold2('\u0132', 'i', 'j');
        fold2('\u0133', 'i', 'j');
        fold1('\u00D8', 'o');
        fold1('\u00F8', 'o');
        fold1('\u00D0', 'd');
        fold1('\u00F0', 'd');
        fold1('\u0110', 'd');
        fold1('\u0111', 'd');
        fold1('\u0141', 'l');
        fold1('\u0142', 'l');
        fold1('\u0131', 'i');
        fold1('\u0126', 'h');
        fold1('\u0127', 'h');

        String[][] irregular = {
            {"feet", "foot"}, {"teeth", "tooth"}, {"women", "woman"}, {"men", "man"}, {"children", "child"},
            {"mice", "mouse"}, {"lice", "louse"}, {"geese", "goose"}, {"people", "person"},
            {"halves", "half"}, {"calves", "calf"}, {"knives", "knife"}, {"lives", "life"}, {"wives", "wife"},
            {"diagnoses", "diagnosis"}, {"prognoses", "prognosis"}, {"stenoses", "stenosis"},
            {"thromboses", "thrombosis"}, {"fibroses", "fibrosis"}, {"neuroses", "neurosis"},
            {"psychoses", "psychosis"}, {"cirrhoses", "cirrhosis"}, {"necroses", "necrosis"},
            {"anastomoses", "anastomosis"}, {"metastases", "metastasis"}, {"analyses", "analysis"},
            {"dialyses", "dialysis"}, {"paralyses", "paralysis"}, {"prostheses", "prosthesis"},
            {"syntheses", "synthesis"}, {"hypotheses", "hypothesis"}, {"crises", "crisis"}, {"testes", "testis"},
            {"paracenteses", "paracentesis"}, {"thoracenteses", "thoracentesis"},
            {"amniocenteses", "amniocentesis"}, {"arthritides", "arthritis"}, {"scolioses", "scoliosis"},
            {"bronchi", "bronchus"}, {"emboli", "embolus"}, {"thrombi", "thrombus"}, {"fungi", "fungus"},
            {"calculi", "calculus"}, {"nuclei", "nucleus"}, {"alveoli", "alveolus"}, {"bacilli", "bacillus"},
            {"stimuli", "stimulus"}, {"foci", "focus"}, {"nevi", "nevus"}, {"naevi", "naevus"},
            {"villi", "villus"}, {"glomeruli", "glomerulus"}, {"tophi", "tophus"}, {"radii", "radius"},
            {"bacteria", "bacterium"}, {"criteria", "criterion"}, {"ganglia", "ganglion"},
            {"phenomena", "phenomenon"}, {"mitochondria", "mitochondrion"}, {"labia", "labium"},
            {"septa", "septum"}, {"ova", "ovum"},
            {"appendices", "appendix"}, {"indices", "index"}, {"matrices", "matrix"}, {"cervices", "cervix"},
            {"apices", "apex"}, {"vertices", "vertex"}, {"cortices", "cortex"}, {"varices", "varix"},
            {"helices", "helix"},
            {"bled", "bleed"}, {"swollen", "swell"}, {"aches", "ache"}, {"aching", "ache"},
        };
        String[] invariant = {
            "diabetes", "herpes", "rabies", "scabies", "series", "species", "feces", "faeces", "ascites", "caries",
            "menses", "measles", "mumps", "rickets", "shingles", "pancreas", "atlas", "bias", "gas", "lens",
            "news", "aids", "biceps", "triceps", "quadriceps", "forceps", "always", "perhaps", "whereas", "yes",
            "morning", "evening", "ceiling", "during", "nothing", "something", "anything", "everything",
            "string", "spring", "bring", "thing", "herring", "pudding", "hundred", "sacred", "naked",
        };
        int n = irregular.length + invariant.length;
        int cap = Integer.highestOneBit(n * 4);
        EXC_KEYS = new char[cap][];
        EXC_VALUES = new char[cap][];
        EXC_MASK = cap - 1;
        for (String[] pair : irregular) {
            char[] value = pair[1].toCharArray();
            int len = stem(value, value.length);
            putException(pair[0], java.util.Arrays.copyOf(value, len));
        }
        for (String w : invariant) {
            putException(w, w.toCharArray());
        }
    }

    private static void fold1(char c, char a) {
        FOLD1[c - FOLD_FIRST] = a;
    }

    private static void fold2(char c, char a, char b) {
        FOLD1[c - FOLD_FIRST] = a;
        FOLD2[c - FOLD_FIRST] = b;
    }

    private static void putException(String key, char[] value) {
        char[] k = key.toCharArray();
        int slot = Hashing.chars(k, 0, k.length) & EXC_MASK;
        while (EXC_KEYS[slot] != null) {
            slot = (slot + 1) & EXC_MASK;
        }
        EXC_KEYS[slot] = k;
        EXC_VALUES[slot] = value;
    }

    private TermNormalizer() {
    }

    /** The normalizer. */
    public static TermNormalizer standard() {
        return STANDARD;
    }

    /**
     * The largest number of chars {@link #normalize(CharSequence, int, int, char[])} may write for a word of
     * {@code length} chars (Greek letters expand to their names).
     */
    public static int maxNormalizedLength(int length) {
        return length * 5;
    }

    /**
     * Normalizes one word into {@code out}, allocating nothing.
     *
     * @param s   the text
     * @param off offset of the word's first char in {@code s}
     * @param len length of the word in chars; the word should hold no whitespace or separators (see
     *            {@link #isWordChar(char)}), as it is normalized as a whole
     * @param out receives the key from index 0; must hold at least {@link #maxNormalizedLength(int)
     *            maxNormalizedLength(len)} chars
     * @return the key's length, 0 when nothing remains (a word of only apostrophes or periods)
     * @throws IllegalArgumentException when {@code out} is too small
     * @throws IndexOutOfBoundsException when the range is outside {@code s}
     */
    public int normalize(CharSequence s, int off, int len, char[] out) {
        if (out.length < maxNormalizedLength(len)) {
            throw new IllegalArgumentException("scratch buffer of " + out.length + " chars, need "
                    + maxNormalizedLength(len) + " for a word of " + len);
        }
        if (off < 0 || len < 0 || off + len > s.length()) {
            throw new IndexOutOfBoundsException("word [" + off + ", " + (off + len) + ") outside [0, " + s.length()
                    + ")");
        }
        int end = off + len;
        // possessive 's (or 'S): dropped with its apostrophe
        if (len >= 3 && isApostrophe(s.charAt(end - 2)) && (s.charAt(end - 1) == 's' || s.charAt(end - 1) == 'S')) {
            end -= 2;
        }
        int n = 0;
        boolean asciiLetters = true;
        for (int i = off; i < end; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    out[n++] = (char) (c + 32);
                } else if (c >= 'a' && c <= 'z') {
                    out[n++] = c;
                } else if (c == '\'' || c == '.' || c == '`') {
                    continue;
                } else {
                    out[n++] = c;
                    asciiLetters = false;
                }
            } else if (c >= FOLD_FIRST && c <= FOLD_LAST) {
                char a = FOLD1[c - FOLD_FIRST];
                out[n++] = a;
                char b = FOLD2[c - FOLD_FIRST];
                if (b != 0) {
                    out[n++] = b;
                }
                if (a >= 128) {
                    asciiLetters = false;
                }
            } else if (isApostrophe(c) || (c >= '\u0300' && c <= '\u036F')) {
                continue;
            } else {
                int g = greek(c);
                if (g >= 0) {
                    String name = GREEK_NAMES[g];
                    for (int k = 0; k < name.length(); k++) {
                        out[n++] = name.charAt(k);
                    }
                } else {
                    out[n++] = Character.toLowerCase(c);
                    asciiLetters = false;
                }
            }
        }
        if (!asciiLetters) {
            return n;
        }
        int slot = Hashing.chars(out, 0, n) & EXC_MASK;
        for (char[] k = EXC_KEYS[slot]; k != null; k = EXC_KEYS[slot]) {
            if (equal(k, out, n)) {
                char[] v = EXC_VALUES[slot];
                System.arraycopy(v, 0, out, 0, v.length);
                return v.length;
            }
            slot = (slot + 1) & EXC_MASK;
        }
        return stem(out, n);
    }

    private static final String[] GREEK_NAMES = {"alpha", "beta", "gamma", "delta"};

    private static int greek(char c) {
        switch (c) {
            case '\u03B1': case '\u0391': return 0;
            case '\u03B2': case '\u0392': return 1;
            case '\u03B3': case '\u0393': return 2;
            case '\u03B4': case '\u0394': return 3;
            default: return -1;
        }
    }

    private static boolean equal(char[] k, char[] out, int n) {
        if (k.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (k[i] != out[i]) {
                return false;
            }
        }
        return true;
    }

    /** Suffix rules on a lower-case ASCII word in {@code w[0, n)}; returns the new length. */
    private static int stem(char[] w, int n) {
        if (n < MIN_STEM_LENGTH) {
            return n;
        }
        if (n > 4 && ends(w, n, "ies") || n > 4 && ends(w, n, "ied")) {
            return yToI(w, n - 2);
        }
        if (n >= 5 && ends(w, n, "ae")) {
            return n - 1;
        }
        if (ends(w, n, "s")) {
            if (ends(w, n, "xes") || ends(w, n, "ches") || ends(w, n, "shes") || ends(w, n, "sses")
                    || ends(w, n, "zzes")) {
                n -= 2;
            } else if (!ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is")) {
                n -= 1;
            }
        }
        if (n >= 5 && w[n - 1] == 'e') {
            return n - 1;
        }
        if (n >= 7 && ends(w, n, "ing")) {
            return yToI(w, undouble(w, n - 3));
        }
        if (n >= 6 && ends(w, n, "ed")) {
            return yToI(w, undouble(w, n - 2));
        }
        return yToI(w, n);
    }

    private static int yToI(char[] w, int n) {
        if (n >= MIN_STEM_LENGTH && w[n - 1] == 'y') {
            w[n - 1] = 'i';
        }
        return n;
    }

    private static int undouble(char[] w, int n) {
        char c = w[n - 1];
        if (n >= 2 && c == w[n - 2] && c != 'l' && c != 's' && c != 'z' && !isVowel(c)) {
            return n - 1;
        }
        return n;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean ends(char[] w, int n, String suffix) {
        int k = suffix.length();
        if (n < k) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (w[n - k + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }

    /**
     * Whether {@code c} belongs to a word: letters, digits, combining marks, surrogates (kept whole), apostrophes
     * and periods ({@code Crohn's}, {@code b.i.d.}). Every other char separates words, both when terms are split
     * by {@link #words(String)} and when the matcher splits tokens ({@code non-small-cell}, {@code 5/325}).
     */
    public static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\''
                    || c == '.';
        }
        return Character.isLetterOrDigit(c) || isApostrophe(c) || Character.isSurrogate(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Whether a normalized word is a stop word (see the class documentation).
     *
     * @param normalized a key made by this normalizer
     */
    public boolean isStopWord(CharSequence normalized) {
        return STOP_WORDS.contains(normalized.toString());
    }

    /**
     * The key of one word, as a string; convenience for building and tests.
     *
     * @return the key, empty when nothing remains
     */
    public String normalizeWord(String word) {
        char[] out = new char[maxNormalizedLength(word.length())];
        int n = normalize(word, 0, word.length(), out);
        return new String(out, 0, n);
    }

    /**
     * Splits a whole term into normalized words: a trailing SNOMED CT semantic tag is removed (see
     * {@link #stripSemanticTag(String)}), the rest is split at every char that is not a {@linkplain #isWordChar
     * word char} (whitespace, hyphens, slashes, punctuation), and each piece is normalized; pieces that normalize
     * to nothing are dropped. {@code "Non-small cell lung cancer (disorder)" -> [non, small, cell, lung, cancer]}.
     *
     * @return the words in order, empty when the term has none
     */
    public List<String> words(String term) {
        String t = stripSemanticTag(term);
        List<String> words = new ArrayList<>();
        char[] out = new char[maxNormalizedLength(t.length())];
        int i = 0;
        int n = t.length();
        while (i < n) {
            while (i < n && !isWordChar(t.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(t.charAt(i))) {
                i++;
            }
            if (i > start) {
                int len = normalize(t, start, i - start, out);
                if (len > 0) {
                    words.add(new String(out, 0, len));
                }
            }
        }
        return words;
    }

    /**
     * Removes a trailing SNOMED CT semantic tag such as {@code " (disorder)"} or {@code " (body structure)"};
     * other parenthesized endings are kept ({@code "Hepatitis (viral)"} stays as it is).
     *
     * @return the term without the tag, or the term itself
     */
    public static String stripSemanticTag(String term) {
        String t = term.strip();
        if (t.endsWith(")")) {
            int open = t.lastIndexOf('(');
            if (open > 0 && Character.isWhitespace(t.charAt(open - 1))) {
                String tag = t.substring(open + 1, t.length() - 1).strip().toLowerCase(Locale.ROOT);
                if (SEMANTIC_TAGS.contains(tag)) {
                    return t.substring(0, open).strip();
                }
            }
        }
        return t;
    }
}
