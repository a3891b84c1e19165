package org.medsift.vocab.obo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.Fixtures;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.umls.UmlsImporter;

class OboImporterTest {
    @Test
    void importsTermsWithExactAndRelatedSynonymsAndDropsObsoleteOnes() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        ImportReport r = new OboImporter(SemanticGroup.OTHER).importFile(Fixtures.dir("obo").resolve("mini-hp.obo"),
                b, problems);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(2, lex.conceptCount());
        int seizure = lex.conceptIndex("HP:0001250");
        assertEquals(SemanticGroup.FINDING, lex.conceptGroup(seizure));
        assertEquals(List.of("Seizure", "Epileptic seizure", "Fits"), lex.conceptTerms(seizure).stream()
                .map(TermInfo::text).collect(Collectors.toList()), "Seizures is the same words as Seizure");
        List<TermInfo> dm = lex.conceptTerms(lex.conceptIndex("MONDO:0005015"));
        assertEquals(TermKind.ABBREVIATION, dm.get(1).kind());
        assertEquals(SemanticGroup.DISORDER, lex.findConcept("MONDO:0005015").orElseThrow().group());
        assertEquals(1L, r.dropped().get("obsolete term"));
        assertEquals(1L, r.dropped().get("synonym scope BROAD"));
    }

    @Test
    void joinsUmlsConceptsThroughXrefs() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new UmlsImporter(UmlsImporter.Options.defaults()).importDir(Fixtures.dir("umls/good"), b, problems, null);
        ImportReport r = new OboImporter(SemanticGroup.OTHER).importFile(Fixtures.dir("obo").resolve("mini-hp.obo"),
                b, problems);
        assertEquals(1, r.conceptsJoined());
        Lexicon lex = b.build();
        assertTrue(lex.findConcept("UMLS:C0011849").orElseThrow().codes().stream()
                .anyMatch(c -> c.code().equals("MONDO:0005015")));
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("obo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadLinesWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new OboImporter(SemanticGroup.OTHER).importFile(Fixtures.dir("obo/bad").resolve(badCase), b, problems);
        assertEquals(Fixtures.expected("obo", badCase), Fixtures.found(problems));
        assertEquals(2, b.conceptCount());
    }
}
