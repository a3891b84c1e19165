package org.medsift.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.ner.NerModel;
import org.medsift.ml.ner.NerTagger;
import org.medsift.ml.ner.ScoredSpan;
import org.medsift.ml.pipeline.DefaultNerModels.NamedModel;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import org.medsift.testkit.AnnotatorConformance;

/** The models shipped in the jar: they load, carry provenance, and find entities (no exact figures asserted). */
class DefaultNerModelsTest {
    @Test
    void shippedModelsLoadWithProvenanceAndTheirTypes() {
        List<NamedModel> models = DefaultNerModels.get();
        assertFalse(models.isEmpty(), "no default model in the jar; run medsift-ml/train-default-models.sh");
        List<String> types = new ArrayList<>();
        for (NamedModel m : models) {
            assertFalse(m.model().provenance().trainingData().isEmpty(), m.name());
            types.addAll(m.model().types());
        }
        assertTrue(types.containsAll(List.of("Chemical", "Disease", "Condition", "Drug", "Procedure",
                "Observation")), types.toString());
    }

    @Test
    void bc5cdrModelFindsAChemicalAndADiseaseInASyntheticSentence() {
        NerModel m = model("bc5cdr");
        NerTagger tagger = m.tagger(DefaultLexicon.get());
        String s = "Treatment with cisplatin was followed by acute renal failure in two patients.";
        List<EntitySpan> spans = tagger.tag(Text.of("s", s));
        assertTrue(spans.stream().anyMatch(e -> e.type().equals("Chemical")
                && s.substring(e.start(), e.end()).contains("cisplatin")), spans.toString());
        assertTrue(spans.stream().anyMatch(e -> e.type().equals("Disease")
                && s.substring(e.start(), e.end()).contains("renal failure")), spans.toString());
        List<ScoredSpan> scored = tagger.tagScored(Text.of("s", s));
        assertEquals(spans, scored.stream().map(ScoredSpan::span).toList(), "scoring changes no span");
        assertTrue(scored.stream().allMatch(x -> x.margin() > 0 && Double.isFinite(x.margin())), scored.toString());
    }

    @Test
    void pipelineWithDefaultModelsReportsAModelOnlyChemicalWithItsGroup() {
        Pipeline p = NerPipelines.afterLexicon(ClinicalPipeline.textStages().add(new LexiconMatcher(
                DefaultLexicon.get())), NerPipelines.annotator(DefaultNerModels.get(), NerCombination.defaults(),
                DefaultLexicon.get(), DefaultLexicon.get())).build();
        // an invented drug-like name: the lexicon cannot know it, a model of word shapes and suffixes may
        String s = "Patients received 40 mg of zelatrotinib hydrochloride daily and developed severe neutropenia.";
        List<ConceptMention> ms = p.process(Text.of("s", s)).require(Layers.CONCEPTS);
        assertTrue(ms.stream().anyMatch(m -> m.group() == SemanticGroup.DRUG && m.source().startsWith("ner:")
                && s.substring(m.start(), m.end()).contains("zelatrotinib")), ms.toString());
        AnnotatorConformance.check(p);
    }

    private static NerModel model(String name) {
        for (NamedModel m : DefaultNerModels.get()) {
            if (m.name().equals(name)) {
                return m.model();
            }
        }
        throw new AssertionError("no default model " + name);
    }
}
