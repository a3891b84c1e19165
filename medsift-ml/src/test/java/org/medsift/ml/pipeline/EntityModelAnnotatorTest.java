package org.medsift.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.ner.EntityTagger;
import org.medsift.ml.ner.ScoredSpan;
import org.medsift.ml.pipeline.EntityModelAnnotator.NamedTagger;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import org.medsift.testkit.AnnotatorConformance;
import org.medsift.vocab.Lexicon;

class EntityModelAnnotatorTest {
    private static final Lexicon LEX = DefaultLexicon.get();

    /** Tags every occurrence of the given phrases (case-sensitive) with their types. */
    record PhraseTagger(Map<String, String> phrases) implements EntityTagger {
        @Override
        public List<EntitySpan> tag(Text text) {
            List<EntitySpan> out = new ArrayList<>();
            for (Map.Entry<String, String> e : phrases.entrySet()) {
                int at = text.content().indexOf(e.getKey());
                while (at >= 0) {
                    out.add(new EntitySpan(at, at + e.getKey().length(), e.getValue()));
                    at = text.content().indexOf(e.getKey(), at + 1);
                }
            }
            out.sort(null);
            return out;
        }

        @Override
        public Set<String> types() {
            return new LinkedHashSet<>(phrases.values());
        }
    }

    /** Tags every occurrence of the given phrases with their types and the given margins. */
    record ScoredPhraseTagger(Map<String, String> phrases, Map<String, Double> margins) implements EntityTagger {
        @Override
        public List<EntitySpan> tag(Text text) {
            return new PhraseTagger(phrases).tag(text);
        }

        @Override
        public List<ScoredSpan> tagScored(Text text) {
            List<ScoredSpan> out = new ArrayList<>();
            for (EntitySpan s : tag(text)) {
                out.add(new ScoredSpan(s, margins.get(text.content().substring(s.start(), s.end()))));
            }
            return out;
        }

        @Override
        public Set<String> types() {
            return new LinkedHashSet<>(phrases.values());
        }
    }

    /** Produces an empty concepts layer, so that every model span is model-only. */
    static final class NoLexicon implements Annotator {
        @Override
        public String name() {
            return "lexicon";
        }

        @Override
        public Set<LayerKey<?>> requires() {
            return Set.of();
        }

        @Override
        public Set<LayerKey<?>> produces() {
            return Set.of(Layers.CONCEPTS);
        }

        @Override
        public void annotate(Document doc, Workspace workspace) {
            doc.put(Layers.CONCEPTS, List.of());
        }
    }

    private static List<ConceptMention> run(boolean lexicon, NerCombination c, String text,
            List<NamedTagger> taggers) {
        Pipeline.Builder b = ClinicalPipeline.textStages().add(lexicon ? new LexiconMatcher(LEX) : new NoLexicon());
        Pipeline p = NerPipelines.afterLexicon(b, new EntityModelAnnotator(taggers, c, LEX)).build();
        Document d = p.process(Text.of("t", text));
        AnnotatorConformance.checkDocument(d);
        return d.require(Layers.CONCEPTS);
    }

    private static List<ConceptMention> run(boolean lexicon, NerCombination c, String text, Map<String, String> m) {
        return run(lexicon, c, text, List.of(new NamedTagger("fake", new PhraseTagger(m))));
    }

    private static ConceptMention at(List<ConceptMention> ms, String text, String covered) {
        for (ConceptMention m : ms) {
            if (text.substring(m.start(), m.end()).equals(covered)) {
                return m;
            }
        }
        throw new AssertionError("no mention '" + covered + "' in " + ms);
    }

    @Test
    void exactAgreementKeepsTheLexiconMentionAndMarksBothSources() {
        String t = "She has asthma.";
        ConceptMention lexOnly = at(run(true, NerCombination.defaults(), t, Map.of()), t, "asthma");
        ConceptMention m = at(run(true, NerCombination.defaults(), t, Map.of("asthma", "Disease")), t, "asthma");
        assertEquals(lexOnly.conceptId(), m.conceptId());
        assertEquals(lexOnly.codes(), m.codes());
        assertEquals(lexOnly.matchKind(), m.matchKind());
        assertEquals(lexOnly.source() + "+ner:fake", m.source());
    }

    @Test
    void anAmbiguousShortFormTheLexiconLeftOutIsNotOverruledButAnUnknownOneIsKept() {
        String t = "SpO2 96% on RA. Started XQZ 10 mg daily.";
        List<ConceptMention> ms = run(true, NerCombination.defaults(), t, Map.of("RA", "Chemical", "XQZ", "Chemical"));
        List<String> covered = ms.stream().map(m -> t.substring(m.start(), m.end())).toList();
        assertFalse(covered.contains("RA"), covered.toString());
        assertTrue(covered.contains("XQZ"), covered.toString());
    }

    @Test
    void aModelSpanWithoutALetterIsDropped() {
        String t = "| Na | 138 |\n|----|-----|\nGiven aspirin daily.";
        List<ConceptMention> ms = run(false, NerCombination.defaults(), t,
                Map.of("|----|-----|", "Chemical", "138", "Chemical", "aspirin", "Chemical"));
        assertEquals(List.of("aspirin"), ms.stream().map(m -> t.substring(m.start(), m.end())).toList());
    }

    @Test
    void modelOnlySpanIsNamedThroughTheLexiconWhenATermCoversIt() {
        String t = "Given aspirin daily.";
        ConceptMention lexicon = at(run(true, NerCombination.defaults(), t, Map.of()), t, "aspirin");
        ConceptMention m = at(run(false, NerCombination.defaults(), t, Map.of("aspirin", "Chemical")), t, "aspirin");
        assertEquals(lexicon.conceptId(), m.conceptId());
        assertFalse(m.codes().isEmpty(), "codes come from the lexicon");
        assertEquals(SemanticGroup.DRUG, m.group());
        assertTrue(m.source().startsWith("ner:fake+lexicon:"), m.source());
    }

    @Test
    void modelOnlySpanWithoutLexiconTermGetsTheTypeGroupAndNoCode() {
        String t = "Started zorblatinib yesterday.";
        ConceptMention m = at(run(true, NerCombination.defaults(), t, Map.of("zorblatinib", "Chemical")), t,
                "zorblatinib");
        assertEquals("ner:Chemical", m.conceptId());
        assertEquals("zorblatinib", m.preferredName());
        assertEquals(SemanticGroup.DRUG, m.group());
        assertTrue(m.codes().isEmpty());
        assertEquals(MatchKind.MODEL, m.matchKind());
        assertEquals("ner:fake", m.source());
    }

    @Test
    void overlapConflictFollowsThePolicyOfTheType() {
        String t = "Known florid asthma since childhood.";
        Map<String, String> model = Map.of("florid asthma", "Disease");
        ConceptMention asthma = at(run(true, NerCombination.defaults(), t, Map.of()), t, "asthma");

        List<ConceptMention> modelWins = run(true, NerCombination.defaults().withPolicies("Disease=model-wins"), t,
                model);
        ConceptMention wide = at(modelWins, t, "florid asthma");
        assertEquals(asthma.conceptId(), wide.conceptId(), "the dropped lexicon mention inside names the span");
        assertEquals(asthma.codes(), wide.codes());
        assertEquals(MatchKind.MODEL, wide.matchKind());
        assertEquals(1, modelWins.stream().filter(m -> m.group() == SemanticGroup.DISORDER).count());

        List<ConceptMention> lexiconWins = run(true, NerCombination.defaults(), t, model); // the default policy
        assertEquals(asthma, at(lexiconWins, t, "asthma"));
        assertTrue(lexiconWins.stream().noneMatch(m -> t.substring(m.start(), m.end()).equals("florid asthma")));

        List<ConceptMention> union = run(true, NerCombination.defaults().withPolicies("union"), t, model);
        at(union, t, "asthma");
        at(union, t, "florid asthma");
    }

    @Test
    void modelSpanIsNotComparedWithMentionsOfUnrelatedGroupsButYieldsToTheirExactReading() {
        String t = "Pain in the left knee.";
        List<ConceptMention> before = run(true, NerCombination.defaults(), t, Map.of());
        ConceptMention anatomy = before.stream().filter(m -> m.group() == SemanticGroup.ANATOMY).findFirst()
                .orElseThrow();
        String exact = t.substring(anatomy.start(), anatomy.end());
        String wider = t.substring(t.lastIndexOf(' ', anatomy.start() - 2) + 1, anatomy.end());

        List<ConceptMention> overlapping = run(true, NerCombination.defaults(), t, Map.of(wider, "Chemical"));
        assertTrue(overlapping.containsAll(before), "unrelated mentions are kept");
        assertEquals(SemanticGroup.DRUG, at(overlapping, t, wider).group());

        List<ConceptMention> same = run(true, NerCombination.defaults(), t, Map.of(exact, "Chemical"));
        assertEquals(before, same, "the lexicon's reading of exactly that text stands");
    }

    private static boolean has(List<ConceptMention> ms, String text, String covered) {
        return ms.stream().anyMatch(m -> text.substring(m.start(), m.end()).equals(covered));
    }

    @Test
    void weakOneWordModelOnlySpanTheLexiconCannotNameIsDropped() {
        String t = "Started zorblatinib and Zorvexa for florid zorbitis, ZRB-2 and ZRB; aspirin too.";
        Map<String, String> types = Map.of("zorblatinib", "Chemical", "Zorvexa", "Chemical",
                "florid zorbitis", "Disease", "ZRB-2", "Chemical", "ZRB", "Chemical", "aspirin", "Chemical");
        double weak = NerCombination.DEFAULT_MIN_MARGIN / 2;
        Map<String, Double> margins = Map.of("zorblatinib", weak, "Zorvexa", weak, "florid zorbitis", weak,
                "ZRB-2", weak, "ZRB", weak, "aspirin", weak);
        List<NamedTagger> tagger = List.of(new NamedTagger("fake", new ScoredPhraseTagger(types, margins)));

        List<ConceptMention> ms = run(false, NerCombination.defaults(), t, tagger);
        assertFalse(has(ms, t, "zorblatinib"), "one lowercase word, unknown to the lexicon, weak: dropped");
        assertFalse(has(ms, t, "Zorvexa"), "one capitalized word, unknown to the lexicon, weak: dropped");
        assertTrue(has(ms, t, "florid zorbitis"), "a phrase needs no margin");
        assertTrue(has(ms, t, "ZRB-2"), "a name with digits needs no margin");
        assertTrue(has(ms, t, "ZRB"), "a short form needs no margin");
        ConceptMention aspirin = at(ms, t, "aspirin");
        assertTrue(aspirin.source().startsWith("ner:fake+lexicon:"), "named through the lexicon: kept");

        List<ConceptMention> off = run(false, NerCombination.defaults().withMinMargin(0), t, tagger);
        assertTrue(has(off, t, "zorblatinib") && has(off, t, "Zorvexa"), "margin 0 keeps every span");

        Map<String, Double> strong = new HashMap<>(margins);
        strong.put("zorblatinib", NerCombination.DEFAULT_MIN_MARGIN);
        List<ConceptMention> kept = run(false, NerCombination.defaults(), t,
                List.of(new NamedTagger("fake", new ScoredPhraseTagger(types, strong))));
        assertTrue(has(kept, t, "zorblatinib"), "a margin at the threshold is enough");
        assertFalse(has(kept, t, "Zorvexa"));
    }

    @Test
    void weakModelSpanInConflictDoesNotOverruleTheLexicon() {
        String t = "Known congestive heart failure since 2019.";
        NerCombination modelWins = NerCombination.defaults().withPolicies("Disease=model-wins");
        List<ConceptMention> lexicon = run(true, modelWins, t, Map.of());
        assertTrue(has(lexicon, t, "congestive heart failure"), lexicon.toString());
        List<ConceptMention> strong = run(true, modelWins, t, Map.of("congestive", "Disease"));
        assertTrue(has(strong, t, "congestive") && !has(strong, t, "congestive heart failure"),
                "a model span the filter keeps wins the conflict: " + strong);
        List<ConceptMention> weak = run(true, modelWins, t, List.of(new NamedTagger("fake",
                new ScoredPhraseTagger(Map.of("congestive", "Disease"), Map.of("congestive", 1.0)))));
        assertEquals(lexicon, weak);
    }

    @Test
    void modelSpanInsideALongerLexiconMentionOfAnotherGroupIsDropped() {
        String t = "Serum creatinine was 1.4 mg/dL.";
        List<ConceptMention> lexicon = run(true, NerCombination.defaults(), t, Map.of());
        int at = t.indexOf("creatinine");
        ConceptMention lab = lexicon.stream().filter(m -> m.start() <= at && m.end() >= at + "creatinine".length()
                && m.end() - m.start() > "creatinine".length()).findFirst().orElseThrow(
                        () -> new AssertionError("the lexicon should read a lab test around creatinine: " + lexicon));
        assertFalse(NerCombination.defaults().rule("Chemical").compared().contains(lab.group()), lab.toString());
        List<ConceptMention> withModel = run(true, NerCombination.defaults(), t, Map.of("creatinine", "Chemical"));
        assertEquals(lexicon, withModel, "the lexicon read 'creatinine' as part of " + lab.preferredName());
        // the same word alone is the model's to add
        String alone = "Given creatinine supplements.";
        assertTrue(has(run(true, NerCombination.defaults(), alone, Map.of("creatinine", "Chemical")), alone,
                "creatinine"));
    }

    @Test
    void onlyEnabledTypesRunAndTheFirstModelWinsOverlaps() {
        String t = "Given aspirin for asthma.";
        NerCombination chemicalsOnly = NerCombination.defaults().withTypes(Set.of("Chemical"));
        List<ConceptMention> ms = run(false, chemicalsOnly, t, Map.of("aspirin", "Chemical", "asthma", "Disease"));
        assertEquals(1, ms.size());
        assertEquals(SemanticGroup.DRUG, ms.get(0).group());

        List<NamedTagger> two = List.of(new NamedTagger("first", new PhraseTagger(Map.of("aspirin", "Chemical"))),
                new NamedTagger("second", new PhraseTagger(Map.of("Given aspirin", "Procedure"))));
        List<ConceptMention> both = run(false, NerCombination.defaults(), t, two);
        assertEquals(1, both.size());
        assertTrue(both.get(0).source().startsWith("ner:first"), both.get(0).source());
    }

    @Test
    void policiesAndTypesFailFastNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NerCombination.defaults().withPolicies("Disease=model-first"));
        assertTrue(e.getMessage().contains("'model-first'") && e.getMessage().contains("lexicon-wins"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NerCombination.defaults().withPolicies("=union"));
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> NerCombination.defaults().withMinMargin(-1));
        assertTrue(m.getMessage().contains("-1"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NerCombination.defaults().withMinMargin(Double.NaN));
        PipelineConfigurationException p = assertThrows(PipelineConfigurationException.class,
                () -> NerPipelines.afterLexicon(ClinicalPipeline.textStages(), new EntityModelAnnotator(
                        List.of(new NamedTagger("x", new PhraseTagger(Map.of()))), NerCombination.defaults(), LEX)));
        assertTrue(p.getMessage().contains("'lexicon'"), p.getMessage());
    }

    @Test
    void conformsToTheAnnotatorContract() {
        AnnotatorConformance.check(NerPipelines.afterLexicon(
                ClinicalPipeline.textStages().add(new LexiconMatcher(LEX)),
                new EntityModelAnnotator(List.of(new NamedTagger("fake", new PhraseTagger(
                        Map.of("pain", "Condition", "mg", "Drug", "the", "Observation")))), NerCombination.defaults(),
                        LEX)).build());
    }
}
