package org.medsift.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodedText;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MeasuredValue;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.Medication;
import org.medsift.core.model.MedicationAttribute;
import org.medsift.core.model.Quantity;
import org.medsift.core.model.ReferenceRange;
import org.medsift.core.model.TemporalExpression;
import org.medsift.core.model.Timing;
import org.medsift.core.problem.Problem;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;

/**
 * Writes documents as Medsift JSON, schema {@value #SCHEMA} (docs/json-schema.md, docs/medsift-1.2.schema.json):
 * one object per document with its sections, every finding (offsets, covered text, concept, codes, assertion with
 * its cues, section, sentence, provenance) and its problems, plus the run's provenance.
 *
 * <p>Hand-written and streaming: nothing is buffered beyond the caller's {@code Appendable}. Keys come in a fixed
 * order, so the same document and provenance always give the same bytes. Strings are escaped per RFC 8259 (every
 * control char, U+2028, U+2029 and lone surrogates as {@code \\uXXXX}); other characters, non-BMP included, are
 * written as they are, so write to a UTF-8 {@code Writer}. Offsets are UTF-16 char indices, half-open.
 *
 * <pre>{@code
 * JsonWriter json = JsonWriter.compact(provenance);
 * try (Writer out = Files.newBufferedWriter(path)) {      // UTF-8
 *     for (Document doc : docs) {
 *         json.writeNdjson(doc, out);                     // one line per document
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe (each call writes only to its own {@code Appendable}).
 */
public final class JsonWriter {
    /** The schema id written as {@code "schema"} in every document object. */
    public static final String SCHEMA = "medsift/1.2";

    private final OutputProvenance provenance;
    private final boolean pretty;

    private JsonWriter(OutputProvenance provenance, boolean pretty) {
        if (provenance == null) {
            throw new IllegalArgumentException("provenance is null");
        }
        this.provenance = provenance;
        this.pretty = pretty;
    }

    /** A writer of compact JSON (no whitespace between tokens). */
    public static JsonWriter compact(OutputProvenance provenance) {
        return new JsonWriter(provenance, false);
    }

    /** A writer of indented JSON (two spaces), for people. {@link #writeNdjson} stays compact. */
    public static JsonWriter pretty(OutputProvenance provenance) {
        return new JsonWriter(provenance, true);
    }

    /** Appends one document object, with no trailing newline. */
    public void write(Document doc, Appendable out) throws IOException {
        write(doc, out, pretty);
    }

    /** Appends one document object as one compact line ending in {@code \n} (NDJSON / JSON Lines). */
    public void writeNdjson(Document doc, Appendable out) throws IOException {
        // compact output escapes every line break inside strings, so the object is one line
        write(doc, out, false);
        out.append('\n');
    }

    /** The document object as a string. */
    public String toJson(Document doc) {
        StringBuilder b = new StringBuilder(1024);
        try {
            write(doc, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return b.toString();
    }

    private void write(Document doc, Appendable out, boolean indent) throws IOException {
        DocumentView view = new DocumentView(doc);
        JsonEmitter j = new JsonEmitter(out, indent);
        j.beginObject();
        j.field("schema", SCHEMA);
        j.field("id", view.text.id());
        j.field("length", view.text.length());
        java.time.LocalDate docDate = doc.find(Layers.DOCUMENT_DATE).orElse(null);
        j.field("documentDate", docDate == null ? null : docDate.toString());
        provenance(j);
        j.name("sections").beginArray();
        for (Section s : view.sections) {
            section(j, view, s);
        }
        j.endArray();
        j.name("findings").beginArray();
        for (ConceptMention m : view.mentions) {
            finding(j, view, m);
        }
        j.endArray();
        j.name("medications").beginArray();
        for (Medication m : doc.find(Layers.MEDICATIONS).orElse(java.util.List.of())) {
            medication(j, view, m);
        }
        j.endArray();
        j.name("measurements").beginArray();
        for (Measurement m : doc.find(Layers.MEASUREMENTS).orElse(java.util.List.of())) {
            measurement(j, view, m);
        }
        j.endArray();
        j.name("temporals").beginArray();
        for (TemporalExpression x : doc.find(Layers.TEMPORALS).orElse(java.util.List.of())) {
            j.beginObject();
            j.field("type", x.type().name());
            j.field("start", x.start());
            j.field("end", x.end());
            j.field("text", view.text.cover(x.start(), x.end()));
            j.field("value", x.value());
            j.field("anchor", x.anchor().name());
            j.field("offset", x.offset());
            j.endObject();
        }
        j.endArray();
        j.name("problems").beginArray();
        for (Problem p : doc.problems()) {
            problem(j, p);
        }
        j.endArray();
        j.endObject();
    }

    private void provenance(JsonEmitter j) throws IOException {
        j.name("provenance").beginObject();
        j.field("tool", provenance.tool());
        j.field("toolVersion", provenance.toolVersion());
        j.field("lexicon", provenance.lexicon());
        j.field("lexiconVersion", provenance.lexiconVersion());
        j.name("stages").beginArray();
        for (String s : provenance.stages()) {
            j.value(s);
        }
        j.endArray();
        j.name("ruleFiles").beginArray();
        for (String s : provenance.ruleFiles()) {
            j.value(s);
        }
        j.endArray();
        j.field("timestamp", provenance.timestamp().toString());
        j.endObject();
    }

    private static void section(JsonEmitter j, DocumentView view, Section s) throws IOException {
        j.beginObject();
        j.field("type", s.type().name());
        j.field("title", s.type().title());
        j.field("loinc", s.type().loinc());
        j.field("start", s.start());
        j.field("end", s.end());
        j.field("headerStart", s.headerStart());
        j.field("headerEnd", s.headerEnd());
        j.field("header", view.text.cover(s.headerStart(), s.headerEnd()));
        j.endObject();
    }

    private static void finding(JsonEmitter j, DocumentView view, ConceptMention m) throws IOException {
        j.beginObject();
        j.field("start", m.start());
        j.field("end", m.end());
        j.field("text", view.covered(m));
        j.field("conceptId", m.conceptId());
        j.field("preferredName", m.preferredName());
        j.field("group", m.group().name());
        codes(j, m.codes());
        j.field("matchedTerm", m.matchedTerm());
        j.field("matchKind", m.matchKind().name());
        j.name("confidence").value(m.confidence());
        assertion(j, m.assertion());
        Section s = view.sectionAt(m.start());
        j.field("section", s == null ? null : s.type().name());
        int sentence = view.sentenceOf(m);
        j.name("sentence");
        if (sentence < 0) {
            j.nullValue();
        } else {
            j.beginObject();
            j.field("index", sentence);
            j.field("start", view.sentenceStart(sentence));
            j.field("end", view.sentenceEnd(sentence));
            j.endObject();
        }
        j.field("source", m.source());
        j.endObject();
    }

    private static void medication(JsonEmitter j, DocumentView view, Medication m) throws IOException {
        ConceptMention d = m.drug();
        j.beginObject();
        j.field("start", m.start());
        j.field("end", m.end());
        j.field("drugStart", d.start());
        j.field("drugEnd", d.end());
        j.field("text", view.covered(d));
        j.field("conceptId", d.conceptId());
        j.field("preferredName", d.preferredName());
        codes(j, d.codes());
        j.name("aliases").beginArray();
        for (ConceptMention a : m.aliases()) {
            j.beginObject();
            j.field("start", a.start());
            j.field("end", a.end());
            j.field("text", view.covered(a));
            j.field("conceptId", a.conceptId());
            j.field("preferredName", a.preferredName());
            j.endObject();
        }
        j.endArray();
        j.name("attributes").beginArray();
        for (MedicationAttribute a : m.attributes()) {
            j.beginObject();
            j.field("type", a.kind().name());
            j.field("start", a.start());
            j.field("end", a.end());
            j.field("text", view.text.cover(a.start(), a.end()));
            j.field("normalized", a.normalized());
            j.endObject();
        }
        j.endArray();
        quantity(j, "strength", m.strength());
        quantity(j, "strengthPer", m.strengthPer());
        quantity(j, "dose", m.dose());
        coded(j, "route", m.route());
        coded(j, "form", m.form());
        j.name("timing");
        Timing t = m.timing();
        if (t == null) {
            j.nullValue();
        } else {
            j.beginObject();
            j.field("frequency", t.frequency());
            j.field("frequencyMax", t.frequencyMax());
            j.name("period").value(t.period());
            j.name("periodMax").value(t.periodMax());
            j.field("periodUnit", t.periodUnit());
            j.name("when").beginArray();
            for (String w : t.when()) {
                j.value(w);
            }
            j.endArray();
            j.endObject();
        }
        quantity(j, "duration", m.duration());
        j.field("asNeeded", m.asNeeded());
        j.field("asNeededReason", m.asNeededReason());
        j.field("status", m.status());
        j.name("clinicalDrug");
        if (m.clinicalDrug() == null) {
            j.nullValue();
        } else {
            code(j, m.clinicalDrug());
        }
        assertion(j, d.assertion());
        j.endObject();
    }

    private static void measurement(JsonEmitter j, DocumentView view, Measurement m) throws IOException {
        j.beginObject();
        j.field("kind", m.kind().name());
        j.field("key", m.key());
        j.field("name", m.name());
        codes(j, m.codes());
        j.field("start", m.start());
        j.field("end", m.end());
        j.field("nameText", view.text.cover(m.nameStart(), m.nameEnd()));
        MeasuredValue v = m.value();
        j.name("value").beginObject();
        j.field("kind", v.kind().name());
        j.field("start", v.start());
        j.field("end", v.end());
        j.field("raw", v.raw());
        number(j, "number", v.number());
        number(j, "second", v.second());
        j.field("comparator", v.comparator());
        j.field("coded", v.coded());
        j.endObject();
        j.field("unit", m.unit());
        j.field("ucum", m.ucum());
        span(j, "unitSpan", m.unitStart(), m.unitEnd());
        j.name("referenceRange");
        ReferenceRange r = m.referenceRange();
        if (r == null) {
            j.nullValue();
        } else {
            j.beginObject();
            j.field("start", r.start());
            j.field("end", r.end());
            number(j, "low", r.low());
            number(j, "high", r.high());
            j.field("text", r.text());
            j.endObject();
        }
        j.field("interpretation", m.interpretation());
        span(j, "flagSpan", m.flagStart(), m.flagEnd());
        j.field("qualifier", m.qualifier());
        assertion(j, m.assertion());
        j.endObject();
    }

    private static void codes(JsonEmitter j, List<Code> codes) throws IOException {
        j.name("codes").beginArray();
        for (Code c : codes) {
            code(j, c);
        }
        j.endArray();
    }

    private static void code(JsonEmitter j, Code c) throws IOException {
        j.beginObject();
        j.field("system", c.system());
        j.field("code", c.code());
        j.field("display", c.display());
        j.endObject();
    }

    private static void quantity(JsonEmitter j, String name, Quantity q) throws IOException {
        j.name(name);
        if (q == null) {
            j.nullValue();
            return;
        }
        j.beginObject();
        j.name("value").value(q.value());
        j.field("unit", q.unit());
        j.field("ucum", q.ucum());
        j.endObject();
    }

    private static void coded(JsonEmitter j, String name, CodedText c) throws IOException {
        j.name(name);
        if (c == null) {
            j.nullValue();
            return;
        }
        j.beginObject();
        j.field("text", c.text());
        j.name("code");
        if (c.code() == null) {
            j.nullValue();
        } else {
            j.beginObject();
            j.field("system", c.code().system());
            j.field("code", c.code().code());
            j.field("display", c.code().display());
            j.endObject();
        }
        j.endObject();
    }

    private static void number(JsonEmitter j, String name, double v) throws IOException {
        j.name(name);
        if (Double.isNaN(v)) {
            j.nullValue();
        } else {
            j.value(v);
        }
    }

    private static void span(JsonEmitter j, String name, int start, int end) throws IOException {
        j.name(name);
        if (start < 0) {
            j.nullValue();
        } else {
            j.beginObject();
            j.field("start", start);
            j.field("end", end);
            j.endObject();
        }
    }

    private static void assertion(JsonEmitter j, Assertion a) throws IOException {
        j.name("assertion").beginObject();
        j.field("negated", a.negated());
        j.field("certainty", lower(a.certainty()));
        j.field("temporality", lower(a.temporality()));
        j.field("experiencer", lower(a.experiencer()));
        j.field("conditional", a.conditional());
        j.name("cues").beginArray();
        for (AssertionCue c : a.cues()) {
            j.beginObject();
            j.field("category", c.category());
            j.field("trigger", c.trigger());
            j.field("start", c.start());
            j.field("end", c.end());
            j.field("scopeStart", c.scopeStart());
            j.field("scopeEnd", c.scopeEnd());
            j.field("rule", c.rule());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void problem(JsonEmitter j, Problem p) throws IOException {
        j.beginObject();
        j.field("code", p.code());
        j.field("severity", p.severity().name());
        j.name("location").beginObject();
        j.field("documentId", p.where().documentId());
        j.field("path", p.where().path());
        j.endObject();
        j.field("message", p.message());
        j.field("raw", p.rawValue());
        j.endObject();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "JsonWriter[" + SCHEMA + (pretty ? ", pretty" : ", compact") + "]";
    }
}
