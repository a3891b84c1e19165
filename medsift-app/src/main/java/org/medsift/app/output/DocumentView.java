package org.medsift.app.output;

import java.util.List;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;

/**
 * Read-only lookups the writers share: the section holding an offset and the sentence holding a mention. Layers a
 * document lacks give empty answers ({@code null}, {@code -1}), never errors.
 */
final class DocumentView {
    final Text text;
    final List<Section> sections;
    final List<ConceptMention> mentions;
    private final TokenTable tokens;
    private final SpanTable sentences;

    DocumentView(Document doc) {
        text = doc.text();
        sections = doc.find(Layers.SECTIONS).orElse(List.of());
        mentions = doc.find(Layers.CONCEPTS).orElse(List.of());
        tokens = doc.find(Layers.TOKENS).orElse(null);
        sentences = tokens == null ? null : doc.find(Layers.SENTENCES).orElse(null);
    }

    /** The section holding char {@code offset}, or {@code null}. Sections are in text order: binary search. */
    Section sectionAt(int offset) {
        int lo = 0;
        int hi = sections.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Section s = sections.get(mid);
            if (s.end() <= offset) {
                lo = mid + 1;
            } else if (s.start() > offset) {
                hi = mid - 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** Index of the sentence holding the mention's first token, or -1 when sentences are unknown. */
    int sentenceOf(ConceptMention m) {
        if (sentences == null || m.firstToken() >= tokens.size()) {
            return -1;
        }
        return sentences.rangeOf(m.firstToken());
    }

    /** Char offset where sentence {@code i} starts. */
    int sentenceStart(int i) {
        return tokens.start(sentences.firstToken(i));
    }

    /** Char offset where sentence {@code i} ends (exclusive). */
    int sentenceEnd(int i) {
        return tokens.end(sentences.endToken(i) - 1);
    }

    /** The covered text of a mention. */
    String covered(ConceptMention m) {
        if (m.end() > text.length()) {
            throw new IllegalStateException("mention [" + m.start() + ", " + m.end() + ") outside document "
                    + text.id() + " of length " + text.length());
        }
        return text.cover(m.start(), m.end());
    }
}
