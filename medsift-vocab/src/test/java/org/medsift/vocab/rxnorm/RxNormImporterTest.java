package org.medsift.vocab.rxnorm;

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
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.Fixtures;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.umls.UmlsImporter;

class RxNormImporterTest {
    @Test
    void importsRxnormAtomsOfKeptTermTypes() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        ImportReport r = new RxNormImporter().importDir(Fixtures.dir("rxnorm/good"), b, problems, null);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(3, lex.conceptCount());
        ConceptInfo aspirin = lex.findConcept("RXNORM:1191").orElseThrow();
        assertEquals(SemanticGroup.DRUG, aspirin.group());
        assertEquals(List.of("aspirin", "acetylsalicylic acid"),
                lex.conceptTerms(aspirin.index()).stream().map(TermInfo::text).collect(Collectors.toList()));
        assertEquals("Ecotrin", lex.findConcept("RXNORM:215568").orElseThrow().preferredName());
        assertEquals(1L, r.dropped().get("SAB is not RXNORM"));
        assertEquals(1L, r.dropped().get("TTY DF not kept"));
        assertEquals(1L, r.dropped().get("suppressed (SUPPRESS=O)"));
    }

    @Test
    void joinsTheUmlsConceptWithTheSameRxcui() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new UmlsImporter(UmlsImporter.Options.defaults()).importDir(Fixtures.dir("umls/good"), b, problems, null);
        ImportReport r = new RxNormImporter().importDir(Fixtures.dir("rxnorm/good"), b, problems, null);
        Lexicon lex = b.build();
        assertEquals(1, r.conceptsJoined());
        ConceptInfo aspirin = lex.findConcept("UMLS:C0004057").orElseThrow();
        List<TermInfo> terms = lex.conceptTerms(aspirin.index());
        TermInfo synonym = terms.stream().filter(t -> t.text().equals("acetylsalicylic acid")).findFirst()
                .orElseThrow();
        assertEquals("rxnorm", synonym.sourceId());
        assertEquals(TermKind.NAME, synonym.kind());
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("rxnorm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadRowsWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new RxNormImporter().importDir(Fixtures.dir("rxnorm/bad/" + badCase), b, problems, null);
        assertEquals(Fixtures.expected("rxnorm", badCase), Fixtures.found(problems));
        assertEquals(1, b.conceptCount());
    }
}
