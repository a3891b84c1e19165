package org.medsift.nlp.abbrev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.testkit.AnnotatorConformance;

class AbbreviationAnnotatorTest {
    /** Puts a mention of a fixed concept at every occurrence of each phrase, as a lexicon would. */
    record PhraseConcepts(Map<String, String> phrases) implements Annotator {
        @Override
        public String name() {
            return "lexicon";
        }

        @Override
        public Set<LayerKey<?>> requires() {
            return Set.of(Layers.TOKENS);
        }

        @Override
        public Set<LayerKey<?>> produces() {
            return Set.of(Layers.CONCEPTS);
        }

        @Override
        public void annotate(Document doc, Workspace workspace) {
            String text = doc.text().content();
            TokenTable t = doc.require(Layers.TOKENS);
            List<ConceptMention> out = new ArrayList<>();
            for (Map.Entry<String, String> e : phrases.entrySet()) {
                for (int at = text.indexOf(e.getKey()); at >= 0; at = text.indexOf(e.getKey(), at + 1)) {
                    int end = at + e.getKey().length();
                    out.add(new ConceptMention(at, end, t.tokenAtOrAfter(at), t.tokenAtOrAfter(end - 1) + 1,
                            e.getValue(), e.getKey(), SemanticGroup.DRUG, List.of(), e.getKey(), MatchKind.EXACT,
                            0.95, Assertion.DEFAULT, "lexicon:test"));
                }
            }
            out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(b.end(), a.end()));
            doc.put(Layers.CONCEPTS, out);
        }
    }

    private static List<ConceptMention> run(String text, Map<String, String> phrases) {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
                .add(new PhraseConcepts(phrases)).add(new AbbreviationAnnotator()).build();
        Document d = p.process(Text.of("t", text));
        AnnotatorConformance.checkDocument(d);
        return d.require(Layers.CONCEPTS);
    }

    private static List<String> conceptsAt(List<ConceptMention> ms, String text, int from, String form) {
        int at = text.indexOf(form, from);
        List<String> out = new ArrayList<>();
        for (ConceptMention m : ms) {
            if (m.start() == at && m.end() == at + form.length()) {
                out.add(m.conceptId());
            }
        }
        return out;
    }

    @Test
    void definedShortFormTakesTheLongFormsConceptOverTheLexiconsReading() {
        String t = "Given capecitabine (CAP) twice daily. CAP was held for one week.";
        List<ConceptMention> ms = run(t, Map.of("capecitabine", "x:capecitabine", "CAP", "x:pneumonia"));
        assertEquals(List.of("x:capecitabine"), conceptsAt(ms, t, 0, "CAP"));
        assertEquals(List.of("x:capecitabine"), conceptsAt(ms, t, t.indexOf("CAP was"), "CAP"));
        ConceptMention added = ms.stream().filter(m -> m.matchKind() == MatchKind.ABBREVIATION).findFirst()
                .orElseThrow();
        assertTrue(added.source().startsWith("abbreviation:6-18/lexicon:test"), added.source());
    }

    @Test
    void definedShortFormWhoseLongFormHasNoConceptKeepsNoMention() {
        String t = "She joined the Cardiac Arrest Prevention (CAP) program. CAP meets weekly.";
        List<ConceptMention> ms = run(t, Map.of("CAP", "x:pneumonia"));
        assertEquals(List.of(), ms);
    }

    @Test
    void longFormWithoutAnExactMentionIsNamedByItsHead() {
        String t = "Acute renal failure (ARF) resolved; ARF did not recur.";
        List<ConceptMention> ms = run(t, Map.of("renal failure", "x:renal_failure"));
        assertEquals(List.of("x:renal_failure"), conceptsAt(ms, t, 0, "ARF"));
        assertEquals(List.of("x:renal_failure"), conceptsAt(ms, t, t.indexOf("ARF did"), "ARF"));
    }

    @Test
    void textWithoutDefinitionsIsLeftAsItIs() {
        String t = "CAP treated with ceftriaxone.";
        assertEquals(List.of("x:pneumonia"), conceptsAt(run(t, Map.of("CAP", "x:pneumonia")), t, 0, "CAP"));
    }

    @Test
    void conformsToTheAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(),
                new PhraseConcepts(Map.of("pain", "x:pain", "mg", "x:mg")), new AbbreviationAnnotator());
    }
}
