package org.medsift.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

class AnnotatorConformanceTest {

    /** Splits at whitespace; optionally misbehaves in one of the ways the kit must catch. */
    private static final class WhitespaceTokenizer implements Annotator {
        enum Fault { NONE, DROPS_DIGITS, LEAKS_STATE, WRONG_BREAKS }

        private final Fault fault;
        private int calls; // only used by LEAKS_STATE

        WhitespaceTokenizer(Fault fault) {
            this.fault = fault;
        }

        @Override
        public String name() {
            return "tokenizer";
        }

        @Override
        public Set<LayerKey<?>> requires() {
            return Set.of();
        }

        @Override
        public Set<LayerKey<?>> produces() {
            return Set.of(Layers.TOKENS);
        }

        @Override
        public void annotate(Document doc, Workspace workspace) {
            String s = doc.text().content();
            TokenTable t = new TokenTable(s.length() / 4);
            int i = 0;
            int breaks = 0;
            byte kind = fault == Fault.LEAKS_STATE && calls++ > 3 ? TokenKind.OTHER : TokenKind.WORD;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                        breaks++;
                    }
                    i++;
                    continue;
                }
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (fault == Fault.DROPS_DIGITS && Character.isDigit(s.charAt(start))) {
                    continue;
                }
                t.add(start, i, kind, fault == Fault.WRONG_BREAKS ? 0 : breaks);
                breaks = 0;
            }
            doc.put(Layers.TOKENS, t);
        }
    }

    private static final class OneSentence implements Annotator {
        @Override
        public String name() {
            return "sentences";
        }

        @Override
        public Set<LayerKey<?>> requires() {
            return Set.of(Layers.TOKENS);
        }

        @Override
        public Set<LayerKey<?>> produces() {
            return Set.of(Layers.SENTENCES);
        }

        @Override
        public void annotate(Document doc, Workspace workspace) {
            int n = doc.require(Layers.TOKENS).size();
            SpanTable s = new SpanTable(1);
            if (n > 1) {
                s.add(0, n - 1); // forgets the last token
            } else if (n == 1) {
                s.add(0, 1);
            }
            doc.put(Layers.SENTENCES, s);
        }
    }

    @Test
    void passesWellBehavedTokenizer() {
        AnnotatorConformance.check(new WhitespaceTokenizer(WhitespaceTokenizer.Fault.NONE));
    }

    @Test
    void catchesDroppedText() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnnotatorConformance.check(new WhitespaceTokenizer(WhitespaceTokenizer.Fault.DROPS_DIGITS)));
        assertTrue(e.getMessage().contains("outside every token"), e.getMessage());
    }

    @Test
    void catchesStateLeakingBetweenDocuments() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnnotatorConformance.check(new WhitespaceTokenizer(WhitespaceTokenizer.Fault.LEAKS_STATE)));
        assertTrue(e.getMessage().contains("state leaks") || e.getMessage().contains("different layers"),
                e.getMessage());
    }

    @Test
    void catchesWrongLineBreakCounts() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnnotatorConformance.check(new WhitespaceTokenizer(WhitespaceTokenizer.Fault.WRONG_BREAKS)));
        assertTrue(e.getMessage().contains("breaks="), e.getMessage());
    }

    @Test
    void catchesSentencesThatMissTokens() {
        Pipeline p = Pipeline.builder().add(new WhitespaceTokenizer(WhitespaceTokenizer.Fault.NONE))
                .add(new OneSentence()).build();
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnnotatorConformance.checkDocument(p.process(Text.of("d", "two words"))));
        assertTrue(e.getMessage().contains("in no sentence"), e.getMessage());
    }

    @Test
    void makesReproducibleRandomText() {
        String a = AnnotatorConformance.randomText(new Random(7), 500);
        String b = AnnotatorConformance.randomText(new Random(7), 500);
        assertEquals(a, b);
    }

    @Test
    void repeatsNotesToRequestedLength() {
        assertTrue(SyntheticNotes.repeated(100_000).length() >= 100_000);
    }
}
