package org.medsift.nlp.assertion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.TokenTable;

/**
 * A tiny stand-in for the lexicon matcher in tests: marks every occurrence of a few one- or two-word findings as a
 * {@link ConceptMention}, sorted by start then longest first, so the context annotator can run in a pipeline
 * without a compiled lexicon.
 */
final class WordListMatcher implements Annotator {
    private static final String[][] TERMS = {
        {"chest", "pain"}, {"fever"}, {"chills"}, {"cough"}, {"pneumonia"}, {"diabetes"}, {"headache"}, {"rash"},
        {"nausea"}, {"vomiting"}, {"edema"}, {"asthma"}, {"hypertension"}, {"effusion"}, {"penicillin"},
        {"breast", "cancer"}, {"pain"}, {"mi"},
    };

    @Override
    public String name() {
        return "test-matcher";
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
        TokenTable tokens = doc.require(Layers.TOKENS);
        List<ConceptMention> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (String[] term : TERMS) {
                if (matches(text, tokens, i, term)) {
                    int end = i + term.length;
                    String name = String.join(" ", term);
                    out.add(new ConceptMention(tokens.start(i), tokens.end(end - 1), i, end, "test:" + name, name,
                            SemanticGroup.FINDING, List.of(), name, MatchKind.EXACT, 1.0,
                            Assertion.DEFAULT, "test"));
                }
            }
        }
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        doc.put(Layers.CONCEPTS, List.copyOf(out));
    }

    private static boolean matches(String text, TokenTable tokens, int i, String[] term) {
        if (i + term.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < term.length; k++) {
            String word = text.substring(tokens.start(i + k), tokens.end(i + k)).toLowerCase(Locale.ROOT);
            if (!word.equals(term[k])) {
                return false;
            }
        }
        return true;
    }
}
