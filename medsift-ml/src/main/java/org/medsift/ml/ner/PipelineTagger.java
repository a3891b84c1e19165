package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;

/**
 * A pipeline's concept mentions as entities, for scoring: each mention's semantic group mapped to an entity type
 * ({@code DRUG=Chemical}); mentions of unmapped groups are dropped, and two mentions with the same span and type
 * (two senses of one term) count once. Immutable and thread-safe.
 */
public final class PipelineTagger implements EntityTagger {
    private final Pipeline pipeline;
    private final Map<SemanticGroup, String> groups;

    public PipelineTagger(Pipeline pipeline, Map<SemanticGroup, String> groups) {
        this.pipeline = pipeline;
        this.groups = new EnumMap<>(groups);
    }

    @Override
    public List<EntitySpan> tag(Text text) {
        Set<EntitySpan> out = new LinkedHashSet<>();
        for (ConceptMention m : pipeline.process(text).find(Layers.CONCEPTS).orElse(List.of())) {
            String type = groups.get(m.group());
            if (type != null) {
                out.add(new EntitySpan(m.start(), m.end(), type));
            }
        }
        List<EntitySpan> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    @Override
    public Set<String> types() {
        return new LinkedHashSet<>(groups.values());
    }
}
