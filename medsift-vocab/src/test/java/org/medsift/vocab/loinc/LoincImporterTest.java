package org.medsift.vocab.loinc;

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
import org.medsift.vocab.load.ImportReport;

class LoincImporterTest {
    @Test
    void readsNamesByHeaderAndClassTypeGroups() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        ImportReport r = LoincImporter.standard().importFile(Fixtures.dir("loinc").resolve("Loinc.csv"), b,
                problems);
        assertEquals(List.of(), problems.problems());
        Lexicon lex = b.build();
        assertEquals(2, lex.conceptCount());
        int glucose = lex.conceptIndex("LOINC:2345-7");
        assertEquals(SemanticGroup.LAB, lex.conceptGroup(glucose));
        assertEquals(List.of("Glucose [Mass/volume] in Serum or Plasma", "Glucose SerPl-mCnc",
                "Glucose, Serum or Plasma"), lex.conceptTerms(glucose).stream().map(TermInfo::text)
                .collect(Collectors.toList()));
        assertEquals(SemanticGroup.OBSERVATION, lex.findConcept("LOINC:8867-4").orElseThrow().group());
        assertEquals(1L, r.dropped().get("STATUS DEPRECATED"));
    }

    @Test
    void takesMultiWordRelatedNamesOnlyWhenAsked() throws Exception {
        LexiconBuilder b = Fixtures.builder();
        LoincImporter.withRelatedNames().importFile(Fixtures.dir("loinc").resolve("Loinc.csv"), b,
                ProblemSink.lenient());
        Lexicon lex = b.build();
        List<String> terms = lex.conceptTerms(lex.conceptIndex("LOINC:2345-7")).stream().map(TermInfo::text)
                .collect(Collectors.toList());
        assertEquals(List.of("Glucose [Mass/volume] in Serum or Plasma", "Glucose SerPl-mCnc",
                "Glucose, Serum or Plasma", "Glucose level", "Blood sugar"), terms);
    }

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", "", "x"), LoincImporter.parse("\"a,b\",\"say \"\"hi\"\"\",,x"));
        assertEquals(null, LoincImporter.parse("\"open"));
    }

    static Stream<String> badCases() throws Exception {
        return Fixtures.badCases("loinc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void reportsBadRowsWithFileAndLineAndKeepsTheRest(String badCase) throws Exception {
        LexiconBuilder b = Fixtures.builder();
        ProblemSink problems = ProblemSink.lenient();
        LoincImporter.standard().importFile(Fixtures.dir("loinc/bad").resolve(badCase), b, problems);
        assertEquals(Fixtures.expected("loinc", badCase), Fixtures.found(problems));
        assertEquals(badCase.startsWith("no-header") ? 0 : 2, b.conceptCount());
    }
}
