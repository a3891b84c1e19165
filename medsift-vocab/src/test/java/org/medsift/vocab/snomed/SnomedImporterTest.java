package org.medsift.vocab.snomed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermInfo;
import org.medsift.vocab.load.Fixtures;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.umls.UmlsImporter;

class SnomedImporterTest {
    @Test
    void importsActiveConceptsWithPreferredSynonymAndGroupFromTheFsnTag() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        ImportReport r = new SnomedImporter("en").importDir(Fixtures.dir("snomed/good"), b, problems);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(3, lex.conceptCount());
        ConceptInfo dm = lex.findConcept("SNOMEDCT:73211009").orElseThrow();
        assertEquals("Diabetes mellitus", dm.preferredName());
        assertEquals(SemanticGroup.DISORDER, dm.group());
        assertEquals(List.of("Diabetes mellitus"), lex.conceptTerms(dm.index()).stream().map(TermInfo::text)
                .collect(Collectors.toList()), "FSN without tag equals the synonym; DM synonym not in the refset");
        ConceptInfo aspirin = lex.findConcept("SNOMEDCT:387458008").orElseThrow();
        assertEquals("Aspirin", aspirin.preferredName(), "the refset's preferred synonym, not the first one");
        assertEquals(SemanticGroup.SUBSTANCE, aspirin.group());
        assertEquals(1L, r.dropped().get("inactive concept"));
        assertEquals(1L, r.dropped().get("inactive description"));
        assertEquals(1L, r.dropped().get("languageCode not en"));
        assertEquals(1L, r.dropped().get("synonym not in the language refset"));
    }

    @Test
    void joinsTheUmlsConceptThatCarriesTheSnomedCode() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new UmlsImporter(UmlsImporter.Options.defaults()).importDir(Fixtures.dir("umls/good"), b, problems, null);
        ImportReport r = new SnomedImporter("en").importDir(Fixtures.dir("snomed/good"), b, problems);
        assertEquals(1, r.conceptsJoined());
        Lexicon lex = b.build();
        assertEquals(List.of("umls", "snomed"), lex.sources().stream().map(s -> s.id()).collect(Collectors.toList()));
        assertEquals(false, lex.findConcept("SNOMEDCT:73211009").isPresent());
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("snomed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadRowsWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new SnomedImporter("en").importDir(Fixtures.dir("snomed/bad/" + badCase), b, problems);
        assertEquals(Fixtures.expected("snomed", badCase), Fixtures.found(problems));
        assertEquals(1, b.conceptCount());
    }
}
