package org.medsift.nlp.sentence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.nlp.tokenize.GoldenFiles;
import org.medsift.testkit.AnnotatorConformance;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        TokenTable t = ClinicalTokenizer.tokenize(text);
        SpanTable s = SentenceSplitter.split(text, t);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(GoldenFiles.escape(text, t.start(s.firstToken(i)), t.end(s.endToken(i) - 1)));
        }
        return out;
    }

    static String dump(String text) {
        StringBuilder sb = new StringBuilder();
        for (String s : sentences(text)) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    static List<Path> fixtures() {
        return GoldenFiles.inputs("sentence");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenFixture(Path input) {
        GoldenFiles.assertMatches("sentence", input, dump(GoldenFiles.read(input)));
    }

    @Test
    void splitsAtPeriodBeforeCapital() {
        assertEquals(List.of("No fever.", "Denies pain."), sentences("No fever. Denies pain."));
    }

    @Test
    void doesNotSplitAfterTitleAbbreviation() {
        assertEquals(List.of("Seen by Dr. Smith today."), sentences("Seen by Dr. Smith today."));
    }

    @Test
    void doesNotSplitInsideDecimal() {
        assertEquals(List.of("Temp 37.2 today."), sentences("Temp 37.2 today."));
    }

    @Test
    void splitsAfterDoseAbbreviationBeforeNewSentence() {
        assertEquals(List.of("Take 1 tab p.o.", "He agreed."), sentences("Take 1 tab p.o. He agreed."));
    }

    @Test
    void doesNotSplitAfterDoseAbbreviationBeforeFrequency() {
        assertEquals(List.of("Take 1 tab p.o. BID."), sentences("Take 1 tab p.o. BID."));
    }

    @Test
    void doesNotSplitAtNameInitial() {
        assertEquals(List.of("Seen by John A. Smith today."), sentences("Seen by John A. Smith today."));
    }

    @Test
    void splitsAtBlankLine() {
        assertEquals(List.of("Chest pain", "Shortness of breath"), sentences("Chest pain\n\nShortness of breath"));
    }

    @Test
    void joinsLineBrokenMidSentence() {
        assertEquals(List.of("seen in the clinic today for\\nevaluation of headaches."),
                sentences("seen in the clinic today for\nevaluation of headaches."));
    }

    @Test
    void joinsLineEndingInFunctionWordEvenBeforeCapital() {
        assertEquals(List.of("history of\\nMigraine."), sentences("history of\nMigraine."));
    }

    @Test
    void splitsLinesWithoutPunctuationBeforeCapital() {
        assertEquals(List.of("Aspirin 81 mg daily", "Lisinopril 10 mg daily"),
                sentences("Aspirin 81 mg daily\nLisinopril 10 mg daily"));
    }

    @Test
    void splitsAtListItems() {
        assertEquals(List.of("Problems", "1. Asthma", "2) GERD", "- gout"), sentences("Problems\n1. Asthma\n2) GERD\n- gout"));
    }

    @Test
    void splitsAtHeaderLine() {
        assertEquals(List.of("no fever", "PHYSICAL EXAM:", "normal"), sentences("no fever\nPHYSICAL EXAM:\nnormal"));
    }

    @Test
    void keepsClosingQuoteWithItsSentence() {
        assertEquals(List.of("He said \"fine.\"", "Then left."), sentences("He said \"fine.\" Then left."));
    }

    @Test
    void conformsToAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter());
    }
}
