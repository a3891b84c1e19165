package org.medsift.ml.ner;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import org.medsift.vocab.Lexicon;

/**
 * The lexicon alone as an entity tagger, for comparison with a model: the default pipeline's text stages
 * (tokenizer, sentences, sections) and its lexicon matcher, with each mention's semantic group mapped to an entity
 * type ({@code DRUG=Chemical}); mentions of unmapped groups are dropped. Immutable and thread-safe.
 */
public final class LexiconTagger implements EntityTagger {
    private final PipelineTagger tagger;

    public LexiconTagger(Lexicon lexicon, Map<SemanticGroup, String> groups) {
        Pipeline pipeline = ClinicalPipeline.textStages().add(new LexiconMatcher(lexicon)).build();
        this.tagger = new PipelineTagger(pipeline, groups);
    }

    /**
     * Parses {@code GROUP=Type[,GROUP=Type...]} ({@code DRUG=Chemical,DISORDER=Disease}).
     *
     * @throws IllegalArgumentException naming an entry that is not {@code GROUP=Type} or an unknown group
     */
    public static Map<SemanticGroup, String> parseGroups(String spec) {
        Map<SemanticGroup, String> m = new EnumMap<>(SemanticGroup.class);
        for (String entry : spec.split(",")) {
            String[] kv = entry.split("=", -1);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("group mapping entry '" + entry + "' is not GROUP=Type");
            }
            try {
                m.put(SemanticGroup.valueOf(kv[0].trim().toUpperCase(java.util.Locale.ROOT)), kv[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown semantic group '" + kv[0].trim() + "'; expected one of "
                        + java.util.Arrays.toString(SemanticGroup.values()));
            }
        }
        return m;
    }

    @Override
    public List<EntitySpan> tag(Text text) {
        return tagger.tag(text);
    }

    @Override
    public Set<String> types() {
        return tagger.types();
    }
}
