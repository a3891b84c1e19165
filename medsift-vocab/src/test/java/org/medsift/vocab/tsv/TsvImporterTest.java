package org.medsift.vocab.tsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.InputFormatException;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermKind;

class TsvImporterTest {
    private static Path fixtures() throws URISyntaxException {
        return Path.of(TsvImporterTest.class.getResource("/fixtures/tsv").toURI());
    }

    private static LexiconBuilder builder() {
        return new LexiconBuilder("tsv-test", "1").addSource("tsv", "test fixtures");
    }

    @Test
    void importsConceptsCodesAndTermKinds() throws Exception {
        LexiconBuilder b = builder();
        ProblemSink problems = ProblemSink.lenient();
        int n = new TsvImporter("tsv").importFile(fixtures().resolve("good.tsv"), b, problems);

        assertEquals(List.of(), problems.problems());
        assertEquals(7, n);
        Lexicon lex = b.build();
        assertEquals(4, lex.conceptCount());
        ConceptInfo mi = lex.findConcept("SNOMEDCT:22298006").orElseThrow();
        assertEquals("Myocardial infarction", mi.preferredName());
        assertEquals(SemanticGroup.DISORDER, mi.group());
        assertEquals(List.of(new Code(CodeSystems.SNOMED_CT, "22298006", "Myocardial infarction")), mi.codes());
        assertEquals(List.of("Myocardial infarction", "MI", "heart attack"),
                lex.conceptTerms(mi.index()).stream().map(t -> t.text()).collect(Collectors.toList()));
        assertTrue(lex.findConcept("medsift:lab_a1c").isPresent());
        assertEquals(Map.of(TermKind.NAME, 5, TermKind.ABBREVIATION, 2), lex.stats().termsByKind());
    }

    static Stream<String> badFixtures() throws Exception {
        try (Stream<Path> files = Files.list(fixtures().resolve("bad"))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".tsv")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFixtures")
    void reportsEveryBadLineWithCodeAndLine(String fixture) throws Exception {
        Path file = fixtures().resolve("bad").resolve(fixture);
        Path expected = file.resolveSibling(fixture.replace(".tsv", ".expected"));
        ProblemSink problems = ProblemSink.lenient();
        new TsvImporter("tsv").importFile(file, builder(), problems);

        List<String> found = problems.problems().stream().map(p -> p.code() + " " + p.where().path())
                .collect(Collectors.toList());
        assertEquals(Files.readAllLines(expected), found);
        problems.problems().forEach(p -> assertEquals(fixture, p.where().documentId()));
    }

    @Test
    void saysWhatWasFoundAndWhatWasExpected() throws IOException {
        ProblemSink problems = ProblemSink.lenient();
        new TsvImporter("tsv").importFrom(new StringReader("1\tfoo\tICD9\tDISORDER\n1\tfoo\n"), "inline", builder(),
                problems);
        assertEquals("unknown code system 'ICD9'; expected one of SNOMEDCT, RXNORM, LOINC, ICD10CM, CVX, UMLS, "
                + "MEDSIFT", problems.problems().get(0).message());
        assertEquals("found 2 tab-separated columns, expected 4 (code, term, system, group) or 5 (..., kind)",
                problems.problems().get(1).message());
    }

    @Test
    void stopsAtFirstBadLineUnderStrictSink() {
        assertThrows(InputFormatException.class, () -> new TsvImporter("tsv")
                .importFrom(new StringReader("1\tfoo\tICD9\tDISORDER\n"), "inline", builder(), ProblemSink.strict()));
    }
}
