package org.medsift.vocab.icd10cm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermInfo;
import org.medsift.vocab.load.Fixtures;

class Icd10cmImporterTest {
    @Test
    void readsTheOrderFileWithDottedCodesAndChapterGroups() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new Icd10cmImporter().importFile(Fixtures.dir("icd10cm").resolve("icd10cm_order_2024.txt"), b, problems);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(5, lex.conceptCount());
        assertEquals("Cholera due to Vibrio cholerae 01, biovar cholerae",
                lex.findConcept("ICD10CM:A00.0").orElseThrow().preferredName());
        assertEquals(SemanticGroup.FINDING, lex.findConcept("ICD10CM:R07.89").orElseThrow().group());
        assertEquals(SemanticGroup.OTHER, lex.findConcept("ICD10CM:Z79.01").orElseThrow().group());
        assertEquals(SemanticGroup.DISORDER, lex.findConcept("ICD10CM:E11.9").orElseThrow().group());
    }

    @Test
    void readsTheTabularXmlWithInclusionTermsAsSynonyms() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new Icd10cmImporter().importFile(Fixtures.dir("icd10cm").resolve("icd10cm_tabular_2024.xml"), b, problems);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(2, lex.conceptCount());
        assertEquals(List.of("Type 2 diabetes mellitus", "diabetes (mellitus) due to insulin secretory defect",
                "type II diabetes mellitus"), lex.conceptTerms(lex.conceptIndex("ICD10CM:E11")).stream()
                .map(TermInfo::text).collect(Collectors.toList()));
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("icd10cm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadLinesWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new Icd10cmImporter().importFile(Fixtures.dir("icd10cm/bad").resolve(badCase), b, problems);
        assertEquals(Fixtures.expected("icd10cm", badCase), Fixtures.found(problems));
        assertEquals(badCase.endsWith(".xml") ? 1 : 2, b.conceptCount());
    }
}
