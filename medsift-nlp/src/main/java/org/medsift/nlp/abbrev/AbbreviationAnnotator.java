package org.medsift.nlp.abbrev;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.TokenTable;

/**
 * Applies the abbreviations a text defines for itself ({@code capecitabine (CAP)}, found by
 * {@link AbbreviationDefinitions}) to the concept mentions: the text's own definition decides what its short form
 * means, over the lexicon's general reading.
 *
 * <p>For each definition, the long form's concept is the mention with exactly the long form's span, else the
 * longest mention inside the long form that ends where it ends (the head: {@code acute <i>renal failure</i>}).
 * Then at the short form in the parentheses and at each later whole-word use of it:
 * <ul>
 *   <li>mentions with exactly the short form's span and another concept are dropped (the lexicon's
 *   <i>community-acquired pneumonia</i> for a {@code CAP} defined as capecitabine; a model's guess);</li>
 *   <li>when the long form has a concept, a mention of it is added there (unless one is already present):
 *   {@link MatchKind#ABBREVIATION}, confidence {@value #CONFIDENCE}, source
 *   {@code abbreviation:<long form start>-<long form end>/<long form mention's source>}.</li>
 * </ul>
 * A defined short form whose long form has no concept thus ends with no mention: the text says what it is, and it is
 * not what the lexicon would have guessed. Short forms the text does not define are left to the lexicon matcher,
 * which fires an ambiguous one ({@code MS}, {@code RA}, {@code PT}, {@code CA}) only when its context supports a
 * sense (see {@link org.medsift.nlp.dictionary.LexiconMatcher}).
 *
 * <p>Requires {@link Layers#TOKENS} and {@link Layers#CONCEPTS}, replaces CONCEPTS; it runs after the lexicon (and
 * any entity model) and before {@code context}. Immutable and thread-safe.
 */
public final class AbbreviationAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "abbreviations";
    /** Confidence of a mention added at a defined short form. */
    public static final double CONFIDENCE = 0.85;

    private static final Comparator<ConceptMention> ORDER = Comparator.comparingInt(ConceptMention::start)
            .thenComparing(Comparator.comparingInt(ConceptMention::end).reversed())
            .thenComparing(Comparator.comparingDouble(ConceptMention::confidence).reversed())
            .thenComparing(ConceptMention::conceptId);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.CONCEPTS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.CONCEPTS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        String text = doc.text().content();
        if (text.indexOf('(') < 0) {
            return; // no parenthesis, no definition: the common case costs one scan
        }
        List<AbbreviationDefinition> defs = AbbreviationDefinitions.find(text);
        if (defs.isEmpty()) {
            return;
        }
        List<AbbreviationUse> uses = AbbreviationDefinitions.findUses(text, defs);
        List<ConceptMention> mentions = new ArrayList<>(doc.require(Layers.CONCEPTS));
        TokenTable tokens = doc.require(Layers.TOKENS);
        ConceptMention[] longForm = new ConceptMention[defs.size()];
        for (int d = 0; d < defs.size(); d++) {
            longForm[d] = longFormMention(defs.get(d), mentions);
        }
        boolean changed = false;
        for (int d = 0; d < defs.size(); d++) {
            AbbreviationDefinition def = defs.get(d);
            changed |= apply(def.shortStart(), def.shortEnd(), def, longForm[d], mentions, tokens);
        }
        for (AbbreviationUse u : uses) {
            AbbreviationDefinition def = defs.get(u.definition());
            changed |= apply(u.start(), u.end(), def, longForm[u.definition()], mentions, tokens);
        }
        if (changed) {
            mentions.sort(ORDER);
            doc.put(Layers.CONCEPTS, List.copyOf(mentions));
        }
    }

    /** The mention naming the long form, or null. */
    private static ConceptMention longFormMention(AbbreviationDefinition def, List<ConceptMention> mentions) {
        ConceptMention head = null;
        for (ConceptMention m : mentions) {
            if (m.start() == def.longStart() && m.end() == def.longEnd()) {
                return m;
            }
            if (m.end() == def.longEnd() && m.start() > def.longStart()
                    && (head == null || m.start() < head.start())) {
                head = m;
            }
        }
        return head;
    }

    /** Makes [start, end) a mention of {@code concept}'s concept (or of none); true when the mentions changed. */
    private static boolean apply(int start, int end, AbbreviationDefinition def, ConceptMention concept,
            List<ConceptMention> mentions, TokenTable tokens) {
        boolean changed = false;
        boolean present = false;
        for (int i = mentions.size() - 1; i >= 0; i--) {
            ConceptMention m = mentions.get(i);
            if (m.start() != start || m.end() != end) {
                continue;
            }
            if (concept != null && m.conceptId().equals(concept.conceptId())) {
                present = true;
            } else {
                mentions.remove(i);
                changed = true;
            }
        }
        if (concept != null && !present) {
            int first = tokens.tokenAtOrAfter(start);
            int last = tokens.tokenAtOrAfter(end - 1);
            if (first >= tokens.size() || last >= tokens.size()) {
                throw new IllegalStateException("short form [" + start + ", " + end + ") past the last token");
            }
            mentions.add(new ConceptMention(start, end, first, last + 1, concept.conceptId(),
                    concept.preferredName(), concept.group(), concept.codes(), concept.matchedTerm(),
                    MatchKind.ABBREVIATION, CONFIDENCE, Assertion.DEFAULT,
                    "abbreviation:" + def.longStart() + "-" + def.longEnd() + "/" + concept.source()));
            changed = true;
        }
        return changed;
    }
}
