package org.medsift.app.output;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;

/**
 * A human-readable account of every assertion decision in a document: a header line, then per finding (in text
 * order) {@code start-end "text" name (concept) group polarity/temporality/experiencer[/conditional]} and one
 * indented line per cue {@code CATEGORY 'trigger' [start,end) scope [start,end) "scope text" rule}. Offsets are
 * UTF-16 char indices into the note, half-open. Immutable and thread-safe.
 */
public final class ExplanationWriter {
    private static final int MAX_SCOPE_CHARS = 100;

    private ExplanationWriter() {
    }

    public static ExplanationWriter create() {
        return new ExplanationWriter();
    }

    /** Appends the explanation of {@code doc} to {@code out}. */
    public void write(Document doc, Appendable out) throws IOException {
        String text = doc.text().content();
        List<ConceptMention> mentions = doc.find(Layers.CONCEPTS).orElse(List.of());
        out.append("# ").append(doc.text().id()).append(": ").append(String.valueOf(mentions.size()))
                .append(" findings\n");
        for (ConceptMention m : mentions) {
            Assertion a = m.assertion();
            out.append(String.valueOf(m.start())).append('-').append(String.valueOf(m.end())).append(" \"")
                    .append(flat(text.substring(m.start(), m.end()))).append("\" ").append(m.preferredName())
                    .append(" (").append(m.conceptId()).append(") ")
                    .append(m.group().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(polarity(a)).append('/').append(lower(a.temporality())).append('/')
                    .append(lower(a.experiencer())).append(a.conditional() ? "/conditional" : "").append('\n');
            for (AssertionCue c : a.cues()) {
                out.append("    ").append(c.category()).append(" '").append(c.trigger()).append("' [")
                        .append(String.valueOf(c.start())).append(',').append(String.valueOf(c.end()))
                        .append(") scope [").append(String.valueOf(c.scopeStart())).append(',')
                        .append(String.valueOf(c.scopeEnd())).append(") \"")
                        .append(shorten(flat(text.substring(c.scopeStart(), c.scopeEnd())))).append("\" ")
                        .append(c.rule()).append('\n');
            }
        }
    }

    /** {@code negated}, {@code possible} or {@code affirmed}: the polarity column of {@code medsift context}. */
    public static String polarity(Assertion a) {
        if (a.negated()) {
            return "negated";
        }
        return a.certainty() == Assertion.Certainty.POSSIBLE ? "possible" : "affirmed";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Section scopes span whole sections; keep the line readable. */
    private static String shorten(String s) {
        return s.length() <= MAX_SCOPE_CHARS ? s : s.substring(0, MAX_SCOPE_CHARS - 3) + "...";
    }

    private static String flat(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
