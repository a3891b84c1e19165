package org.medsift.nlp.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenTable;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.TermNormalizer;

/**
 * Finds the terms of a {@link Lexicon} in text and reports them as {@link ConceptMention}s
 * ({@link Layers#CONCEPTS}). Requires {@link Layers#TOKENS} and {@link Layers#SENTENCES}; also sets each
 * single-word token's {@link TokenTable#normId} to its id in the lexicon vocabulary.
 *
 * <h2>Words</h2>
 * Each token is split into words at every char that is not a {@linkplain TermNormalizer#isWordChar word char}
 * ({@code non-small-cell} is three words, {@code n/v/d} three) and each word is normalized with
 * {@link TermNormalizer}, exactly as lexicon terms were; so case, hyphens and slashes, plurals and inflections do
 * not matter. A match must begin at a token's first word and end at a token's last word: {@code small cell lung
 * cancer} is not found inside {@code non-small-cell lung cancer}. One exception: a DRUG concept's name or
 * unambiguous abbreviation (in order, not fuzzy, at least {@value #MIN_HYPHEN_PART} letters and digits) may also
 * begin right after or end right before a hyphen inside a token, because case reports and notes name drugs inside
 * compounds ({@code cisplatin-induced}, {@code HD-MTX}, {@code 5-FU-based}, {@code phenol-glycerine}); not after
 * {@code non-}, {@code anti-}, {@code pre-}, {@code post-}, {@code pseudo-}, {@code un-}, nor before a word saying
 * the drug is not taken or not tolerated, or that describe a condition ({@code -naive}, {@code -free},
 * {@code -resistant}, {@code -allergic}, {@code -intolerant}, {@code -like}, {@code -dependent} ...); a name must be
 * written as the term is, up to case (no inflection: the brand Align is not in {@code well-aligned}). The mention's
 * char span is the drug part; its tokens are the whole compound. Tokens without letters or digits are skipped
 * ({@code -}, {@code /}, {@code %}, {@code +}) except the barriers {@code . , ; : ! ? ( ) [ ] { } " | …}, which no
 * match crosses. No match crosses a sentence boundary.
 *
 * <h2>How terms match, and confidence</h2>
 * <ul>
 *   <li>{@link MatchKind#EXACT} (0.95): a {@code NAME} or {@code BRAND} term's words in order.</li>
 *   <li>{@link MatchKind#REORDERED} (0.85): a {@code NAME}/{@code BRAND} term with two or more content words,
 *   its content words in another order or with other stop words ({@code cancer of the breast} for
 *   {@code breast cancer}), in a window of at most the term's word count + 3 words that holds only those words
 *   and stop words.</li>
 *   <li>{@link MatchKind#ABBREVIATION} (0.90): an {@code ABBREVIATION} term whose letters and digits appear
 *   exactly as written ({@code CHF}), or all in upper case for a mixed-case term ({@code HBA1C} for
 *   {@code HbA1c}). {@code chf} and {@code Chf} do not match {@code CHF}.</li>
 *   <li>{@link MatchKind#AMBIGUOUS_ABBREVIATION} (0.70): an {@code AMBIGUOUS} term ({@code MS}, {@code RA},
 *   {@code PT}, {@code CA}) written as an abbreviation is (never in lower case), and only when the context supports
 *   its concept. The context is the sentence and the two sentences before and after it. Each word there that is a
 *   content word of one of the concept's other terms scores 2 ({@code sclerosis} for multiple sclerosis), each
 *   cue word of the concept's semantic group scores 1 ({@code mg}, {@code daily} for drugs; {@code relapse},
 *   {@code diagnosis} for disorders; the cue lists are compiled into the lexicon). A sense fires when it scores
 *   above 0 and strictly above every other sense of the same form at the same place; otherwise nothing is
 *   reported.</li>
 *   <li>{@link MatchKind#FUZZY} (0.60): a {@code NAME}/{@code BRAND} match (in order or reordered) in which a
 *   word of 8 letters or more that is not in the vocabulary was taken for the only vocabulary word within one
 *   edit (insertion, deletion, substitution or adjacent transposition), e.g. {@code pneumonai}; or a word of
 *   exactly 7 letters for the only 7-letter vocabulary word it becomes by swapping two adjacent letters, and then
 *   only in an in-order match of a DRUG concept's name or brand ({@code porgraf} for Prograf). Abbreviations
 *   never match fuzzily.</li>
 * </ul>
 *
 * <h2>Overlaps</h2>
 * Candidates are ranked by covered length (longest first), then confidence. A candidate that overlaps a better
 * one is dropped, so by default mentions never overlap: {@code breast cancer} is reported, {@code breast}
 * inside it is not. With {@code keepNested}, a candidate nested inside (or equal in span to) a better one of a
 * <em>different</em> semantic group is kept as well ({@code breast} as ANATOMY inside {@code breast cancer} as
 * DISORDER); crossing candidates are still dropped. Candidates with exactly the same span and match kind for
 * different concepts are all kept: lexical ambiguity between full names is reported, not guessed.
 *
 * <p>Each mention's {@code source} is {@code lexicon:<name>@<version>/<source id of the term>}. Mentions are
 * sorted by start, then longest first, then confidence, then concept id.
 *
 * <p>Immutable and thread-safe. Scratch arrays come from the {@link Workspace}; the scan allocates nothing per
 * token (only the mentions it reports, and a grown scratch array for an unusually large document).
 */
public final class LexiconMatcher implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "lexicon";

    private static final MatchKind[] KINDS = MatchKind.values();
    private static final double[] CONFIDENCE = new double[KINDS.length];
    /** Rank of a match kind when candidates of the same length compete: lower wins. */
    private static final int[] RANK = new int[KINDS.length];

    static {
        CONFIDENCE[MatchKind.EXACT.ordinal()] = 0.95;
        CONFIDENCE[MatchKind.ABBREVIATION.ordinal()] = 0.90;
        CONFIDENCE[MatchKind.REORDERED.ordinal()] = 0.85;
        CONFIDENCE[MatchKind.AMBIGUOUS_ABBREVIATION.ordinal()] = 0.70;
        CONFIDENCE[MatchKind.FUZZY.ordinal()] = 0.60;
        RANK[MatchKind.EXACT.ordinal()] = 0;
        RANK[MatchKind.ABBREVIATION.ordinal()] = 1;
        RANK[MatchKind.REORDERED.ordinal()] = 2;
        RANK[MatchKind.AMBIGUOUS_ABBREVIATION.ordinal()] = 3;
        RANK[MatchKind.FUZZY.ordinal()] = 4;
    }

    /** Sentences on each side of a sentence that give context to ambiguous forms. */
    static final int CONTEXT_SENTENCES = 2;

    private static final int BARRIER = -2;
    private static final byte TOKEN_FIRST = 1;
    private static final byte TOKEN_LAST = 2;
    private static final byte FUZZY = 4;
    /** A fuzzy word of 7 letters (one transposition): only drug names may take it. */
    private static final byte FUZZY_SHORT = 8;
    /** A word right after a hyphen inside its token ({@code MTX} in {@code HD-MTX}). */
    private static final byte AFTER_HYPHEN = 16;
    /** A word right before a hyphen inside its token ({@code cisplatin} in {@code cisplatin-induced}). */
    private static final byte BEFORE_HYPHEN = 32;
    /** Fewest letters and digits of a drug name matched inside a hyphenated token. */
    static final int MIN_HYPHEN_PART = 3;
    /**
     * Words that, joined by a hyphen after a drug name, say the patient does not take it or reacts against it
     * ({@code opioid-naive}, {@code insulin-resistant}, {@code penicillin-allergic}): no drug mention there.
     */
    private static final String[] NOT_TAKEN_SUFFIXES = {"naive", "na\u00efve", "free", "resistant", "resistance",
        "sensitive", "sensitivity", "susceptible", "allergic", "allergy", "intolerant", "intolerance", "like",
        "refractory", "negative", "unresponsive", "dependent", "dependant"};
    /** Prefixes joined by a hyphen before a drug name that make the compound something else ({@code non-insulin}). */
    private static final String[] NOT_DRUG_PREFIXES = {"non", "anti", "pre", "post", "pseudo", "un"};

    private static final Workspace.Key<Scratch> SCRATCH = Workspace.Key.of(Scratch::new);
    private static final Comparator<ConceptMention> ORDER = Comparator.comparingInt(ConceptMention::start)
            .thenComparing(Comparator.comparingInt(ConceptMention::end).reversed())
            .thenComparing(Comparator.comparingDouble(ConceptMention::confidence).reversed())
            .thenComparing(ConceptMention::conceptId);

    private final Lexicon lexicon;
    private final boolean keepNested;
    private final String[] sourceLabels;
    private final TermNormalizer normalizer = TermNormalizer.standard();
    private final AtomicReferenceArray<ConceptInfo> conceptCache;
    private final AtomicReferenceArray<String> termTextCache;

    /** A matcher that reports no overlapping mentions. */
    public LexiconMatcher(Lexicon lexicon) {
        this(lexicon, false);
    }

    /**
     * A matcher over {@code lexicon}.
     *
     * @param keepNested also report mentions nested in a longer mention of a different semantic group
     * @throws PipelineConfigurationException when the lexicon was built with another {@link TermNormalizer#VERSION}
     */
    public LexiconMatcher(Lexicon lexicon, boolean keepNested) {
        if (lexicon.normalizerVersion() != TermNormalizer.VERSION) {
            throw new PipelineConfigurationException("lexicon " + lexicon.name() + "@" + lexicon.version()
                    + " was built with term normalizer version " + lexicon.normalizerVersion()
                    + ", but this matcher normalizes with version " + TermNormalizer.VERSION
                    + "; rebuild the lexicon");
        }
        this.lexicon = lexicon;
        this.conceptCache = new AtomicReferenceArray<>(lexicon.conceptCount());
        this.termTextCache = new AtomicReferenceArray<>(lexicon.termCount());
        this.keepNested = keepNested;
        this.sourceLabels = new String[lexicon.sources().size()];
        for (int i = 0; i < sourceLabels.length; i++) {
            sourceLabels[i] = "lexicon:" + lexicon.name() + "@" + lexicon.version() + "/" + lexicon.sourceId(i);
        }
    }

    /** The lexicon matched against. */
    public Lexicon lexicon() {
        return lexicon;
    }

    /** Whether nested mentions of other groups are kept. */
    public boolean keepsNested() {
        return keepNested;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.SENTENCES);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.CONCEPTS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        String text = doc.text().content();
        TokenTable tokens = doc.require(Layers.TOKENS);
        SpanTable sentences = doc.require(Layers.SENTENCES);
        Scratch s = workspace.get(SCRATCH);
        s.reset(sentences.size());
        for (int sent = 0; sent < sentences.size(); sent++) {
            s.sentFirst[sent] = s.units;
            for (int t = sentences.firstToken(sent); t < sentences.endToken(sent); t++) {
                addUnits(text, tokens, t, s);
            }
            s.sentEnd[sent] = s.units;
        }
        List<ConceptMention> mentions = new ArrayList<>();
        for (int sent = 0; sent < sentences.size(); sent++) {
            s.cands = 0;
            matchInOrder(text, sent, s);
            matchReordered(sent, s);
            dropUnsupportedSenses(s);
            select(s);
            for (int k = 0; k < s.selectedCount; k++) {
                mentions.add(mention(s.selected[k], s));
            }
        }
        mentions.sort(ORDER);
        doc.find(Layers.SECTIONS).ifPresent(sections -> dropSectionHeaders(mentions, sections));
        doc.put(Layers.CONCEPTS, List.copyOf(mentions));
    }

    /**
     * Section headers name the section, not a finding ("ALLERGIES:", "REVIEW OF SYSTEMS"): mentions that lie
     * wholly inside a header are dropped. Mentions and sections are both sorted, so this is one merge pass.
     */
    private static void dropSectionHeaders(List<ConceptMention> mentions, List<Section> sections) {
        int si = 0;
        int w = 0;
        for (int r = 0; r < mentions.size(); r++) {
            ConceptMention m = mentions.get(r);
            while (si < sections.size() && sections.get(si).end() <= m.start()) {
                si++;
            }
            boolean inHeader = si < sections.size() && sections.get(si).hasHeader()
                    && m.start() >= sections.get(si).headerStart() && m.end() <= sections.get(si).headerEnd();
            if (!inHeader) {
                mentions.set(w++, m);
            }
        }
        mentions.subList(w, mentions.size()).clear();
    }

    // ---------------------------------------------------------------------------------------------------------
    // words

    private void addUnits(String text, TokenTable tokens, int t, Scratch s) {
        int start = tokens.start(t);
        int end = tokens.end(t);
        boolean alnum = false;
        boolean barrier = false;
        for (int p = start; p < end; p++) {
            char c = text.charAt(p);
            if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                alnum = true;
                break;
            }
            barrier |= isBarrier(c);
        }
        if (!alnum) {
            if (barrier) {
                s.addUnit(start, end, t, BARRIER, (byte) (TOKEN_FIRST | TOKEN_LAST));
            }
            return;
        }
        int first = s.units;
        int p = start;
        while (p < end) {
            while (p < end && !TermNormalizer.isWordChar(text.charAt(p))) {
                p++;
            }
            int a = p;
            while (p < end && TermNormalizer.isWordChar(text.charAt(p))) {
                p++;
            }
            if (p == a) {
                continue;
            }
            char[] buffer = s.normBuffer(p - a);
            int n = normalizer.normalize(text, a, p - a, buffer);
            if (n == 0) {
                continue;
            }
            int id = lexicon.wordId(buffer, 0, n);
            byte flags = 0;
            if (id < 0) {
                id = lexicon.fuzzyWordId(buffer, 0, n);
                if (id >= 0) {
                    flags = n < 8 ? (byte) (FUZZY | FUZZY_SHORT) : FUZZY;
                }
            }
            if (a > start && isHyphen(text.charAt(a - 1)) && !wordBefore(text, start, a - 1, NOT_DRUG_PREFIXES)) {
                flags |= AFTER_HYPHEN;
            }
            if (p < end && isHyphen(text.charAt(p)) && !wordAfter(text, p + 1, end, NOT_TAKEN_SUFFIXES)) {
                flags |= BEFORE_HYPHEN;
            }
            s.addUnit(a, p, t, id, flags);
        }
        if (s.units > first) {
            s.flags[first] |= TOKEN_FIRST;
            s.flags[s.units - 1] |= TOKEN_LAST;
            if (s.units - first == 1 && s.flags[first] == (TOKEN_FIRST | TOKEN_LAST)) {
                tokens.setNormId(t, s.norm[first] < 0 ? TokenTable.NO_NORM : s.norm[first]);
            }
        }
    }

    /** Whether the letters and digits of {@code text[from, to)} are those of the term's text, ignoring case. */
    private boolean writtenAs(String text, int from, int to, int term) {
        String t = termText(term);
        int k = 0;
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (k < t.length() && !Character.isLetterOrDigit(t.charAt(k))) {
                k++;
            }
            if (k == t.length() || Character.toLowerCase(c) != Character.toLowerCase(t.charAt(k))) {
                return false;
            }
            k++;
        }
        while (k < t.length() && !Character.isLetterOrDigit(t.charAt(k))) {
            k++;
        }
        return k == t.length();
    }

    private static int alnumCount(String text, int from, int to) {
        int n = 0;
        for (int p = from; p < to; p++) {
            n += Character.isLetterOrDigit(text.charAt(p)) ? 1 : 0;
        }
        return n;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** Whether the letters from {@code from} up to the next non-letter (before {@code to}) are one of {@code words}. */
    private static boolean wordAfter(String text, int from, int to, String[] words) {
        int b = from;
        while (b < to && Character.isLetter(text.charAt(b))) {
            b++;
        }
        return isOneOf(text, from, b, words);
    }

    /** Whether the letters from the last non-letter before {@code to} (not before {@code from}) are one of {@code words}. */
    private static boolean wordBefore(String text, int from, int to, String[] words) {
        int a = to;
        while (a > from && Character.isLetter(text.charAt(a - 1))) {
            a--;
        }
        return isOneOf(text, a, to, words);
    }

    private static boolean isOneOf(String text, int a, int b, String[] words) {
        for (String w : words) {
            if (w.length() == b - a && text.regionMatches(true, a, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBarrier(char c) {
        switch (c) {
            case '.': case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '[': case ']':
            case '{': case '}': case '"': case '|': case '\u201C': case '\u201D': case '\u2026': case '\u2022':
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // candidates

    private void matchInOrder(String text, int sent, Scratch s) {
        int end = s.sentEnd[sent];
        for (int i = s.sentFirst[sent]; i < end; i++) {
            boolean inside = (s.flags[i] & TOKEN_FIRST) == 0;
            if ((inside && (s.flags[i] & AFTER_HYPHEN) == 0) || s.norm[i] < 0) {
                continue;
            }
            int node = Lexicon.ROOT;
            boolean fuzzy = false;
            boolean shortFuzzy = false;
            for (int j = i; j < end && s.norm[j] >= 0; j++) {
                node = lexicon.childNode(node, s.norm[j]);
                if (node < 0) {
                    break;
                }
                fuzzy |= (s.flags[j] & FUZZY) != 0;
                shortFuzzy |= (s.flags[j] & FUZZY_SHORT) != 0;
                boolean split = inside || (s.flags[j] & TOKEN_LAST) == 0;
                if (split && ((s.flags[j] & (TOKEN_LAST | BEFORE_HYPHEN)) == 0 || fuzzy
                        || alnumCount(text, s.start[i], s.end[j]) < MIN_HYPHEN_PART)) {
                    continue;
                }
                int count = lexicon.nodeTermCount(node);
                for (int k = 0; k < count; k++) {
                    int term = lexicon.nodeTerm(node, k);
                    TermKind kind = lexicon.termKind(term);
                    if (split && (kind == TermKind.AMBIGUOUS
                            || lexicon.conceptGroup(lexicon.termConcept(term)) != SemanticGroup.DRUG
                            || (kind != TermKind.ABBREVIATION && !writtenAs(text, s.start[i], s.end[j], term)))) {
                        // inside a hyphenated token only drug names as written: "cisplatin-induced", "HD-MTX",
                        // not the brand Align in "well-aligned"
                        continue;
                    }
                    if (kind == TermKind.NAME || kind == TermKind.BRAND) {
                        if (shortFuzzy && lexicon.conceptGroup(lexicon.termConcept(term)) != SemanticGroup.DRUG) {
                            continue;
                        }
                        s.addCandidate(i, j + 1, term, fuzzy ? MatchKind.FUZZY : MatchKind.EXACT, 0);
                    } else if (!fuzzy) {
                        int form = formMatch(text, i, j, term, s);
                        if (form == 0) {
                            continue;
                        }
                        if (kind == TermKind.ABBREVIATION) {
                            s.addCandidate(i, j + 1, term, MatchKind.ABBREVIATION, 0);
                        } else if (form == 2) {
                            int score = contextScore(sent, i, j, lexicon.termConcept(term), s);
                            if (score > 0) {
                                s.addCandidate(i, j + 1, term, MatchKind.AMBIGUOUS_ABBREVIATION, score);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether the letters and digits of units {@code [i, j]} are the term's written form: 0 no, 1 yes (but all
     * lower case), 2 yes with at least one upper-case letter.
     */
    private int formMatch(String text, int i, int j, int term, Scratch s) {
        // "M.D." is a title, "e.g." a phrase: a short form written with periods is not the plain form ("MD")
        for (int p = s.start[i]; p < s.end[j]; p++) {
            if (text.charAt(p) == '.') {
                return 0;
            }
        }
        int formLength = lexicon.termFormLength(term);
        int k = 0;
        boolean exact = true;
        boolean caps = true;
        boolean upper = false;
        for (int u = i; u <= j; u++) {
            for (int p = s.start[u]; p < s.end[u]; p++) {
                char c = text.charAt(p);
                if (!Character.isLetterOrDigit(c)) {
                    continue;
                }
                if (k == formLength) {
                    return 0;
                }
                char f = lexicon.termFormChar(term, k++);
                exact &= c == f;
                caps &= c == Character.toUpperCase(f);
                upper |= Character.isUpperCase(c);
            }
        }
        if (k != formLength || !(exact || caps)) {
            return 0;
        }
        return upper ? 2 : 1;
    }

    private int contextScore(int sent, int i, int j, int concept, Scratch s) {
        SemanticGroup group = lexicon.conceptGroup(concept);
        int score = 0;
        int from = Math.max(0, sent - CONTEXT_SENTENCES);
        int to = Math.min(s.sentences - 1, sent + CONTEXT_SENTENCES);
        for (int u = s.sentFirst[from]; u < s.sentEnd[to]; u++) {
            int w = s.norm[u];
            if (w < 0 || (u >= i && u <= j)) {
                continue;
            }
            if (lexicon.isConceptCue(concept, w)) {
                score += 2;
            } else if (lexicon.isGroupCue(group, w)) {
                score += 1;
            }
        }
        return score;
    }

    private void matchReordered(int sent, Scratch s) {
        int maxWindow = lexicon.maxReorderWindow();
        if (maxWindow == 0) {
            return;
        }
        int[] window = s.window(maxWindow);
        int end = s.sentEnd[sent];
        for (int i = s.sentFirst[sent]; i < end; i++) {
            int first = s.norm[i];
            if ((s.flags[i] & TOKEN_FIRST) == 0 || first < 0 || lexicon.isStopWord(first)
                    || !lexicon.isReorderWord(first)) {
                continue;
            }
            int n = 0;
            boolean fuzzy = false;
            for (int j = i; j < end && j - i < maxWindow; j++) {
                int w = s.norm[j];
                if (w < 0 || (!lexicon.isStopWord(w) && !lexicon.isReorderWord(w))) {
                    break;
                }
                if (lexicon.isStopWord(w)) {
                    continue;
                }
                int at = n++;
                while (at > 0 && window[at - 1] > w) {
                    window[at] = window[at - 1];
                    at--;
                }
                window[at] = w;
                fuzzy |= (s.flags[j] & FUZZY) != 0;
                if ((s.flags[j] & FUZZY_SHORT) != 0) {
                    break; // 7-letter spellings only in order
                }
                if (n < 2 || (s.flags[j] & TOKEN_LAST) == 0) {
                    continue;
                }
                int key = lexicon.reorderKey(window, n);
                if (key < 0) {
                    continue;
                }
                int count = lexicon.reorderTermCount(key);
                for (int k = 0; k < count; k++) {
                    int term = lexicon.reorderTerm(key, k);
                    int words = lexicon.termWordCount(term);
                    if (j - i + 1 <= words + 3 && !inOrder(i, j, term, s)) {
                        s.addCandidate(i, j + 1, term, fuzzy ? MatchKind.FUZZY : MatchKind.REORDERED, 0);
                    }
                }
            }
        }
    }

    /** Whether units {@code [i, j]} are the term's words in order (then the in-order pass found it). */
    private boolean inOrder(int i, int j, int term, Scratch s) {
        if (lexicon.termWordCount(term) != j - i + 1) {
            return false;
        }
        for (int u = i; u <= j; u++) {
            if (s.norm[u] != lexicon.termWord(term, u - i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Among ambiguous candidates with the same span, keeps only a sense that scores strictly higher than every
     * other sense there.
     */
    private void dropUnsupportedSenses(Scratch s) {
        int ambiguous = MatchKind.AMBIGUOUS_ABBREVIATION.ordinal();
        for (int a = 0; a < s.cands; a++) {
            if (s.cKind[a] != ambiguous) {
                continue;
            }
            int conceptA = lexicon.termConcept(s.cTerm[a]);
            for (int b = 0; b < s.cands; b++) {
                if (b != a && s.cKind[b] == ambiguous && s.cStart[b] == s.cStart[a] && s.cEnd[b] == s.cEnd[a]
                        && lexicon.termConcept(s.cTerm[b]) != conceptA && s.cScore[b] >= s.cScore[a]) {
                    s.cDropped[a] = true;
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // overlap resolution

    private void select(Scratch s) {
        int n = s.cands;
        int[] order = s.order;
        int m = 0;
        for (int c = 0; c < n; c++) {
            if (!s.cDropped[c]) {
                order[m++] = c;
            }
        }
        // insertion sort: candidates per sentence are few
        for (int a = 1; a < m; a++) {
            int c = order[a];
            int b = a;
            while (b > 0 && better(c, order[b - 1], s)) {
                order[b] = order[b - 1];
                b--;
            }
            order[b] = c;
        }
        s.selectedCount = 0;
        for (int a = 0; a < m; a++) {
            int c = order[a];
            boolean ok = true;
            for (int k = 0; k < s.selectedCount && ok; k++) {
                ok = compatible(c, s.selected[k], s);
            }
            if (ok) {
                s.selected[s.selectedCount++] = c;
            }
        }
    }

    private boolean better(int a, int b, Scratch s) {
        int lenA = s.end[s.cEnd[a] - 1] - s.start[s.cStart[a]];
        int lenB = s.end[s.cEnd[b] - 1] - s.start[s.cStart[b]];
        if (lenA != lenB) {
            return lenA > lenB;
        }
        int rankA = RANK[s.cKind[a]];
        int rankB = RANK[s.cKind[b]];
        if (rankA != rankB) {
            return rankA < rankB;
        }
        if (s.cStart[a] != s.cStart[b]) {
            return s.cStart[a] < s.cStart[b];
        }
        return s.cTerm[a] < s.cTerm[b];
    }

    /** Whether candidate {@code c} may be reported beside the already selected, better candidate {@code k}. */
    private boolean compatible(int c, int k, Scratch s) {
        int cs = s.cStart[c];
        int ce = s.cEnd[c];
        int ks = s.cStart[k];
        int ke = s.cEnd[k];
        if (ce <= ks || ke <= cs) {
            return true;
        }
        int conceptC = lexicon.termConcept(s.cTerm[c]);
        int conceptK = lexicon.termConcept(s.cTerm[k]);
        if (conceptC == conceptK) {
            return false;
        }
        if (cs == ks && ce == ke && s.cKind[c] == s.cKind[k]) {
            return true;
        }
        return keepNested && cs >= ks && ce <= ke && lexicon.conceptGroup(conceptC) != lexicon.conceptGroup(conceptK);
    }

    private ConceptMention mention(int c, Scratch s) {
        int term = s.cTerm[c];
        int first = s.cStart[c];
        int last = s.cEnd[c] - 1;
        ConceptInfo concept = concept(lexicon.termConcept(term));
        MatchKind kind = KINDS[s.cKind[c]];
        return new ConceptMention(s.start[first], s.end[last], s.token[first], s.token[last] + 1, concept.id(),
                concept.preferredName(), concept.group(), concept.codes(), termText(term), kind,
                CONFIDENCE[kind.ordinal()], Assertion.DEFAULT, sourceLabels[lexicon.termSource(term)]);
    }

    /**
     * The decoded concept, cached: decoding builds its strings and code list from the lexicon buffer, which cost
     * about 750 bytes per mention (JMH -prof gc). Races only decode twice; both results are equal.
     */
    private ConceptInfo concept(int index) {
        ConceptInfo c = conceptCache.get(index);
        if (c == null) {
            c = lexicon.concept(index);
            conceptCache.lazySet(index, c);
        }
        return c;
    }

    private String termText(int term) {
        String t = termTextCache.get(term);
        if (t == null) {
            t = lexicon.termText(term);
            termTextCache.lazySet(term, t);
        }
        return t;
    }

    @Override
    public String toString() {
        return "LexiconMatcher[" + lexicon + (keepNested ? ", keepNested" : "") + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Per-thread scratch: words of the document, sentence ranges over them, and one sentence's candidates. */
    private static final class Scratch {
        char[] normBuf = new char[256];
        int units;
        int[] start = new int[256];
        int[] end = new int[256];
        int[] token = new int[256];
        int[] norm = new int[256];
        byte[] flags = new byte[256];
        int sentences;
        int[] sentFirst = new int[64];
        int[] sentEnd = new int[64];
        int cands;
        int[] cStart = new int[64];
        int[] cEnd = new int[64];
        int[] cTerm = new int[64];
        int[] cKind = new int[64];
        int[] cScore = new int[64];
        boolean[] cDropped = new boolean[64];
        int[] order = new int[64];
        int[] selected = new int[64];
        int selectedCount;
        int[] window = new int[16];

        void reset(int sentenceCount) {
            units = 0;
            cands = 0;
            sentences = sentenceCount;
            if (sentFirst.length < sentenceCount) {
                sentFirst = new int[sentenceCount + sentenceCount / 2];
                sentEnd = new int[sentFirst.length];
            }
        }

        char[] normBuffer(int length) {
            int need = TermNormalizer.maxNormalizedLength(length);
            if (normBuf.length < need) {
                normBuf = new char[need];
            }
            return normBuf;
        }

        int[] window(int size) {
            if (window.length < size) {
                window = new int[size];
            }
            return window;
        }

        void addUnit(int s, int e, int t, int id, byte f) {
            if (units == start.length) {
                int cap = units * 2;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                token = Arrays.copyOf(token, cap);
                norm = Arrays.copyOf(norm, cap);
                flags = Arrays.copyOf(flags, cap);
            }
            start[units] = s;
            end[units] = e;
            token[units] = t;
            norm[units] = id;
            flags[units] = f;
            units++;
        }

        void addCandidate(int s, int e, int term, MatchKind kind, int score) {
            if (cands == cStart.length) {
                int cap = cands * 2;
                cStart = Arrays.copyOf(cStart, cap);
                cEnd = Arrays.copyOf(cEnd, cap);
                cTerm = Arrays.copyOf(cTerm, cap);
                cKind = Arrays.copyOf(cKind, cap);
                cScore = Arrays.copyOf(cScore, cap);
                cDropped = Arrays.copyOf(cDropped, cap);
                order = new int[cap];
                selected = new int[cap];
            }
            cStart[cands] = s;
            cEnd[cands] = e;
            cTerm[cands] = term;
            cKind[cands] = kind.ordinal();
            cScore[cands] = score;
            cDropped[cands] = false;
            cands++;
        }
    }
}
