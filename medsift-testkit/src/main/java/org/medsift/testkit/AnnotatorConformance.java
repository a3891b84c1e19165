package org.medsift.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.problem.Problem;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Conformance checks every annotator must pass, after Lucene's {@code BaseTokenStreamTestCase}: they check
 * invariants of the standard layers, not exact outputs, over synthetic notes, edge cases and seeded random text.
 *
 * <pre>{@code
 * @Test
 * void conformsToAnnotatorContract() {
 *     AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(), new SectionDetector());
 * }
 * }</pre>
 *
 * <p>What {@link #checkDocument(Document)} checks, for each standard layer that is present:
 * <ul>
 *   <li>{@link Layers#TOKENS}: offsets in {@code [0, length]}, non-empty, never going backwards; no token starts or
 *   ends inside a surrogate pair; known {@link TokenKind}; {@code breaks} equal to the line breaks in the gap
 *   before the token; no letter or digit left outside every token (nothing silently dropped).</li>
 *   <li>{@link Layers#SENTENCES}: token ranges in bounds, in order, covering every token exactly once.</li>
 *   <li>{@link Layers#SECTIONS}: in order, covering the whole text without gaps; token ranges consistent with the
 *   token offsets and covering every token; headers inside their section.</li>
 *   <li>{@link Layers#CONCEPTS}: offsets in bounds, sorted by start then longest first, and
 *   {@code firstToken}/{@code endToken} the tokens that the span starts and ends in.</li>
 * </ul>
 * {@link #check(Pipeline)} also checks that results are identical when documents are processed in another order,
 * twice, or on several threads (no state leaks between documents), and that the pipeline survives empty,
 * whitespace-only, huge (about 2 MB), random and non-ASCII text.
 *
 * <p>Failures throw {@link AssertionError} (opentest4j) naming the document, layer, index and {@code line:col}.
 * Messages quote short snippets of the text: use this kit on synthetic test data only.
 */
public final class AnnotatorConformance {
    /** Seed of the random texts in {@link #check(Pipeline)}; fixed so failures reproduce. */
    public static final long DEFAULT_SEED = 0x5EED_CAFEL;
    private static final int RANDOM_TEXTS = 300;
    private static final int HUGE_CHARS = 2 * 1024 * 1024;
    private static final int SNIPPET = 40;

    /** Fragments mixed into random text so that scanners meet half-finished clinical constructs. */
    private static final String[] FRAGMENTS = {
        "b.i.d.", "p.o", "Dr.", "e.g.", "i.e", "0.125", ".5", "1,000", "120/80", "03/14/2021", "2021-03-14", "10:30",
        "1:160", "q6h", "B12", "5mg", "25 mg", "3rd", "x3", "non-tender", "5-year-old", "Crohn's", "O'Brien",
        "**NAME[AAA, BBB M]", "**NAME[", "**DATE[Jan 01 2000]", "[**Hospital 123**]", "[**", "**]", "[** **]",
        "___", "__", "XXXX", "HPI:", "HISTORY OF PRESENT ILLNESS:", "Past Medical History:", "\n1. ", "\n2) ",
        "\n- ", "\n* ", "\n\u2022 ", "\n\n", "\r\n", "\r", "\t", "...", "?!", " . ", ":", "(", ")", "[", "]", "\"",
        "'", "-", "--", "/", "%", "\u00a0", "\ufeff", "\u200b", "\u00b0C", "\u00b5g", "\u2265", "\ud83d\ude00",
        "\ud83d", "\ude00", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u60a3\u8005",
        "e\u0301", "\u0000", "\u001b", "\u2028", "\u2029", "\u0085",
    };

    private AnnotatorConformance() {
    }

    // ------------------------------------------------------------------------------------------ entry points

    /** Builds a pipeline of {@code annotators} (in order) and runs {@link #check(Pipeline)} on it. */
    public static void check(Annotator... annotators) {
        check(List.of(annotators));
    }

    /** Builds a pipeline of {@code annotators} (in order) and runs {@link #check(Pipeline)} on it. */
    public static void check(List<? extends Annotator> annotators) {
        Pipeline.Builder builder = Pipeline.builder();
        for (Annotator a : annotators) {
            builder.add(a);
        }
        check(builder.build());
    }

    /**
     * Runs every check: each {@link SyntheticNotes} note, edge cases (empty, whitespace only, non-ASCII, huge),
     * {@value #RANDOM_TEXTS} random texts from {@link #DEFAULT_SEED}, and the order, repetition and thread
     * independence of results.
     *
     * @throws AssertionError on the first violation
     */
    public static void check(Pipeline pipeline) {
        List<String> texts = new ArrayList<>(SyntheticNotes.all());
        texts.addAll(edgeCaseTexts());
        Random random = new Random(DEFAULT_SEED);
        for (int i = 0; i < 40; i++) {
            texts.add(randomText(random, 400));
        }
        checkTexts(pipeline, texts);
        checkRandomTexts(pipeline, DEFAULT_SEED + 1, RANDOM_TEXTS);
        checkDocument(process(pipeline, Text.of("huge", SyntheticNotes.repeated(HUGE_CHARS))));
    }

    /**
     * Processes each text, checks each document, and checks that the canonical {@link #dump(Document)} of every
     * document is the same when the texts are processed in reverse order, twice in a row, and on two threads.
     */
    public static void checkTexts(Pipeline pipeline, List<String> texts) {
        int n = texts.size();
        String[] forward = new String[n];
        for (int i = 0; i < n; i++) {
            Document doc = process(pipeline, Text.of(docId(i), texts.get(i)));
            checkDocument(doc);
            forward[i] = dump(doc);
        }
        for (int i = n - 1; i >= 0; i--) {
            String again = dump(process(pipeline, Text.of(docId(i), texts.get(i))));
            assertEquals(forward[i], again, "document " + docId(i)
                    + " gave different layers when documents were processed in reverse order: state leaks between"
                    + " documents");
        }
        for (int i = 0; i < n; i++) {
            String first = dump(process(pipeline, Text.of(docId(i), texts.get(i))));
            String second = dump(process(pipeline, Text.of(docId(i), texts.get(i))));
            assertEquals(first, second, "document " + docId(i) + " gave different layers when processed twice");
            assertEquals(forward[i], first, "document " + docId(i) + " changed between runs");
        }
        checkThreads(pipeline, texts, forward);
    }

    /** Checks {@code count} random texts made from {@code seed}; a failure names the seed and the text index. */
    public static void checkRandomTexts(Pipeline pipeline, long seed, int count) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String s = randomText(random, i % 50 == 49 ? 20_000 : 600);
            try {
                checkDocument(process(pipeline, Text.of("random-" + seed + "-" + i, s)));
            } catch (AssertionError e) {
                throw new AssertionError("random text #" + i + " of seed " + seed + " (" + s.length()
                        + " chars) failed: " + e.getMessage() + "\ntext: " + escape(s, 0, s.length(), 2000), e);
            }
        }
    }

    /**
     * Runs the pipeline on one text, turning any exception into an {@link AssertionError} that names the
     * document: annotators must report bad input as problems, never throw.
     */
    public static Document process(Pipeline pipeline, Text text) {
        try {
            return pipeline.process(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("pipeline " + pipeline.stageNames() + " threw on document " + text.id() + " ("
                    + text.length() + " chars): " + e + "\ntext: " + escape(text.content(), 0, text.length(), 500),
                    e);
        }
    }

    // ------------------------------------------------------------------------------------------ one document

    /** Checks the invariants of every standard layer present in {@code doc}; see the class documentation. */
    public static void checkDocument(Document doc) {
        Text text = doc.text();
        if (doc.require(Layers.TEXT) != text) {
            fail(doc, "text", "the TEXT layer is not the document's text");
        }
        TokenTable tokens = doc.find(Layers.TOKENS).orElse(null);
        if (tokens != null) {
            checkTokens(doc, tokens);
        }
        doc.find(Layers.SENTENCES).ifPresent(s -> checkSentences(doc, requireTokens(doc, tokens, "sentences"), s));
        doc.find(Layers.SECTIONS).ifPresent(s -> checkSections(doc, requireTokens(doc, tokens, "sections"), s));
        doc.find(Layers.CONCEPTS).ifPresent(c -> checkConcepts(doc, requireTokens(doc, tokens, "concepts"), c));
        doc.find(Layers.ASSERTIONS).ifPresent(a -> {
            if (doc.find(Layers.CONCEPTS).orElse(null) != a) {
                fail(doc, "assertions", "the ASSERTIONS layer is not the same list as the CONCEPTS layer");
            }
        });
        for (Problem p : doc.problems()) {
            if (!p.where().documentId().equals(text.id())) {
                // a problem's location must name its document so that it can be traced
                fail(doc, "problems", "problem " + p.code() + " names document " + p.where().documentId()
                        + ", not this one");
            }
        }
    }

    private static TokenTable requireTokens(Document doc, TokenTable tokens, String layer) {
        if (tokens == null) {
            fail(doc, layer, "layer is present but TOKENS is absent");
        }
        return tokens;
    }

    private static void checkTokens(Document doc, TokenTable tokens) {
        String s = doc.text().content();
        int len = s.length();
        int prevEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.start(i);
            int end = tokens.end(i);
            if (start < 0 || end > len || end <= start) {
                fail(doc, "tokens", "token " + i + " has offsets [" + start + ", " + end + ") outside [0, " + len
                        + "] or empty");
            }
            if (start < prevEnd) {
                fail(doc, "tokens", "token " + i + " starts at " + start + ", before the previous token's end "
                        + prevEnd + " (offsets go backwards) at " + pos(doc, start));
            }
            if (splitsSurrogatePair(s, start) || splitsSurrogatePair(s, end)) {
                fail(doc, "tokens", "token " + i + " [" + start + ", " + end + ") splits a surrogate pair at "
                        + pos(doc, start) + ": " + escape(s, start, end, SNIPPET));
            }
            byte kind = tokens.kind(i);
            if (kind < TokenKind.WORD || kind > TokenKind.OTHER) {
                fail(doc, "tokens", "token " + i + " has unknown kind " + kind + " at " + pos(doc, start));
            }
            if (isBlank(s.charAt(start)) || isBlank(s.charAt(end - 1))) {
                fail(doc, "tokens", "token " + i + " " + TokenKind.name(kind) + " starts or ends with whitespace at "
                        + pos(doc, start) + ": " + escape(s, start, end, SNIPPET));
            }
            int breaks = Math.min(127, lineBreaks(s, prevEnd, start));
            if (tokens.breaks(i) != breaks) {
                fail(doc, "tokens", "token " + i + " has breaks=" + tokens.breaks(i) + " but " + breaks
                        + " line breaks precede it at " + pos(doc, start));
            }
            checkGap(doc, s, prevEnd, start);
            prevEnd = end;
        }
        checkGap(doc, s, prevEnd, len);
    }

    private static void checkGap(Document doc, String s, int from, int to) {
        for (int j = from; j < to; j++) {
            if (Character.isLetterOrDigit(s.codePointAt(j))) {
                fail(doc, "tokens", "char at " + pos(doc, j) + " (" + escape(s, j, Math.min(to, j + 2), 4)
                        + ") is a letter or digit outside every token: text was dropped");
            }
        }
    }

    private static void checkSentences(Document doc, TokenTable tokens, SpanTable sentences) {
        int expectedFirst = 0;
        for (int i = 0; i < sentences.size(); i++) {
            int first = sentences.firstToken(i);
            int end = sentences.endToken(i);
            if (first != expectedFirst) {
                fail(doc, "sentences", "sentence " + i + " starts at token " + first + " but the previous ends at "
                        + expectedFirst + ": sentences must cover every token exactly once, in order");
            }
            if (end <= first || end > tokens.size()) {
                fail(doc, "sentences", "sentence " + i + " has token range [" + first + ", " + end
                        + ") outside [0, " + tokens.size() + "] or empty");
            }
            expectedFirst = end;
        }
        if (expectedFirst != tokens.size()) {
            fail(doc, "sentences", "sentences end at token " + expectedFirst + " but there are " + tokens.size()
                    + " tokens: tokens after the last sentence are in no sentence");
        }
    }

    private static void checkSections(Document doc, TokenTable tokens, List<Section> sections) {
        int len = doc.text().length();
        if (sections.isEmpty()) {
            if (len > 0) {
                fail(doc, "sections", "no sections, but sections must cover the whole text of " + len + " chars");
            }
            return;
        }
        int expectedStart = 0;
        int expectedToken = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section sec = sections.get(i);
            if (sec.start() != expectedStart) {
                fail(doc, "sections", "section " + i + " " + sec.type() + " starts at " + sec.start()
                        + " but the previous ends at " + expectedStart + ": sections must cover the text in order");
            }
            if (sec.end() > len || (sec.end() == sec.start() && len > 0)) {
                fail(doc, "sections", "section " + i + " " + sec.type() + " [" + sec.start() + ", " + sec.end()
                        + ") is empty or ends past the text length " + len);
            }
            if (sec.firstToken() != expectedToken) {
                fail(doc, "sections", "section " + i + " " + sec.type() + " starts at token " + sec.firstToken()
                        + " but the previous ends at token " + expectedToken);
            }
            if (sec.endToken() > tokens.size()) {
                fail(doc, "sections", "section " + i + " ends at token " + sec.endToken() + " past " + tokens.size()
                        + " tokens");
            }
            for (int t = sec.firstToken(); t < sec.endToken(); t += Math.max(1, sec.endToken() - t - 1)) {
                // the first and last token decide containment since tokens are ordered
                if (tokens.start(t) < sec.start() || tokens.end(t) > sec.end()) {
                    fail(doc, "sections", "section " + i + " " + sec.type() + " [" + sec.start() + ", " + sec.end()
                            + ") lists token " + t + " [" + tokens.start(t) + ", " + tokens.end(t)
                            + ") that lies outside it");
                }
            }
            int nextToken = sec.endToken();
            if (nextToken < tokens.size() && tokens.start(nextToken) < sec.end()) {
                fail(doc, "sections", "section " + i + " " + sec.type() + " [" + sec.start() + ", " + sec.end()
                        + ") ends at token " + nextToken + " but that token starts inside it at "
                        + pos(doc, tokens.start(nextToken)));
            }
            if (sec.hasHeader()) {
                String header = doc.text().cover(sec.headerStart(), sec.headerEnd());
                if (header.isBlank()) {
                    fail(doc, "sections", "section " + i + " has a blank header at " + pos(doc, sec.headerStart()));
                }
            }
            expectedStart = sec.end();
            expectedToken = sec.endToken();
        }
        if (expectedStart != len) {
            fail(doc, "sections", "sections end at " + expectedStart + " but the text has " + len + " chars");
        }
        if (expectedToken != tokens.size()) {
            fail(doc, "sections", "sections end at token " + expectedToken + " but there are " + tokens.size()
                    + " tokens");
        }
    }

    private static void checkConcepts(Document doc, TokenTable tokens, List<ConceptMention> concepts) {
        int len = doc.text().length();
        ConceptMention prev = null;
        for (int i = 0; i < concepts.size(); i++) {
            ConceptMention m = concepts.get(i);
            String where = "concept " + i + " " + m.conceptId() + " [" + m.start() + ", " + m.end() + ")";
            if (m.end() > len) {
                fail(doc, "concepts", where + " ends past the text length " + len);
            }
            if (prev != null && (m.start() < prev.start()
                    || (m.start() == prev.start() && m.end() > prev.end()))) {
                fail(doc, "concepts", where + " is out of order after [" + prev.start() + ", " + prev.end()
                        + "): concepts are sorted by start, then longest first");
            }
            if (m.endToken() > tokens.size()) {
                fail(doc, "concepts", where + " ends at token " + m.endToken() + " past " + tokens.size()
                        + " tokens");
            }
            int first = m.firstToken();
            int last = m.endToken() - 1;
            if (!(tokens.start(first) <= m.start() && m.start() < tokens.end(first))) {
                fail(doc, "concepts", where + " names first token " + first + " [" + tokens.start(first) + ", "
                        + tokens.end(first) + ") which does not contain its start at " + pos(doc, m.start()));
            }
            if (!(tokens.start(last) < m.end() && m.end() <= tokens.end(last))) {
                fail(doc, "concepts", where + " names last token " + last + " [" + tokens.start(last) + ", "
                        + tokens.end(last) + ") which does not contain its end at " + pos(doc, m.end()));
            }
            prev = m;
        }
    }

    // ------------------------------------------------------------------------------------------ threads

    private static void checkThreads(Pipeline pipeline, List<String> texts, String[] expected) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> futures = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                Text t = Text.of(docId(i), texts.get(i));
                futures.add(pool.submit(() -> dump(pipeline.process(t))));
            }
            for (int i = 0; i < futures.size(); i++) {
                String got;
                try {
                    got = futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new AssertionError("pipeline threw on document " + docId(i) + " on a worker thread: "
                            + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
                assertEquals(expected[i], got, "document " + docId(i)
                        + " gave different layers when processed on two threads at once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ dump

    /**
     * A canonical, readable dump of every standard layer and the problems, one item per line, for comparing runs.
     * Tokens are {@code start-end KIND bBREAKS nNORM}.
     */
    public static String dump(Document doc) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("text ").append(doc.text().id()).append(' ').append(doc.text().length()).append('\n');
        doc.find(Layers.TOKENS).ifPresent(t -> {
            sb.append("tokens ").append(t.size()).append('\n');
            for (int i = 0; i < t.size(); i++) {
                sb.append(t.start(i)).append('-').append(t.end(i)).append(' ').append(TokenKind.name(t.kind(i)))
                        .append(" b").append(t.breaks(i)).append(" n").append(t.normId(i)).append('\n');
            }
        });
        doc.find(Layers.SENTENCES).ifPresent(s -> {
            sb.append("sentences ").append(s.size()).append('\n');
            for (int i = 0; i < s.size(); i++) {
                sb.append(s.firstToken(i)).append('-').append(s.endToken(i)).append('\n');
            }
        });
        doc.find(Layers.SECTIONS).ifPresent(s -> {
            sb.append("sections ").append(s.size()).append('\n');
            for (Section sec : s) {
                sb.append(sec).append('\n');
            }
        });
        doc.find(Layers.CONCEPTS).ifPresent(c -> {
            sb.append("concepts ").append(c.size()).append('\n');
            for (ConceptMention m : c) {
                sb.append(m).append('\n');
            }
        });
        sb.append("problems ").append(doc.problems().size()).append('\n');
        for (Problem p : doc.problems()) {
            sb.append(p.code()).append(' ').append(p.severity()).append(' ').append(p.where()).append(' ')
                    .append(p.message()).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ texts

    /** Empty, whitespace-only, line-break-only, one-char, non-ASCII and punctuation-only texts. */
    public static List<String> edgeCaseTexts() {
        return List.of("", " ", "\n", "\r\n\r\n", " \t \n  \u00a0\u2003\n\n ", ".", "a", "A.", ":", "-", "**",
                "[**", "\ud83d", "\ud83d\ude00", "\u0000\u0001", "HPI:", "HISTORY OF PRESENT ILLNESS:\n",
                "1.\n2.\n", "...!!!???", SyntheticNotes.NON_ASCII,
                "Naïve café: 37.5 °C; ß → SS; Ελληνικά; עברית; हिन्दी; 한국어; 🩺💊\n");
    }

    /**
     * A random text of up to {@code maxLength} chars: ASCII, Latin-1, controls, line breaks, paired and unpaired
     * surrogates, CJK, emoji, right-to-left scripts, combining marks, and fragments of clinical constructs.
     */
    public static String randomText(Random random, int maxLength) {
        int target = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(target + 32);
        while (sb.length() < target) {
            int pick = random.nextInt(16);
            switch (pick) {
                case 0, 1, 2 -> sb.append((char) ('a' + random.nextInt(26)));
                case 3 -> sb.append((char) ('A' + random.nextInt(26)));
                case 4 -> sb.append((char) ('0' + random.nextInt(10)));
                case 5 -> sb.append(' ');
                case 6 -> sb.append((char) (0x21 + random.nextInt(0x5e))); // printable ASCII incl. punctuation
                case 7 -> sb.append((char) (0x80 + random.nextInt(0x180))); // Latin-1, Latin Extended, C1 controls
                case 8 -> sb.append((char) random.nextInt(0x20)); // C0 controls, tab, line breaks
                case 9 -> sb.append((char) (0x4e00 + random.nextInt(0x5000))); // CJK
                case 10 -> sb.appendCodePoint(0x1f300 + random.nextInt(0x300)); // emoji (surrogate pair)
                case 11 -> sb.append((char) (0x0590 + random.nextInt(0x1f0))); // Hebrew, Arabic
                case 12 -> sb.append((char) (0xd800 + random.nextInt(0x800))); // unpaired surrogate
                case 13 -> sb.append((char) (0x0300 + random.nextInt(0x70))); // combining marks
                case 14 -> sb.append((char) random.nextInt(0x10000)); // any BMP char
                default -> sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String docId(int i) {
        return "conformance-" + i;
    }

    private static boolean splitsSurrogatePair(String s, int offset) {
        return offset > 0 && offset < s.length() && Character.isHighSurrogate(s.charAt(offset - 1))
                && Character.isLowSurrogate(s.charAt(offset));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Line breaks in {@code [from, to)}: {@code \n}, {@code \r\n} and a lone {@code \r} count one each. */
    private static int lineBreaks(String s, int from, int to) {
        int n = 0;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c == '\n' || (c == '\r' && (j + 1 >= to || s.charAt(j + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    private static String pos(Document doc, int offset) {
        return offset + " (" + doc.text().lineMap().position(Math.min(offset, doc.text().length())) + ")";
    }

    private static void fail(Document doc, String layer, String message) {
        Assertions.fail("document " + doc.text().id() + " (" + doc.text().length() + " chars), layer " + layer
                + ": " + message);
    }

    /** {@code s[from, to)} with controls and non-ASCII escaped, cut to {@code max} chars. */
    static String escape(String s, int from, int to, int max) {
        StringBuilder sb = new StringBuilder(Math.min(to - from, max) + 8).append('"');
        int stop = Math.min(to, from + max);
        for (int j = from; j < stop; j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (stop < to) {
            sb.append("...(").append(to - stop).append(" more)");
        }
        return sb.toString();
    }
}
