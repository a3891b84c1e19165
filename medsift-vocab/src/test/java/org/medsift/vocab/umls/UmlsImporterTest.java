package org.medsift.vocab.umls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermInfo;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.Fixtures;
import org.medsift.vocab.load.ImportReport;

class UmlsImporterTest {
    private static Lexicon importGood(UmlsImporter.Options options, ImportReport[] report) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        report[0] = new UmlsImporter(options).importDir(Fixtures.dir("umls/good"), b, problems, null);
        assertEquals(List.of(), problems.problems());
        return b.build();
    }

    @Test
    void importsOneConceptPerCuiWithSourceCodesAndGroupsFromMrsty() throws Exception {
        ImportReport[] r = new ImportReport[1];
        Lexicon lex = importGood(UmlsImporter.Options.defaults(), r);
        assertEquals(4, lex.conceptCount());
        ConceptInfo dm = lex.findConcept("UMLS:C0011849").orElseThrow();
        assertEquals("Diabetes Mellitus", dm.preferredName());
        assertEquals(SemanticGroup.DISORDER, dm.group());
        assertEquals(List.of(CodeSystems.UMLS + "|C0011849", CodeSystems.SNOMED_CT + "|73211009"),
                dm.codes().stream().map(c -> c.system() + "|" + c.code()).collect(Collectors.toList()));
        List<TermInfo> terms = lex.conceptTerms(dm.index());
        assertEquals(List.of("Diabetes Mellitus", "DM"), terms.stream().map(TermInfo::text)
                .collect(Collectors.toList()), "'Diabetes mellitus (disorder)' has the same words as the name");
        assertEquals(TermKind.ABBREVIATION, terms.get(1).kind());
        assertEquals(SemanticGroup.DRUG, lex.findConcept("UMLS:C0004057").orElseThrow().group(),
                "T121 Pharmacologic Substance outranks T109 Organic Chemical");
        assertEquals(SemanticGroup.OTHER, lex.findConcept("UMLS:C9999999").orElseThrow().group());
        assertEquals(1L, r[0].dropped().get("LAT not in [ENG]"));
        assertEquals(1L, r[0].dropped().get("suppressed (SUPPRESS=O)"));
    }

    @Test
    void prefersTheTsPSttPfIsprefYRowAsName() throws Exception {
        Lexicon lex = importGood(UmlsImporter.Options.defaults(), new ImportReport[1]);
        ConceptInfo htn = lex.findConcept("UMLS:C0020538").orElseThrow();
        assertEquals("Hypertensive disorder", htn.preferredName());
        assertTrue(htn.codes().stream().anyMatch(c -> c.system().equals(CodeSystems.ICD10CM) && c.code().equals("I10")));
        assertEquals(TermKind.BRAND, lex.conceptTerms(lex.conceptIndex("UMLS:C0004057")).get(1).kind());
    }

    @Test
    void keepsOnlyTheSelectedSources() throws Exception {
        ImportReport[] r = new ImportReport[1];
        Lexicon lex = importGood(UmlsImporter.Options.defaults().withSabs(Set.of("RXNORM")), r);
        assertEquals(1, lex.conceptCount());
        assertTrue(lex.findConcept("UMLS:C0004057").isPresent());
    }

    @Test
    void mapsEverySemanticTypeOfTheSemanticGroupsTable() {
        assertEquals(127, UmlsSemanticGroups.typeCount());
        assertEquals("DISO", UmlsSemanticGroups.umlsGroup("T047"));
        assertEquals(SemanticGroup.FINDING, UmlsSemanticGroups.group("T184"));
        assertEquals(SemanticGroup.LAB, UmlsSemanticGroups.group("T059"));
        assertEquals(SemanticGroup.OTHER, UmlsSemanticGroups.group("T083"));
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("umls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadRowsWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        new UmlsImporter(UmlsImporter.Options.defaults()).importDir(Fixtures.dir("umls/bad/" + badCase), b,
                problems, null);
        assertEquals(Fixtures.expected("umls", badCase), Fixtures.found(problems));
        assertEquals(1, b.conceptCount(), "the good row is kept");
    }
}
