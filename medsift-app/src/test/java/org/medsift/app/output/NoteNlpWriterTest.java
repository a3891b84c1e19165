package org.medsift.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Assertion.Certainty;
import org.medsift.core.model.Assertion.Experiencer;
import org.medsift.core.model.Assertion.Temporality;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.text.Document;
import org.medsift.core.text.SectionType;
import org.medsift.testkit.HandBuiltDocument;

class NoteNlpWriterTest {
    private static final List<String> V54_COLUMNS = List.of("note_nlp_id", "note_id", "section_concept_id",
            "snippet", "offset", "lexical_variant", "note_nlp_concept_id", "note_nlp_source_concept_id",
            "nlp_system", "nlp_date", "nlp_datetime", "term_exists", "term_temporal", "term_modifiers");

    /** RFC 4180 reader for tests: records of fields; CRLF or LF record ends; quoted fields may hold anything. */
    static List<List<String>> readCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i < csv.length()) {
            char c = csv.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < csv.length() && csv.charAt(i) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                if (f.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    if (i >= csv.length() || csv.charAt(i) != '\n') {
                        throw new IllegalArgumentException("bare CR outside quotes at " + i);
                    }
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                wasQuoted = false;
            } else {
                if (wasQuoted) {
                    throw new IllegalArgumentException("data after closing quote at " + i);
                }
                f.append(c);
            }
        }
        if (quoted || f.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last record is not terminated");
        }
        return rows;
    }

    private static String write(Document doc, long noteId) throws IOException {
        NoteNlpWriter w = NoteNlpWriter.builder(OutputFixtures.PROVENANCE).build();
        StringBuilder out = new StringBuilder();
        w.writeHeader(out);
        w.write(doc, noteId, out);
        return out.toString();
    }

    private static Map<String, List<String>> byLexicalVariant(List<List<String>> rows) {
        Map<String, List<String>> out = new TreeMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.put(r.get(5), r);
        }
        return out;
    }

    @Test
    void headerHasTheExactV54ColumnsAndLinesEndInCrlf() throws IOException {
        assertEquals(V54_COLUMNS, NoteNlpWriter.COLUMNS);
        String csv = write(OutputFixtures.note(), 42);
        assertTrue(csv.startsWith(String.join(",", V54_COLUMNS) + "\r\n"));
        assertEquals(V54_COLUMNS, readCsv(csv).get(0));
    }

    @Test
    void writesOneRowOfFourteenFieldsPerMention() throws IOException {
        Document doc = OutputFixtures.note();
        List<List<String>> rows = readCsv(write(doc, 42));
        int mentions = doc.require(org.medsift.core.text.Layers.CONCEPTS).size();
        assertEquals(mentions + 1, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            assertEquals(14, r.size(), r.toString());
            assertEquals(Long.toString(i), r.get(0), "note_nlp_id counts from 1");
            assertEquals("42", r.get(1));
            assertEquals("0", r.get(2));
            assertEquals("0", r.get(6));
            assertEquals("0", r.get(7));
            assertEquals("Medsift 0.1.0 (lexicon medsift-default 0.1.0)", r.get(8));
            assertEquals("2025-03-04", r.get(9));
            assertEquals("2025-03-04 05:06:07", r.get(10));
            assertTrue(r.get(3).length() <= 250 && r.get(5).length() <= 250);
            int offset = Integer.parseInt(r.get(4));
            assertEquals(OutputFixtures.NOTE.substring(offset, offset + r.get(5).length()).replace('\n', ' '),
                    r.get(5), "offset and lexical_variant line up");
        }
    }

    @Test
    void mapsAssertionsToTermExistsTemporalAndModifiers() throws IOException {
        Map<String, List<String>> rows = byLexicalVariant(readCsv(write(OutputFixtures.note(), 1)));
        List<String> fever = rows.get("fever");
        assertEquals("N", fever.get(11));
        assertEquals("present", fever.get(12));
        assertEquals("negated=true,certainty=certain,temporality=recent,experiencer=patient,conditional=false,"
                + "concept=SNOMEDCT:386661006,code=SNOMEDCT:386661006,group=FINDING,"
                + "section=HISTORY_OF_PRESENT_ILLNESS", fever.get(13));
        assertEquals("N", rows.get("breast cancer").get(11));
        assertEquals("Y", rows.get("MI").get(11));
        assertEquals("past", rows.get("MI").get(12));
        assertEquals("N", rows.get("pneumonia").get(11));
        assertEquals("Y", rows.get("penicillin").get(11));
        assertEquals("negated=false,certainty=certain,temporality=recent,experiencer=patient,conditional=false,"
                + "concept=medsift:drg_sulfonamide,group=DRUG,section=ALLERGIES", rows.get("sulfa").get(13));
    }

    @Test
    void quotesFieldsWithCommasQuotesAndKeepsSnippetsOnOneLine() throws IOException {
        String csv = write(OutputFixtures.note(), 1);
        Map<String, List<String>> rows = byLexicalVariant(readCsv(csv));
        List<String> chest = rows.get("chest pain");
        assertEquals("Chief complaint: \"chest pain\" back\\slash and tab.", chest.get(3),
                "whole sentence, line break and tab as spaces");
        assertTrue(csv.contains("\"Chief complaint: \"\"chest pain\"\" back\\slash and tab.\""));
        assertEquals("Allergies: penicillin, sulfa.", rows.get("sulfa").get(3));
        for (String line : csv.split("\r\n")) {
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0);
        }
    }

    @Test
    void snippetIsAWindowOf250CharsWhenTheSentenceIsLonger() throws IOException {
        String filler = "word ".repeat(100);
        String text = filler + "sudden chest pain " + filler + ".";
        Document doc = HandBuiltDocument.note("long", text)
                .mention("chest pain", SemanticGroup.FINDING, "SNOMEDCT:29857009", "Chest pain", Assertion.DEFAULT)
                .build();
        List<String> row = readCsv(write(doc, 7)).get(1);
        String snippet = row.get(3);
        assertEquals(250, snippet.length());
        assertTrue(snippet.contains("sudden chest pain"));
        int at = snippet.indexOf("chest pain");
        assertTrue(Math.abs(at - (250 - 10) / 2) <= 1, "centred: " + at);
    }

    @Test
    void snippetNeverSplitsASurrogatePair() {
        String pre = "\uD83D\uDE00".repeat(200);
        String text = pre + "fever" + pre;
        Document doc = HandBuiltDocument.note("emoji", text)
                .mention("fever", SemanticGroup.FINDING, "SNOMEDCT:386661006", "Fever", Assertion.DEFAULT)
                .build();
        DocumentView view = new DocumentView(doc);
        String snippet = NoteNlpWriter.snippet(view, view.mentions.get(0));
        assertTrue(snippet.length() <= 250);
        assertTrue(snippet.contains("fever"));
        assertTrue(!Character.isLowSurrogate(snippet.charAt(0)));
        assertTrue(!Character.isHighSurrogate(snippet.charAt(snippet.length() - 1)));
    }

    @ParameterizedTest
    @CsvSource({
        "false, CERTAIN, RECENT, PATIENT, false, Y, present",
        "false, CERTAIN, HISTORICAL, PATIENT, false, Y, past",
        "true, CERTAIN, RECENT, PATIENT, false, N, present",
        "false, POSSIBLE, RECENT, PATIENT, false, N, present",
        "false, CERTAIN, HYPOTHETICAL, PATIENT, false, N, hypothetical",
        "false, CERTAIN, RECENT, PATIENT, true, N, present",
        "false, CERTAIN, RECENT, FAMILY, false, N, present",
        "false, CERTAIN, RECENT, OTHER, false, N, present"})
    void termExistsFollowsTheOmopConvention(boolean negated, Certainty c, Temporality t, Experiencer e,
            boolean conditional, String exists, String temporal) {
        Assertion a = new Assertion(negated, c, t, e, conditional, List.of());
        assertEquals(exists, NoteNlpWriter.termExists(a) ? "Y" : "N");
        assertEquals(temporal, NoteNlpWriter.termTemporal(a));
    }

    @Test
    void noteNlpIdsContinueAcrossDocumentsAndStartWhereAsked() throws IOException {
        NoteNlpWriter w = NoteNlpWriter.builder(OutputFixtures.PROVENANCE).firstNoteNlpId(1000).lineEnd("\n")
                .nlpDatetime(Instant.parse("2024-12-31T23:59:59Z")).build();
        StringBuilder out = new StringBuilder();
        int n = w.write(OutputFixtures.note(), 1, out);
        w.write(OutputFixtures.note(), 2, out);
        List<List<String>> rows = readCsv(out.toString());
        assertEquals(2 * n, rows.size());
        assertEquals("1000", rows.get(0).get(0));
        assertEquals(Long.toString(1000 + 2 * n - 1), rows.get(rows.size() - 1).get(0));
        assertEquals("2024-12-31 23:59:59", rows.get(0).get(10));
        assertTrue(out.indexOf("\r") < 0);
    }

    @Test
    void stableNoteIdIsPositiveAndDependsOnlyOnTheDocumentId() throws IOException {
        long a = NoteNlpWriter.stableNoteId("note-1");
        assertEquals(a, NoteNlpWriter.stableNoteId("note-1"));
        assertNotEquals(a, NoteNlpWriter.stableNoteId("note-2"));
        assertTrue(a > 0);
        NoteNlpWriter w = NoteNlpWriter.builder(OutputFixtures.PROVENANCE).build();
        StringBuilder out = new StringBuilder();
        w.write(OutputFixtures.note(), out);
        assertEquals(Long.toString(a), readCsv(out.toString()).get(0).get(1));
    }

    @Test
    void escapesSeparatorsInsideModifierValues() {
        Document doc = HandBuiltDocument.note("m", "fever")
                .mention("fever", SemanticGroup.FINDING, "local:a,b=c\\d", "Fever", Assertion.DEFAULT).build();
        String mods = NoteNlpWriter.modifiers(new DocumentView(doc).mentions.get(0), null);
        assertTrue(mods.contains("concept=local:a\\,b\\=c\\\\d,group=FINDING"), mods);
    }

    @Test
    void sectionModifierNamesTheSectionType() {
        Document doc = HandBuiltDocument.note("s", "Allergies: penicillin.").section(SectionType.ALLERGIES, "Allergies")
                .mention("penicillin", SemanticGroup.DRUG, "RXNORM:70618", "penicillin", Assertion.DEFAULT).build();
        DocumentView view = new DocumentView(doc);
        assertTrue(NoteNlpWriter.modifiers(view.mentions.get(0), view.sectionAt(11)).endsWith(",section=ALLERGIES"));
    }
}
