package org.medsift.lexicon.build;

import java.util.ArrayList;
import java.util.List;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.TermKind;

/** One concept as read from a source, before merging. Build-time only. */
final class SourceConcept {
    final String id;
    String preferred;
    SemanticGroup group;
    final String source;
    final List<Code> codes = new ArrayList<>();
    final List<String> terms = new ArrayList<>();
    final List<TermKind> kinds = new ArrayList<>();

    SourceConcept(String id, String preferred, SemanticGroup group, String source) {
        this.id = id;
        this.preferred = preferred;
        this.group = group;
        this.source = source;
    }

    SourceConcept term(String term, TermKind kind) {
        if (!terms.contains(term)) {
            terms.add(term);
            kinds.add(kind);
        }
        return this;
    }
}
