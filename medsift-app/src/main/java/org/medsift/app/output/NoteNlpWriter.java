package org.medsift.app.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.text.Document;
import org.medsift.core.text.Section;

/**
 * Writes findings as OMOP CDM v5.4 {@code NOTE_NLP} rows, CSV per RFC 4180 (fields quoted only when they hold a
 * comma, quote, CR or LF; quotes doubled; lines end in CRLF unless configured). One row per concept mention, every
 * group and every assertion: {@code term_exists} tells whether the patient has the finding. docs/note-nlp.md gives
 * the mapping of each column.
 *
 * <pre>{@code
 * NoteNlpWriter nlp = NoteNlpWriter.builder(provenance).build();
 * nlp.writeHeader(out);
 * nlp.write(doc, noteId, out);          // noteId: NOTE.note_id of the note
 * }</pre>
 *
 * <p>{@code note_nlp_id}s come from a counter in the writer, starting at {@link Builder#firstNoteNlpId(long)}: use
 * one writer per output table. Thread-safe (the counter is atomic), but rows of concurrent calls to one
 * {@code Appendable} interleave unless the caller serializes them.
 */
public final class NoteNlpWriter {
    /** The v5.4 column names, in table order. */
    public static final List<String> COLUMNS = List.of("note_nlp_id", "note_id", "section_concept_id", "snippet",
            "offset", "lexical_variant", "note_nlp_concept_id", "note_nlp_source_concept_id", "nlp_system",
            "nlp_date", "nlp_datetime", "term_exists", "term_temporal", "term_modifiers");

    /** Maximum length of {@code snippet} and {@code lexical_variant} (varchar(250) in v5.4). */
    public static final int MAX_SNIPPET = 250;
    /** Maximum length of {@code nlp_system} (varchar(250)). */
    static final int MAX_SYSTEM = 250;
    /** Maximum length of {@code term_modifiers} (varchar(2000)). */
    static final int MAX_MODIFIERS = 2000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String nlpSystem;
    private final String nlpDate;
    private final String nlpDatetime;
    private final String lineEnd;
    private final AtomicLong nextId;

    private NoteNlpWriter(Builder b) {
        nlpSystem = clip(b.nlpSystem, MAX_SYSTEM);
        ZonedDateTime t = b.nlpDatetime.atZone(ZoneOffset.UTC);
        nlpDate = DATE.format(t);
        nlpDatetime = DATETIME.format(t);
        lineEnd = b.lineEnd;
        nextId = new AtomicLong(b.firstId);
    }

    /**
     * A builder with {@code nlp_system} "Medsift VERSION" (tool name capitalized; lexicon appended when known) and
     * {@code nlp_datetime} the provenance timestamp, in UTC.
     */
    public static Builder builder(OutputProvenance provenance) {
        String tool = provenance.tool();
        String name = Character.toUpperCase(tool.charAt(0)) + tool.substring(1);
        String system = name + " " + provenance.toolVersion()
                + (provenance.lexicon().isEmpty() ? ""
                        : " (lexicon " + provenance.lexicon()
                                + (provenance.lexiconVersion().isEmpty() ? "" : " " + provenance.lexiconVersion())
                                + ")");
        return new Builder(system, provenance.timestamp());
    }

    /** Appends the header row. */
    public void writeHeader(Appendable out) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(COLUMNS.get(i));
        }
        out.append(lineEnd);
    }

    /** As {@link #write(Document, long, Appendable)} with {@link #stableNoteId(String)} of the document id. */
    public int write(Document doc, Appendable out) throws IOException {
        return write(doc, stableNoteId(doc.text().id()), out);
    }

    /**
     * Appends one row per concept mention of the document, in text order.
     *
     * @param noteId the OMOP {@code NOTE.note_id} of the note
     * @return the number of rows written
     */
    public int write(Document doc, long noteId, Appendable out) throws IOException {
        DocumentView view = new DocumentView(doc);
        StringBuilder row = new StringBuilder(512);
        for (ConceptMention m : view.mentions) {
            Assertion a = m.assertion();
            Section section = view.sectionAt(m.start());
            row.setLength(0);
            row.append(nextId.getAndIncrement()).append(',');
            row.append(noteId).append(',');
            row.append('0').append(',');                     // section_concept_id: no OMOP vocabulary offline
            field(row, snippet(view, m)).append(',');
            row.append(m.start()).append(',');               // offset: UTF-16 char offset of the mention
            field(row, clip(flatten(view.covered(m)), MAX_SNIPPET)).append(',');
            row.append('0').append(',');                     // note_nlp_concept_id
            row.append('0').append(',');                     // note_nlp_source_concept_id
            field(row, nlpSystem).append(',');
            row.append(nlpDate).append(',');
            row.append(nlpDatetime).append(',');
            row.append(termExists(a) ? 'Y' : 'N').append(',');
            row.append(termTemporal(a)).append(',');
            field(row, clip(modifiers(m, section), MAX_MODIFIERS));
            row.append(lineEnd);
            out.append(row);
        }
        return view.mentions.size();
    }

    /**
     * OMOP's {@code term_exists}: {@code Y} unless the finding is negated, possible, hypothetical, conditional, or
     * experienced by someone other than the patient. Historical findings exist ({@code term_temporal} says past).
     */
    static boolean termExists(Assertion a) {
        return !a.negated() && a.certainty() == Assertion.Certainty.CERTAIN
                && a.temporality() != Assertion.Temporality.HYPOTHETICAL && !a.conditional()
                && a.experiencer() == Assertion.Experiencer.PATIENT;
    }

    /** {@code present}, {@code past} or {@code hypothetical}. */
    static String termTemporal(Assertion a) {
        switch (a.temporality()) {
            case HISTORICAL: return "past";
            case HYPOTHETICAL: return "hypothetical";
            default: return "present";
        }
    }

    /**
     * {@code key=value} pairs, comma-separated, in a fixed order: negated, certainty, temporality, experiencer,
     * conditional, concept, code (primary code as SYSTEM:code, when any), group, section (when known). Commas,
     * equals signs and backslashes inside values are escaped with a backslash.
     */
    static String modifiers(ConceptMention m, Section section) {
        Assertion a = m.assertion();
        StringBuilder b = new StringBuilder(160);
        pair(b, "negated", Boolean.toString(a.negated()));
        pair(b, "certainty", JsonWriter.lower(a.certainty()));
        pair(b, "temporality", JsonWriter.lower(a.temporality()));
        pair(b, "experiencer", JsonWriter.lower(a.experiencer()));
        pair(b, "conditional", Boolean.toString(a.conditional()));
        pair(b, "concept", m.conceptId());
        if (!m.codes().isEmpty()) {
            Code c = m.codes().get(0);
            pair(b, "code", CodeSystems.shortName(c.system()) + ":" + c.code());
        }
        pair(b, "group", m.group().name());
        if (section != null) {
            pair(b, "section", section.type().name());
        }
        return b.toString();
    }

    private static void pair(StringBuilder b, String key, String value) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '=' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /**
     * The mention's sentence when it fits in {@value #MAX_SNIPPET} chars, else a window of that size centred on the
     * mention (the mention's first {@value #MAX_SNIPPET} chars when it is longer). Line breaks, tabs and other
     * control chars become spaces; surrogate pairs are never split.
     */
    static String snippet(DocumentView view, ConceptMention m) {
        String text = view.text.content();
        int sentence = view.sentenceOf(m);
        int from;
        int to;
        if (sentence >= 0 && view.sentenceEnd(sentence) - view.sentenceStart(sentence) <= MAX_SNIPPET
                && view.sentenceStart(sentence) <= m.start() && m.end() <= view.sentenceEnd(sentence)) {
            from = view.sentenceStart(sentence);
            to = view.sentenceEnd(sentence);
        } else if (m.end() - m.start() >= MAX_SNIPPET) {
            from = m.start();
            to = m.start() + MAX_SNIPPET;
        } else {
            int spare = MAX_SNIPPET - (m.end() - m.start());
            from = Math.max(0, m.start() - spare / 2);
            to = Math.min(text.length(), from + MAX_SNIPPET);
            from = Math.max(0, to - MAX_SNIPPET);
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))
                && Character.isHighSurrogate(text.charAt(from - 1))) {
            from++;
        }
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))
                && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return flatten(text.substring(from, to));
    }

    /** Control chars (line breaks, tabs ...) as spaces, keeping the length, so that offsets still line up. */
    static String flatten(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? s : b.toString();
    }

    /** At most {@code max} chars, never ending inside a surrogate pair. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** Appends a CSV field, quoted per RFC 4180 when it holds a comma, quote, CR or LF. */
    static StringBuilder field(StringBuilder row, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            return row.append(value);
        }
        row.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        return row.append('"');
    }

    /**
     * A stable positive {@code note_id} for a document id: the first 63 bits of its SHA-256. For when the caller
     * has no NOTE.note_id; it does not fit a 32-bit INTEGER column (see docs/note-nlp.md).
     */
    public static long stableNoteId(String documentId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            long id = v & Long.MAX_VALUE;
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "NoteNlpWriter[next note_nlp_id=" + nextId.get() + "]";
    }

    /** Builds a {@link NoteNlpWriter}. */
    public static final class Builder {
        private String nlpSystem;
        private Instant nlpDatetime;
        private long firstId = 1;
        private String lineEnd = "\r\n";

        private Builder(String nlpSystem, Instant nlpDatetime) {
            this.nlpSystem = nlpSystem;
            this.nlpDatetime = nlpDatetime;
        }

        /** {@code nlp_system}, at most 250 chars (longer is clipped). */
        public Builder nlpSystem(String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("nlpSystem must not be empty");
            }
            this.nlpSystem = value;
            return this;
        }

        /** {@code nlp_datetime} (and {@code nlp_date}), written in UTC. */
        public Builder nlpDatetime(Instant value) {
            if (value == null) {
                throw new IllegalArgumentException("nlpDatetime is null");
            }
            this.nlpDatetime = value;
            return this;
        }

        /** The first {@code note_nlp_id}; default 1. */
        public Builder firstNoteNlpId(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("firstNoteNlpId " + value + " is negative");
            }
            this.firstId = value;
            return this;
        }

        /** Row terminator: {@code "\r\n"} (RFC 4180, the default) or {@code "\n"}. */
        public Builder lineEnd(String value) {
            if (!"\r\n".equals(value) && !"\n".equals(value)) {
                throw new IllegalArgumentException("lineEnd must be \\r\\n or \\n");
            }
            this.lineEnd = value;
            return this;
        }

        public NoteNlpWriter build() {
            return new NoteNlpWriter(this);
        }
    }
}
