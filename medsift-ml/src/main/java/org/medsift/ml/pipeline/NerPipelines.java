package org.medsift.ml.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.ml.pipeline.DefaultNerModels.NamedModel;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.vocab.Lexicon;

/** Puts entity models into a clinical pipeline. */
public final class NerPipelines {
    private NerPipelines() {
    }

    /**
     * An {@link EntityModelAnnotator} over {@code models}.
     *
     * @param featureLexicon the lexicon the models were trained with (their lexicon features); may be null only for
     *                       models without lexicon features
     * @param lexicon        the pipeline's lexicon, which names the model spans
     */
    public static EntityModelAnnotator annotator(List<NamedModel> models, NerCombination combination,
            Lexicon featureLexicon, Lexicon lexicon) {
        List<EntityModelAnnotator.NamedTagger> taggers = new ArrayList<>();
        for (NamedModel m : models) {
            boolean wanted = combination.enabledTypes().isEmpty();
            for (String t : m.model().types()) {
                wanted |= combination.enabled(t);
            }
            if (wanted) { // a model none of whose types is enabled is not run at all
                taggers.add(new EntityModelAnnotator.NamedTagger(m.name(),
                        m.model().tagger(m.model().settings().lexiconFeatures() ? featureLexicon : null)));
            }
        }
        if (taggers.isEmpty()) {
            throw new PipelineConfigurationException("no entity model has any of the types "
                    + combination.enabledTypes() + "; the models have " + types(models));
        }
        return new EntityModelAnnotator(taggers, combination, lexicon);
    }

    private static List<String> types(List<NamedModel> models) {
        List<String> t = new ArrayList<>();
        for (NamedModel m : models) {
            t.addAll(m.model().types());
        }
        return t;
    }

    /**
     * {@code base} with {@code ner} right after its {@code lexicon} stage (so that context, medications and the
     * stages after them see the model's mentions).
     *
     * @throws PipelineConfigurationException when {@code base} has no lexicon stage or does not build
     */
    public static Pipeline.Builder afterLexicon(Pipeline.Builder base, Annotator ner) {
        Pipeline.Builder b = Pipeline.builder();
        boolean placed = false;
        for (Annotator a : base.build().annotators()) {
            b.add(a);
            if (a.name().equals(LexiconMatcher.NAME)) {
                b.add(ner);
                placed = true;
            }
        }
        if (!placed) {
            throw new PipelineConfigurationException("the entity model stage goes after the '" + LexiconMatcher.NAME
                    + "' stage, which this pipeline does not have");
        }
        return b;
    }
}
