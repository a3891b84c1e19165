package org.medsift.nlp.section;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.sentence.LineShapes;

/**
 * Finds section headers at line starts and divides the text into {@link Layers#SECTIONS} that cover it in order.
 * Text before the first header is a {@link SectionType#PREAMBLE} section.
 *
 * <p>A line starts a section when its header words (after any markdown {@code #}s or numbering) either
 * <ul>
 *   <li>match a variant in {@code sections.tsv} (e.g. {@code HPI}, {@code Past medical history},
 *   {@code A/P}), followed by a colon or alone on the line, in any case; or</li>
 *   <li>have a header shape ({@link LineShapes#headerEnd}: ALL CAPS or Title Case with a colon, ALL CAPS alone on
 *   the line, markdown) but no known variant: the section is {@link SectionType#OTHER}. Short labels (under four
 *   letters, such as {@code BP:}) and labels followed by a number on the same line ({@code SODIUM: 140}) are
 *   fields, not headers.</li>
 * </ul>
 * Variants of type {@code *} in the table ({@code HEENT}, {@code LUNGS}) are sub-headings: they stay in the
 * enclosing section. Inline headers ({@code CHIEF COMPLAINT: Chest pain.}) keep the rest of the line in the new
 * section. docs/sections.md lists the taxonomy and its LOINC codes.
 *
 * <p>Requires {@link Layers#TOKENS} and {@link Layers#SENTENCES}. Immutable and thread-safe.
 */
public final class SectionDetector implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "sections";
    /** The built-in header table, on the class path. */
    public static final String DEFAULT_TABLE = "org/medsift/nlp/section/sections.tsv";

    /** Unknown header-shaped labels with fewer letters are fields ("BP:", "HR:"), not headers. */
    private static final int MIN_UNKNOWN_HEADER_LETTERS = 4;
    private static final String SUBHEADING = "*";

    private static final Workspace.Key<StringBuilder> KEY_BUFFER = Workspace.Key.of(() -> new StringBuilder(64));

    private final Map<String, SectionType> variants;
    private final Set<String> subheadings;

    /** A detector with the built-in header table. */
    public SectionDetector() {
        this(loadDefault());
    }

    private SectionDetector(HeaderTable table) {
        this.variants = table.variants;
        this.subheadings = table.subheadings;
    }

    /**
     * A detector with the header table read from {@code tsv} ({@code variant<TAB>TYPE} lines, see the built-in
     * table); the stream is read fully but not closed.
     *
     * @throws PipelineConfigurationException naming the line and the allowed types when a line is malformed
     */
    public static SectionDetector fromTable(InputStream tsv, String sourceName) {
        try {
            return new SectionDetector(HeaderTable.read(tsv, sourceName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read section table " + sourceName, e);
        }
    }

    private static HeaderTable loadDefault() {
        try (InputStream in = SectionDetector.class.getClassLoader().getResourceAsStream(DEFAULT_TABLE)) {
            if (in == null) {
                throw new IllegalStateException("built-in section table " + DEFAULT_TABLE + " is missing");
            }
            return HeaderTable.read(in, DEFAULT_TABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in section table " + DEFAULT_TABLE, e);
        }
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
        return Set.of(Layers.SECTIONS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        String text = doc.text().content();
        doc.put(Layers.SECTIONS, detect(text, doc.require(Layers.TOKENS), doc.require(Layers.SENTENCES),
                workspace.get(KEY_BUFFER)));
    }

    /**
     * The type that a header text maps to, after normalisation, or empty when the table has no such variant.
     * Sub-headings report empty too.
     */
    public Optional<SectionType> findType(CharSequence headerText) {
        StringBuilder key = new StringBuilder(headerText.length());
        normalize(headerText, 0, headerText.length(), key);
        return Optional.ofNullable(variants.get(key.toString()));
    }

    /** The normalised header variants and their types (sub-headings are not included). */
    public Map<String, SectionType> variants() {
        return Collections.unmodifiableMap(variants);
    }

    List<Section> detect(String text, TokenTable tokens, SpanTable sentences, StringBuilder key) {
        int n = tokens.size();
        List<Section> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int sectionStart = 0;
        int sectionFirstToken = 0;
        SectionType type = SectionType.PREAMBLE;
        int headerStart = 0;
        int headerEnd = 0;
        int sentence = 0;
        for (int i = 0; i < n; i++) {
            while (sentence < sentences.size() && sentences.firstToken(sentence) < i) {
                sentence++;
            }
            boolean sentenceStart = sentence < sentences.size() && sentences.firstToken(sentence) == i;
            boolean lineStart = LineShapes.isLineStart(tokens, i);
            if (!lineStart && !sentenceStart) {
                continue;
            }
            int w = lineStart ? LineShapes.headerWordsStart(text, tokens, i) : i;
            int e = wordsEnd(text, tokens, w, i);
            if (e < 0) {
                continue;
            }
            boolean colon = LineShapes.hasColon(text, tokens, e);
            if (!lineStart && !colon) {
                continue; // inside a line only "WORDS:" after a sentence end is a header (run-in headers)
            }
            boolean shaped = lineStart ? LineShapes.headerEnd(text, tokens, i) == e
                    : LineShapes.headerEnd(text, tokens, w) == e && isAllCaps(text, tokens, w, e);
            key.setLength(0);
            normalize(text, tokens.start(w), tokens.end(e - 1), key);
            String k = key.toString();
            SectionType found = variants.get(k);
            if (found == null) {
                if (subheadings.contains(k) || !shaped || !isUnknownHeader(text, tokens, w, e, colon)) {
                    continue;
                }
                found = SectionType.OTHER;
            } else if (!colon && tokens.end(e - 1) - tokens.start(w) < 2) {
                continue; // "A" alone on a line is a list label or an initial; SOAP letters need "A:"
            } else if (!shaped && !sentenceStart) {
                continue; // a known phrase in lower case, inside a wrapped sentence: not a header
            }
            if (i > 0) {
                int start = tokens.start(i);
                out.add(new Section(type, sectionStart, start, headerStart, headerEnd, sectionFirstToken, i));
                sectionStart = start;
                sectionFirstToken = i;
            }
            type = found;
            headerStart = tokens.start(w);
            headerEnd = tokens.end(e - 1);
        }
        out.add(new Section(type, sectionStart, text.length(), headerStart, headerEnd, sectionFirstToken, n));
        return out;
    }

    /**
     * End (exclusive) of the header words on the line starting at {@code lineStart}, words from {@code w}: the
     * colon's index, or the line's end when the line holds only header words. -1 when the line has other tokens
     * before any colon.
     */
    private static int wordsEnd(String text, TokenTable tokens, int w, int lineStart) {
        int n = tokens.size();
        if (w >= n || (w > lineStart && tokens.breaks(w) > 0)) {
            return -1;
        }
        int words = 0;
        int j = w;
        while (j < n && (j == w || tokens.breaks(j) == 0)) {
            byte kind = tokens.kind(j);
            if (kind == TokenKind.WORD || kind == TokenKind.ABBREVIATION
                    || (kind == TokenKind.ALNUM && Character.isLetter(text.charAt(tokens.start(j))))) {
                words++;
            } else if (LineShapes.isChar(text, tokens, j, ':')) {
                break;
            } else if (!(LineShapes.isChar(text, tokens, j, '/') || LineShapes.isChar(text, tokens, j, '&')
                    || LineShapes.isChar(text, tokens, j, ',') || LineShapes.isChar(text, tokens, j, '-')
                    || LineShapes.isChar(text, tokens, j, '(') || LineShapes.isChar(text, tokens, j, ')'))) {
                return -1;
            }
            if (words > LineShapes.MAX_HEADER_WORDS
                    || tokens.end(j) - tokens.start(w) > LineShapes.MAX_HEADER_CHARS) {
                return -1;
            }
            j++;
        }
        return words == 0 || j == w ? -1 : j;
    }

    private static boolean isAllCaps(String text, TokenTable tokens, int w, int e) {
        for (int k = tokens.start(w); k < tokens.end(e - 1); k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** An unknown label is a header when it has a header shape, enough letters, and no value after its colon. */
    private static boolean isUnknownHeader(String text, TokenTable tokens, int w, int e, boolean colon) {
        int letters = 0;
        for (int k = tokens.start(w); k < tokens.end(e - 1); k++) {
            if (Character.isLetter(text.charAt(k))) {
                letters++;
            }
        }
        if (letters < MIN_UNKNOWN_HEADER_LETTERS) {
            return false;
        }
        if (colon && e + 1 < tokens.size() && tokens.breaks(e + 1) == 0) {
            byte next = tokens.kind(e + 1);
            return next != TokenKind.NUMBER && next != TokenKind.NUMERIC_PATTERN;
        }
        return true;
    }

    /** Lower case; every run of chars that are not letters or digits becomes one space; trimmed. */
    static void normalize(CharSequence s, int from, int to, StringBuilder out) {
        boolean gap = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
    }

    /** The parsed table. */
    private static final class HeaderTable {
        final Map<String, SectionType> variants = new HashMap<>();
        final Set<String> subheadings = new HashSet<>();

        static HeaderTable read(InputStream in, String source) throws IOException {
            HeaderTable t = new HeaderTable();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            StringBuilder key = new StringBuilder();
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new PipelineConfigurationException(source + ":" + no + ": expected 'variant<TAB>TYPE', found '"
                            + line + "'");
                }
                String typeName = line.substring(tab + 1).trim();
                key.setLength(0);
                normalize(line, 0, tab, key);
                String k = key.toString();
                if (k.isEmpty()) {
                    throw new PipelineConfigurationException(source + ":" + no + ": variant has no letters or digits");
                }
                if (SUBHEADING.equals(typeName)) {
                    t.subheadings.add(k);
                    continue;
                }
                SectionType type;
                try {
                    type = SectionType.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    throw new PipelineConfigurationException(source + ":" + no + ": unknown section type '" + typeName
                            + "'; allowed: " + Arrays.toString(SectionType.values()) + " or '*'", e);
                }
                SectionType old = t.variants.putIfAbsent(k, type);
                if (old != null && old != type) {
                    throw new PipelineConfigurationException(source + ":" + no + ": variant '" + k + "' maps to "
                            + type + " but already maps to " + old);
                }
            }
            return t;
        }
    }
}
