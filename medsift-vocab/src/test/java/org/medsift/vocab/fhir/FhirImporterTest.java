package org.medsift.vocab.fhir;

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

class FhirImporterTest {
    private static Lexicon load(String file) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new FhirImporter(SemanticGroup.FINDING).importFile(Fixtures.dir("fhir").resolve(file), b, problems);
        assertEquals(List.of(), problems.problems());
        return b.build();
    }

    @Test
    void importsNestedCodeSystemConceptsWithEnglishDesignations() throws Exception {
        Lexicon lex = load("codesystem.json");
        assertEquals(3, lex.conceptCount());
        String id = "https://example.org/fhir/CodeSystem/site-problems|P001";
        assertEquals(List.of("Frailty syndrome", "Frail elderly"), lex.conceptTerms(lex.conceptIndex(id)).stream()
                .map(TermInfo::text).collect(Collectors.toList()));
        assertEquals(SemanticGroup.FINDING, lex.findConcept(id).orElseThrow().group());
        assertEquals("Mild frailty", lex.findConcept("https://example.org/fhir/CodeSystem/site-problems|P001.1")
                .orElseThrow().preferredName());
    }

    @Test
    void importsExpandedValueSetsWithGroupsByKnownSystem() throws Exception {
        Lexicon lex = load("valueset-expansion.json");
        assertEquals(SemanticGroup.DISORDER, lex.findConcept("SNOMEDCT:73211009").orElseThrow().group());
        assertEquals(SemanticGroup.DRUG, lex.findConcept("RXNORM:6809").orElseThrow().group());
    }

    @Test
    void readsCodeSystemXml() throws Exception {
        Lexicon lex = load("codesystem.xml");
        assertEquals(2, lex.conceptCount());
        assertEquals(List.of("Insulin pump", "Continuous subcutaneous insulin infusion pump"), lex.conceptTerms(
                lex.conceptIndex("https://example.org/fhir/CodeSystem/site-devices|D01")).stream().map(TermInfo::text)
                .collect(Collectors.toList()));
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("fhir");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadResourcesAndEntriesAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new FhirImporter(SemanticGroup.OTHER).importFile(Fixtures.dir("fhir/bad").resolve(badCase), b, problems);
        assertEquals(Fixtures.expected("fhir", badCase), Fixtures.found(problems));
        assertEquals(badCase.startsWith("missing") ? 1 : 0, b.conceptCount());
    }
}
