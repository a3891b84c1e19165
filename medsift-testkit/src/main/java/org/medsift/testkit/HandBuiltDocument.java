package org.medsift.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Assertion.Certainty;
import org.medsift.core.model.Assertion.Experiencer;
import org.medsift.core.model.Assertion.Temporality;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.model.Code;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;

/**
 * Builds documents by hand, for testing writers and mappers without the NLP modules: a simple tokenizer, sentences
 * that end at '.' or a blank line (or at every line break, see {@link #sentencesEndAtLineBreaks()}), sections from
 * header strings, and mentions found by their covered text.
 */
public final class HandBuiltDocument {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private final Text text;
    private final TokenTable tokens;
    private final List<Section> sections = new ArrayList<>();
    private final List<ConceptMention> mentions = new ArrayList<>();
    private final List<int[]> sectionStarts = new ArrayList<>();
    private int searchFrom;
    private int sentenceBreaks = 2;

    private HandBuiltDocument(String id, String content) {
        text = Text.of(id, content);
        tokens = new TokenTable(16);
        Matcher m = TOKEN.matcher(content);
        int prevEnd = 0;
        while (m.find()) {
            int breaks = 0;
            for (int i = prevEnd; i < m.start(); i++) {
                if (content.charAt(i) == '\n') {
                    breaks++;
                }
            }
            tokens.add(m.start(), m.end(), (byte) 0, breaks);
            prevEnd = m.end();
        }
    }

    public static HandBuiltDocument note(String id, String content) {
        return new HandBuiltDocument(id, content);
    }

    /** A section whose header is the next occurrence of {@code header}; it runs to the next section. */
    public HandBuiltDocument section(SectionType type, String header) {
        int at = text.content().indexOf(header, searchFrom);
        if (at < 0) {
            throw new IllegalArgumentException("header not found: " + header);
        }
        sectionStarts.add(new int[] {type.ordinal(), at, at + header.length()});
        searchFrom = at + header.length();
        return this;
    }

    /** Moves the search point for the next mention or header to just after {@code marker}. */
    public HandBuiltDocument after(String marker) {
        int at = text.content().indexOf(marker, searchFrom);
        if (at < 0) {
            throw new IllegalArgumentException("marker not found: " + marker);
        }
        searchFrom = at + marker.length();
        return this;
    }

    public HandBuiltDocument mention(String covered, SemanticGroup group, String conceptId, String name, Assertion a,
            Code... codes) {
        int start = text.content().indexOf(covered, searchFrom);
        if (start < 0) {
            throw new IllegalArgumentException("mention not found: " + covered);
        }
        int end = start + covered.length();
        int first = tokens.tokenAtOrAfter(start);
        int last = tokens.tokenAtOrAfter(end - 1);
        mentions.add(new ConceptMention(start, end, first, last + 1, conceptId, name, group, Arrays.asList(codes),
                covered.toLowerCase(java.util.Locale.ROOT), MatchKind.EXACT, 0.9, a, "lexicon:test@1/hand"));
        return this;
    }

    /** Ends a sentence at every line break, not only at blank lines. */
    public HandBuiltDocument sentencesEndAtLineBreaks() {
        sentenceBreaks = 1;
        return this;
    }

    /** The frozen document. */
    public Document build() {
        Document doc = buildUnfrozen();
        doc.freeze();
        return doc;
    }

    /** The document before freezing, so that a test can report problems on it. */
    public Document buildUnfrozen() {
        Document doc = new Document(text);
        doc.put(Layers.TOKENS, tokens);
        SpanTable sentences = new SpanTable(8);
        int first = 0;
        for (int i = 0; i < tokens.size(); i++) {
            boolean lastOfLine = i + 1 == tokens.size() || tokens.breaks(i + 1) >= sentenceBreaks;
            String tok = text.cover(tokens.start(i), tokens.end(i));
            if (tok.equals(".") || lastOfLine) {
                sentences.add(first, i + 1);
                first = i + 1;
            }
        }
        doc.put(Layers.SENTENCES, sentences);
        int n = text.length();
        for (int k = 0; k < sectionStarts.size(); k++) {
            int[] s = sectionStarts.get(k);
            if (k == 0 && s[1] > 0) {
                sections.add(new Section(SectionType.PREAMBLE, 0, s[1], 0, 0, 0, tokens.tokenAtOrAfter(s[1])));
            }
            int end = k + 1 < sectionStarts.size() ? sectionStarts.get(k + 1)[1] : n;
            sections.add(new Section(SectionType.values()[s[0]], s[1], end, s[1], s[2],
                    tokens.tokenAtOrAfter(s[1]), tokens.tokenAtOrAfter(end)));
        }
        if (!sections.isEmpty()) {
            doc.put(Layers.SECTIONS, List.copyOf(sections));
        }
        mentions.sort(Comparator.comparingInt(ConceptMention::start)
                .thenComparing(Comparator.comparingInt(ConceptMention::end).reversed()));
        doc.put(Layers.CONCEPTS, List.copyOf(mentions));
        doc.put(Layers.ASSERTIONS, List.copyOf(mentions));
        return doc;
    }

    public static Assertion affirmed() {
        return Assertion.DEFAULT;
    }

    public static Assertion negated(String trigger, int at) {
        return new Assertion(true, Certainty.CERTAIN, Temporality.RECENT, Experiencer.PATIENT, false,
                List.of(cue("NEGATED", trigger, at)));
    }

    public static Assertion possible() {
        return new Assertion(false, Certainty.POSSIBLE, Temporality.RECENT, Experiencer.PATIENT, false, List.of());
    }

    public static Assertion historical() {
        return new Assertion(false, Certainty.CERTAIN, Temporality.HISTORICAL, Experiencer.PATIENT, false,
                List.of());
    }

    public static Assertion hypothetical() {
        return new Assertion(false, Certainty.CERTAIN, Temporality.HYPOTHETICAL, Experiencer.PATIENT, false,
                List.of());
    }

    public static Assertion conditional() {
        return new Assertion(false, Certainty.CERTAIN, Temporality.RECENT, Experiencer.PATIENT, true, List.of());
    }

    public static Assertion other() {
        return new Assertion(false, Certainty.CERTAIN, Temporality.RECENT, Experiencer.OTHER, false, List.of());
    }

    public static Assertion family(String trigger, boolean negated, Certainty certainty) {
        return new Assertion(negated, certainty, Temporality.RECENT, Experiencer.FAMILY, false,
                List.of(cue("FAMILY", trigger, 0)));
    }

    public static AssertionCue cue(String category, String trigger, int at) {
        return new AssertionCue(category, trigger, at, at + trigger.length(), at, at + trigger.length() + 10,
                "test.rules:1");
    }
}
