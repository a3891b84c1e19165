package org.medsift.nlp.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.Text;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.nlp.tokenize.GoldenFiles;
import org.medsift.testkit.AnnotatorConformance;
import org.medsift.testkit.SyntheticNotes;

class SectionDetectorTest {
    private static final Pipeline PIPELINE = Pipeline.builder().add(new ClinicalTokenizer())
            .add(new SentenceSplitter()).add(new SectionDetector()).build();

    private static List<Section> sections(String text) {
        return PIPELINE.process(Text.of("t", text)).require(Layers.SECTIONS);
    }

    private static List<String> types(String text) {
        List<String> out = new ArrayList<>();
        for (Section s : sections(text)) {
            out.add(s.type() + ":" + text.substring(s.headerStart(), s.headerEnd()));
        }
        return out;
    }

    static String dump(String text) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections(text)) {
            int firstLineEnd = text.indexOf('\n', s.start());
            int shown = Math.min(s.end(), firstLineEnd < 0 ? s.end() : firstLineEnd);
            sb.append(s.type()).append("\t\"").append(text, s.headerStart(), s.headerEnd()).append("\"\t[")
                    .append(s.start()).append(", ").append(s.end()).append(")\t")
                    .append(GoldenFiles.escape(text, s.start(), Math.min(shown, s.start() + 60))).append('\n');
        }
        return sb.toString();
    }

    static List<Path> fixtures() {
        return GoldenFiles.inputs("section");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenFixture(Path input) {
        GoldenFiles.assertMatches("section", input, dump(GoldenFiles.read(input)));
    }

    @Test
    void mapsHpiToHistoryOfPresentIllness() {
        assertEquals(List.of("HISTORY_OF_PRESENT_ILLNESS:HPI"), types("HPI: 45 yo with cough."));
    }

    @Test
    void mapsHeaderVariantsIgnoringCaseAndPunctuation() {
        SectionDetector d = new SectionDetector();
        assertEquals(Optional.of(SectionType.ASSESSMENT_AND_PLAN), d.findType("A/P"));
        assertEquals(Optional.of(SectionType.ASSESSMENT_AND_PLAN), d.findType("Assessment and Plan"));
        assertEquals(Optional.of(SectionType.PAST_MEDICAL_HISTORY), d.findType("PMH"));
        assertEquals(Optional.of(SectionType.HOSPITAL_COURSE), d.findType("Brief Hospital Course"));
        assertEquals(Optional.of(SectionType.DIAGNOSES), d.findType("DISCHARGE DIAGNOSES"));
        assertEquals(Optional.of(SectionType.FOLLOW_UP), d.findType("Follow-up"));
        assertEquals(Optional.empty(), d.findType("Favourite colour"));
    }

    @Test
    void startsWithPreambleBeforeFirstHeader() {
        assertEquals(List.of("PREAMBLE:", "CHIEF_COMPLAINT:CHIEF COMPLAINT"),
                types("Seen today.\nCHIEF COMPLAINT: Cough."));
    }

    @Test
    void detectsAllCapsHeaderWithoutColon() {
        assertEquals(List.of("PHYSICAL_EXAM:PHYSICAL EXAMINATION"), types("PHYSICAL EXAMINATION\nAlert."));
    }

    @Test
    void detectsInlineHeaderWithTextAfterColon() {
        List<Section> s = sections("CHIEF COMPLAINT: Chest pain.\nHPI: Two days.");
        assertEquals(SectionType.CHIEF_COMPLAINT, s.get(0).type());
        assertEquals(29, s.get(1).start());
    }

    @Test
    void detectsNumberedHeaders() {
        assertEquals(List.of("HISTORY_OF_PRESENT_ILLNESS:HISTORY", "PLAN:PLAN"),
                types("1. HISTORY: Cough.\n2. PLAN: Rest."));
    }

    @Test
    void givesUnknownAllCapsHeaderOtherType() {
        assertEquals(List.of("PREAMBLE:", "OTHER:CONDITION ON ARRIVAL"),
                types("Seen.\nCONDITION ON ARRIVAL: Stable."));
    }

    @Test
    void keepsSubheadingsInEnclosingSection() {
        assertEquals(List.of("PHYSICAL_EXAM:PHYSICAL EXAM"), types("PHYSICAL EXAM:\nHEENT: Normal.\nLUNGS: Clear."));
    }

    @Test
    void treatsShortAndValuedLabelsAsFields() {
        assertEquals(List.of("VITAL_SIGNS:VITALS"), types("VITALS:\nBP: 120/80\nSODIUM LEVEL: 140"));
    }

    @Test
    void detectsRunInHeadersAfterSentenceEnd() {
        assertEquals(List.of("DIAGNOSES:PREOPERATIVE DIAGNOSIS", "PROCEDURES:PROCEDURE"),
                types("PREOPERATIVE DIAGNOSIS: Ganglion. PROCEDURE: Excision."));
    }

    @Test
    void coversWhitespaceOnlyTextWithPreamble() {
        List<Section> s = sections("  \n ");
        assertEquals(1, s.size());
        assertEquals(SectionType.PREAMBLE, s.get(0).type());
        assertEquals(4, s.get(0).end());
    }

    @Test
    void rejectsUnknownTypeInTable() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> SectionDetector.fromTable(new ByteArrayInputStream("hpi\tHPI_TYPE\n"
                        .getBytes(StandardCharsets.UTF_8)), "test.tsv"));
        assertTrue(e.getMessage().contains("test.tsv:1") && e.getMessage().contains("HPI_TYPE"), e.getMessage());
    }

    @Test
    void typesEverySyntheticNoteSection() {
        for (String note : SyntheticNotes.all()) {
            for (Section s : sections(note)) {
                assertTrue(s.end() > s.start());
            }
        }
    }

    @Test
    void conformsToAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(), new SectionDetector());
    }
}
