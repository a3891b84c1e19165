package org.medsift.ml.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.ner.EntityTagger;
import org.medsift.ml.ner.ScoredSpan;
import org.medsift.ml.pipeline.DefaultNerModels.NamedModel;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.vocab.Lexicon;

/** Puts entity models into a clinical pipeline. */
public final class NerPipelines {
    private NerPipelines() {
    }

    /**
     * An {@link EntityModelAnnotator} over {@code models}. The types used: those {@linkplain
     * NerCombination#withTypes enabled} in {@code combination} when it names any, else each model's
     * {@linkplain NamedModel#usedByDefault default types}.
     *
     * @param featureLexicon the lexicon the models were trained with (their lexicon features); may be null only for
     *                       models without lexicon features
     * @param lexicon        the pipeline's lexicon, which names the model spans
     */
    public static EntityModelAnnotator annotator(List<NamedModel> models, NerCombination combination,
            Lexicon featureLexicon, Lexicon lexicon) {
        List<EntityModelAnnotator.NamedTagger> taggers = new ArrayList<>();
        boolean override = !combination.enabledTypes().isEmpty();
        for (NamedModel m : models) {
            Set<String> use = new LinkedHashSet<>();
            for (String t : m.model().types()) {
                if (override ? combination.enabled(t) : m.usedByDefault(t)) {
                    use.add(t);
                }
            }
            if (use.isEmpty()) {
                continue; // a model none of whose types is used is not run at all
            }
            EntityTagger tagger = m.model().tagger(m.model().settings().lexiconFeatures() ? featureLexicon : null);
            taggers.add(new EntityModelAnnotator.NamedTagger(m.name(),
                    use.size() == m.model().types().size() ? tagger : new TypeFilter(tagger, use)));
        }
        if (taggers.isEmpty()) {
            throw new PipelineConfigurationException("no entity model has any of the types "
                    + combination.enabledTypes() + "; the models have " + types(models));
        }
        return new EntityModelAnnotator(taggers, combination, lexicon);
    }

    /** A tagger's spans of some of its types only. */
    private record TypeFilter(EntityTagger tagger, Set<String> types) implements EntityTagger {
        @Override
        public List<EntitySpan> tag(Text text) {
            List<EntitySpan> out = new ArrayList<>();
            for (EntitySpan s : tagger.tag(text)) {
                if (types.contains(s.type())) {
                    out.add(s);
                }
            }
            return out;
        }

        @Override
        public List<ScoredSpan> tagScored(Text text) {
            return tagScored(text, s -> true);
        }

        @Override
        public List<ScoredSpan> tagScored(Text text, Predicate<EntitySpan> wanted) {
            List<ScoredSpan> out = new ArrayList<>();
            for (ScoredSpan s : tagger.tagScored(text, s -> types.contains(s.type()) && wanted.test(s))) {
                if (types.contains(s.span().type())) {
                    out.add(s);
                }
            }
            return out;
        }
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
        return after(base, LexiconMatcher.NAME, ner);
    }

    /**
     * {@code base} with {@code annotator} right after its stage named {@code stage}.
     *
     * @throws PipelineConfigurationException when {@code base} has no such stage or does not build
     */
    public static Pipeline.Builder after(Pipeline.Builder base, String stage, Annotator annotator) {
        Pipeline.Builder b = Pipeline.builder();
        boolean placed = false;
        for (Annotator a : base.build().annotators()) {
            b.add(a);
            if (a.name().equals(stage)) {
                b.add(annotator);
                placed = true;
            }
        }
        if (!placed) {
            throw new PipelineConfigurationException("stage '" + annotator.name() + "' goes after the '" + stage
                    + "' stage, which this pipeline does not have");
        }
        return b;
    }
}
