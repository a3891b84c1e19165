package org.medsift.nlp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;
import org.medsift.core.pipeline.StageListener;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.nlp.measure.TokenView;
import org.medsift.nlp.tokenize.ClinicalTokenizer;

/** The word gate of {@link TemporalAnnotator} lets through every word a shape can start with. */
class TemporalGateTest {
    @Test
    void numberWordsAreTheOnesTokenViewReads() {
        String words = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
                + " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty hundred half"
                + " quarter dozen couple few several a an";
        Document d = Pipeline.builder().add(new ClinicalTokenizer()).build()
                .process(new Document(Text.of("t", words)), StageListener.NONE);
        TokenTable tokens = d.require(Layers.TOKENS);
        TokenView v = new TokenView(words, tokens);
        Set<String> gated = Set.of(TemporalAnnotator.NUMBER_WORDS);
        for (int t = 0; t < tokens.size(); t++) {
            String w = words.substring(tokens.start(t), tokens.end(t));
            assertEquals(gated.contains(w), !Double.isNaN(v.amount(t)), w);
        }
    }

    @Test
    void gateIgnoresCaseAndPeriodsLikeTheWordTables() {
        for (String w : TemporalAnnotator.START_WORDS.keySet()) {
            int bits = TemporalAnnotator.START_WORDS.get(w);
            assertEquals(bits, TemporalAnnotator.gate(w, 0, w.length()), w);
            String upper = w.toUpperCase(java.util.Locale.ROOT);
            assertEquals(bits, TemporalAnnotator.gate(upper, 0, upper.length()), upper);
            String dotted = "." + w + ".";
            assertEquals(bits, TemporalAnnotator.gate(dotted, 0, dotted.length()), dotted);
        }
        assertEquals(TemporalAnnotator.G_QUANTITY, TemporalAnnotator.gate("a.", 0, 2));
        assertEquals(TemporalAnnotator.G_QUANTITY, TemporalAnnotator.gate("A.N.", 0, 4));
        assertEquals(TemporalAnnotator.START_WORDS.get("hd"), TemporalAnnotator.gate("H.D.", 0, 4));
        assertEquals(TemporalAnnotator.START_WORDS.get("today"), TemporalAnnotator.gate("t.o.d.a.y", 0, 9));
        assertEquals(0, TemporalAnnotator.gate("b", 0, 1));
        assertEquals(0, TemporalAnnotator.gate("the", 0, 3));
        assertEquals(0, TemporalAnnotator.gate("patient", 0, 7));
        assertEquals(0, TemporalAnnotator.gate("blood", 0, 5));
        assertEquals(TemporalAnnotator.G_ALL, TemporalAnnotator.gate("x".repeat(41), 0, 41));
    }
}
