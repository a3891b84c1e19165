package org.medsift.nlp.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;
import org.medsift.testkit.AnnotatorConformance;

class ClinicalTokenizerTest {

    /** "text/KIND" per token, for compact assertions. */
    private static List<String> tokens(String text) {
        TokenTable t = ClinicalTokenizer.tokenize(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(text.substring(t.start(i), t.end(i)) + "/" + TokenKind.name(t.kind(i)));
        }
        return out;
    }

    static String dump(String text) {
        TokenTable t = ClinicalTokenizer.tokenize(text);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            sb.append(TokenKind.name(t.kind(i))).append('\t').append(GoldenFiles.escape(text, t.start(i), t.end(i)));
            if (t.breaks(i) > 0) {
                sb.append("\t(breaks=").append(t.breaks(i)).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<Path> fixtures() {
        return GoldenFiles.inputs("tokenize");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenFixture(Path input) {
        GoldenFiles.assertMatches("tokenize", input, dump(GoldenFiles.read(input)));
    }

    @Test
    void keepsBidAsOneAbbreviation() {
        assertEquals(List.of("25/NUMBER", "mg/WORD", "b.i.d./ABBREVIATION"), tokens("25 mg b.i.d."));
    }

    @Test
    void keepsPoWithoutFinalPeriodAsAbbreviation() {
        assertEquals(List.of("p.o/ABBREVIATION", "daily/WORD"), tokens("p.o daily"));
    }

    @Test
    void keepsTitlesWithTheirPeriod() {
        assertEquals(List.of("Dr./ABBREVIATION", "Smith/WORD", "vs./ABBREVIATION", "Mrs./ABBREVIATION",
                "Jones/WORD"), tokens("Dr. Smith vs. Mrs. Jones"));
    }

    @Test
    void splitsOrdinaryWordFromSentencePeriod() {
        assertEquals(List.of("pain/WORD", "./PUNCT"), tokens("pain."));
    }

    @Test
    void keepsUpperCaseAcronymFromTitleList() {
        // "MS." at a sentence end is multiple sclerosis, not "Ms."
        assertEquals(List.of("MS/WORD", "./PUNCT"), tokens("MS."));
    }

    @Test
    void keepsDecimalsAndThousandsAsOneNumber() {
        assertEquals(List.of("0.125/NUMBER", ".5/NUMBER", "1,000/NUMBER"), tokens("0.125 .5 1,000"));
    }

    @Test
    void keepsNumericPatternsTogether() {
        assertEquals(List.of("120/80/NUMERIC_PATTERN", "03/14/2021/NUMERIC_PATTERN", "2021-03-14/NUMERIC_PATTERN",
                "10:30/NUMERIC_PATTERN", "1:160/NUMERIC_PATTERN"), tokens("120/80 03/14/2021 2021-03-14 10:30 1:160"));
    }

    @Test
    void splitsNumberFromKnownUnit() {
        assertEquals(List.of("5/NUMBER", "mg/WORD", "0.5/NUMBER", "mL/WORD"), tokens("5mg 0.5mL"));
    }

    @Test
    void keepsNumberWithOtherLettersAsAlnum() {
        assertEquals(List.of("3rd/ALNUM", "5HT/ALNUM", "q6h/ALNUM", "B12/ALNUM", "T2DM/ALNUM"),
                tokens("3rd 5HT q6h B12 T2DM"));
    }

    @Test
    void splitsRangesAtTheDash() {
        assertEquals(List.of("5/NUMBER", "-/SYMBOL", "10/NUMBER"), tokens("5-10"));
    }

    @Test
    void keepsHyphenatedAndApostropheWordsWhole() {
        assertEquals(List.of("non-tender/WORD", "Crohn's/WORD", "Crohn\u2019s/WORD"),
                tokens("non-tender Crohn's Crohn\u2019s"));
    }

    @Test
    void splitsAgeBeforeHyphenatedWord() {
        assertEquals(List.of("5/NUMBER", "-/SYMBOL", "year-old/WORD"), tokens("5-year-old"));
    }

    @Test
    void keepsDeidentificationPlaceholdersWhole() {
        assertEquals(List.of("**NAME[AAA, BBB M]/PLACEHOLDER", "[**Hospital 123**]/PLACEHOLDER",
                "[** **]/PLACEHOLDER", "___/PLACEHOLDER", "XXXX/PLACEHOLDER"),
                tokens("**NAME[AAA, BBB M] [**Hospital 123**] [** **] ___ XXXX"));
    }

    @Test
    void doesNotSwallowTextAfterUnclosedPlaceholder() {
        assertEquals(List.of("[/PUNCT", "**/SYMBOL", "Hospital/WORD"), tokens("[**Hospital"));
    }

    @Test
    void keepsSurrogatePairsInOneToken() {
        assertEquals(List.of("\ud83d\ude00/OTHER", "ok/WORD"), tokens("\ud83d\ude00 ok"));
    }

    @Test
    void countsLineBreaks() {
        TokenTable t = ClinicalTokenizer.tokenize("a\r\nb\n\nc\rd");
        assertEquals(List.of(0, 1, 2, 1), List.of(t.breaks(0), t.breaks(1), t.breaks(2), t.breaks(3)));
    }

    @Test
    void scansASubrangeWithAbsoluteOffsets() {
        TokenCursor c = new TokenCursor().reset("skip this part", 5, 9);
        assertEquals(true, c.advance());
        assertEquals(5, c.start());
        assertEquals(9, c.end());
        assertFalse(c.advance());
    }

    @Test
    void conformsToAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer());
    }
}
