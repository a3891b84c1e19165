package org.medsift.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Severity;
import org.medsift.core.text.Document;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.Text;

class JsonWriterTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static Map<String, Object> schema;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadSchema() throws IOException {
        schema = (Map<String, Object>) MiniJson.parse(
                Files.readString(DOCS.resolve("medsift-1.2.schema.json"), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) MiniJson.parse(json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> finding(Map<String, Object> doc, String text) {
        for (Map<String, Object> f : list(doc.get("findings"))) {
            if (f.get("text").equals(text)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + text);
    }

    @Test
    void compactAndPrettyOutputConformToThePublishedSchema() {
        for (JsonWriter w : List.of(JsonWriter.compact(OutputFixtures.PROVENANCE),
                JsonWriter.pretty(OutputFixtures.PROVENANCE))) {
            Map<String, Object> doc = parse(w.toJson(OutputFixtures.note()));
            assertEquals(List.of(), SchemaCheck.check(schema, doc), w.toString());
        }
    }

    @Test
    void prettyAndCompactHoldTheSameValues() {
        Document d = OutputFixtures.note();
        assertEquals(parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(d)),
                parse(JsonWriter.pretty(OutputFixtures.PROVENANCE).toJson(d)));
    }

    @Test
    void writesKeysInTheDocumentedOrder() {
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(OutputFixtures.note()));
        assertEquals(List.of("schema", "id", "length", "documentDate", "provenance", "sections", "findings", "medications",
                "measurements", "temporals", "problems"),
                new ArrayList<>(doc.keySet()));
        assertEquals(List.of("start", "end", "text", "conceptId", "preferredName", "group", "codes", "matchedTerm",
                "matchKind", "confidence", "assertion", "section", "sentence", "source"),
                new ArrayList<>(list(doc.get("findings")).get(0).keySet()));
    }

    @Test
    void everyStringSurvivesTheRoundTripExactly() {
        Document d = OutputFixtures.note();
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(d));
        assertEquals("medsift/1.2", doc.get("schema"));
        assertEquals(new BigDecimal(OutputFixtures.NOTE.length()), doc.get("length"));
        for (Map<String, Object> f : list(doc.get("findings"))) {
            int start = ((BigDecimal) f.get("start")).intValue();
            int end = ((BigDecimal) f.get("end")).intValue();
            assertEquals(OutputFixtures.NOTE.substring(start, end), f.get("text"));
        }
        assertEquals("chest\npain", finding(doc, "chest\npain").get("text"));
        assertEquals("sulfonamide, \"sulfa\"", finding(doc, "sulfa").get("preferredName"));
        Map<String, Object> problem = list(doc.get("problems")).get(0);
        assertEquals("line\u0001ctl \"q\"", problem.get("raw"));
        assertEquals(Map.of("documentId", "note-1", "path", "3:20"), problem.get("location"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain|\"plain\"",
        "a\"b|\"a\\\"b\"",
        "a\\b|\"a\\\\b\"",
        "a/b|\"a/b\""})
    void escapesQuotesBackslashesAndLineBreaks(String in, String expected) throws IOException {
        StringBuilder b = new StringBuilder();
        JsonEmitter.quote(in, b);
        assertEquals(expected, b.toString());
    }

    @Test
    void escapesLineBreaksAndTabsShort() throws IOException {
        StringBuilder b = new StringBuilder();
        JsonEmitter.quote("\n\r\t", b);
        assertEquals("\"\\n\\r\\t\"", b.toString());
    }

    @Test
    void escapesEveryControlCharAndJavaScriptLineTerminators() throws IOException {
        StringBuilder in = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            in.append(c);
        }
        in.append('\u007f').append('\u2028').append('\u2029');
        StringBuilder out = new StringBuilder();
        JsonEmitter.quote(in, out);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            assertTrue(c >= 0x20 && c < 0x7f, "raw char " + (int) c + " in " + out);
        }
        assertTrue(out.toString().startsWith("\"\\u0000\\u0001"));
        assertTrue(out.toString().endsWith("\\u001f\\u007f\\u2028\\u2029\""));
        assertTrue(out.toString().contains("\\b\\t\\n\\u000b\\f\\r"));
        assertEquals(in.toString(), MiniJson.parse(out.toString()));
    }

    @Test
    void writesSurrogatePairsAsTheyAreAndEscapesLoneSurrogates() throws IOException {
        StringBuilder out = new StringBuilder();
        JsonEmitter.quote("a\uD83D\uDE00b\uD800c\uDC00d\uDBFF", out);
        assertEquals("\"a\uD83D\uDE00b\\ud800c\\udc00d\\udbff\"", out.toString());
        String json = JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(OutputFixtures.note());
        // the output encodes to UTF-8 and back unchanged: no lone surrogate reached it
        assertEquals(json, new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void findingCarriesAssertionCuesSectionAndSentence() {
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(OutputFixtures.note()));
        Map<String, Object> fever = finding(doc, "fever");
        Map<String, Object> a = map(fever.get("assertion"));
        assertEquals(Boolean.TRUE, a.get("negated"));
        assertEquals("certain", a.get("certainty"));
        assertEquals("recent", a.get("temporality"));
        assertEquals("patient", a.get("experiencer"));
        Map<String, Object> cue = list(a.get("cues")).get(0);
        assertEquals("NEGATED", cue.get("category"));
        assertEquals("Denies", cue.get("trigger"));
        assertEquals(new BigDecimal(OutputFixtures.NOTE.indexOf("Denies")), cue.get("start"));
        assertEquals("HISTORY_OF_PRESENT_ILLNESS", fever.get("section"));
        Map<String, Object> sentence = map(fever.get("sentence"));
        assertEquals("HPI: Denies fever.", OutputFixtures.NOTE.substring(((BigDecimal) sentence.get("start")).intValue(),
                ((BigDecimal) sentence.get("end")).intValue()));
        assertEquals("family", map(finding(doc, "breast cancer").get("assertion")).get("experiencer"));
        assertEquals("historical", map(finding(doc, "MI").get("assertion")).get("temporality"));
        assertEquals("possible", map(finding(doc, "pneumonia").get("assertion")).get("certainty"));
        List<Map<String, Object>> codes = list(finding(doc, "chest\npain").get("codes"));
        assertEquals("http://snomed.info/sct", codes.get(0).get("system"));
        assertEquals("R07.9", codes.get(1).get("code"));
        assertEquals(new BigDecimal("0.9"), finding(doc, "MI").get("confidence"));
        assertEquals("lexicon:test@1/hand", finding(doc, "MI").get("source"));
        Map<String, Object> section = list(doc.get("sections")).get(0);
        assertEquals("CHIEF_COMPLAINT", section.get("type"));
        assertEquals("10154-3", section.get("loinc"));
        assertEquals("Chief complaint", section.get("header"));
    }

    @Test
    void writesProvenanceAsGiven() {
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(OutputFixtures.note()));
        Map<String, Object> p = map(doc.get("provenance"));
        assertEquals("medsift", p.get("tool"));
        assertEquals("0.1.0", p.get("toolVersion"));
        assertEquals("medsift-default", p.get("lexicon"));
        assertEquals(List.of("tokenize", "sentences", "sections", "lexicon", "context"), p.get("stages"));
        assertEquals("2025-03-04T05:06:07Z", p.get("timestamp"));
    }

    @Test
    void ndjsonWritesOneLinePerDocument() throws IOException {
        JsonWriter w = JsonWriter.pretty(OutputFixtures.PROVENANCE);
        StringBuilder out = new StringBuilder();
        w.writeNdjson(OutputFixtures.note(), out);
        w.writeNdjson(bare("note-2", "Nothing here."), out);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(3, lines.length);
        assertEquals("", lines[2]);
        assertEquals("note-1", parse(lines[0]).get("id"));
        assertEquals("note-2", parse(lines[1]).get("id"));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        JsonWriter w = JsonWriter.compact(OutputFixtures.PROVENANCE);
        assertEquals(w.toJson(OutputFixtures.note()), w.toJson(OutputFixtures.note()));
    }

    @Test
    void documentWithoutLayersHasEmptyListsAndConforms() {
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(bare("empty", "")));
        assertEquals(List.of(), doc.get("sections"));
        assertEquals(List.of(), doc.get("findings"));
        assertEquals(List.of(), doc.get("problems"));
        assertEquals(List.of(), SchemaCheck.check(schema, doc));
    }

    @Test
    void findingWithoutSentencesHasNullSentenceAndSection() {
        Document d = new Document(Text.of("n", "fever"));
        d.put(org.medsift.core.text.Layers.CONCEPTS, List.of(new org.medsift.core.model.ConceptMention(0, 5, 0, 1,
                "SNOMEDCT:386661006", "Fever", SemanticGroup.FINDING, List.of(), "fever", MatchKind.EXACT, 1.0,
                org.medsift.core.model.Assertion.DEFAULT, "test")));
        d.put(org.medsift.core.text.Layers.SECTIONS, List.of(
                new org.medsift.core.text.Section(SectionType.PREAMBLE, 0, 0, 0, 0, 0, 0)));
        d.freeze();
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(d));
        Map<String, Object> f = list(doc.get("findings")).get(0);
        assertNull(f.get("sentence"));
        assertNull(f.get("section"));
        assertTrue(f.containsKey("sentence"));
        Map<String, Object> preamble = list(doc.get("sections")).get(0);
        assertTrue(preamble.containsKey("loinc"));
        assertNull(preamble.get("loinc"), "the preamble has no LOINC code");
        assertEquals("", preamble.get("header"));
        assertEquals(List.of(), SchemaCheck.check(schema, doc));
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaEnumsMatchTheJavaEnums() {
        Map<String, Object> defs = map(schema.get("$defs"));
        assertEquals(names(SectionType.values()),
                map(map(map(defs.get("section")).get("properties")).get("type")).get("enum"));
        Map<String, Object> finding = map(map(defs.get("finding")).get("properties"));
        assertEquals(names(SemanticGroup.values()), map(finding.get("group")).get("enum"));
        assertEquals(names(MatchKind.values()), map(finding.get("matchKind")).get("enum"));
        assertEquals(names(Severity.values()),
                map(map(map(defs.get("problem")).get("properties")).get("severity")).get("enum"));
        List<Object> any = (List<Object>) map(finding.get("section")).get("anyOf");
        assertEquals(names(SectionType.values()), map(any.get(0)).get("enum"));
    }

    @Test
    void theExampleInTheDocsConformsToTheSchema() throws IOException {
        String md = Files.readString(DOCS.resolve("json-schema.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(md);
        assertTrue(m.find(), "docs/json-schema.md has a json example");
        Map<String, Object> example = parse(m.group(1));
        assertEquals(List.of(), SchemaCheck.check(schema, example));
        assertFalse(list(example.get("findings")).isEmpty());
    }

    @Test
    void schemaCheckCatchesViolations() {
        Map<String, Object> doc = parse(JsonWriter.compact(OutputFixtures.PROVENANCE).toJson(OutputFixtures.note()));
        doc.put("extra", 1);
        map(list(doc.get("findings")).get(0).get("assertion")).put("certainty", "sure");
        list(doc.get("findings")).get(1).remove("source");
        assertEquals(3, SchemaCheck.check(schema, doc).size(), SchemaCheck.check(schema, doc).toString());
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e.name());
        }
        return out;
    }

    private static Document bare(String id, String text) {
        Document d = new Document(Text.of(id, text));
        d.freeze();
        return d;
    }
}
