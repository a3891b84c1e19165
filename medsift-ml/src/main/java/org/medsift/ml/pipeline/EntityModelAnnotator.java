package org.medsift.ml.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.ner.EntityTagger;
import org.medsift.ml.ner.ScoredSpan;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.TermNormalizer;

/**
 * Runs learned entity models after the lexicon matcher and merges their spans into {@link Layers#CONCEPTS}.
 *
 * <h2>The rule</h2>
 * Model spans are collected model by model; a span that overlaps a span already taken from an earlier model is
 * dropped (the first model listed wins), as are spans of types not {@linkplain NerCombination#enabled enabled} and
 * spans that touch a section header ({@code MEDICATIONS:} names a section, not a drug). A model span inside (or with
 * exactly the span of) a lexicon mention of a group its type is not compared with is dropped too: the lexicon has
 * read that text as something else ({@code RA} as rheumatoid arthritis after its context check; {@code Ca} as
 * calcium the lab; {@code creatinine} of {@code serum creatinine} as part of a lab test), and a model trained on
 * abstracts does not overrule that reading.
 * Then each model span of type {@code T} is compared with the lexicon mentions whose semantic group is one of
 * {@code T}'s {@linkplain NerCombination.TypeRule#compared compared groups} (a DRUG model span is not compared
 * with an ANATOMY mention):
 * <ol>
 *   <li><b>Agreement</b>: a compared mention has exactly the model span. The lexicon mention is kept (its concept
 *   and codes) and marked as found by both: {@code source} gets {@code +ner:<model>}.</li>
 *   <li><b>No compared mention overlaps</b>: the span becomes a mention of its own. It is <em>normalized through
 *   the lexicon</em>: when the lexicon matcher, run over the span's text alone, finds one mention covering all of
 *   it in a compared group, that concept, name and codes are used ({@code source}
 *   {@code ner:<model>+lexicon:...}, the lexicon match kind). Otherwise it is a model-only mention: concept id
 *   {@code ner:<Type>}, preferred name the covered text, the type's group, no codes, {@link MatchKind#MODEL},
 *   confidence {@value #MODEL_CONFIDENCE}.</li>
 *   <li><b>Conflict</b> (compared mentions overlap with other spans), by the type's policy:
 *   {@code model-wins} drops the overlapping compared mentions and adds the model span, normalized as in 2, or
 *   when that fails given the concept of the longest dropped mention inside it ({@code metastatic breast cancer}
 *   takes <i>breast cancer</i>'s codes) with {@link MatchKind#MODEL}; {@code lexicon-wins} drops the model span;
 *   {@code union} keeps both.</li>
 * </ol>
 * Model spans without a letter (a table rule such as {@code |----|---|}, a number) and spans inside a section
 * header are dropped first. Before 2 and 3, the <b>margin filter</b>: a span of one word of letters (all lowercase or capitalized:
 * {@code death}, {@code Dysplasia}; not a phrase, not a short form like {@code TSD}, not a name with digits or
 * hyphens) that the lexicon cannot name as in 2 is dropped, and overrules nothing, when its {@linkplain
 * ScoredSpan#margin margin} is below {@link NerCombination#minMargin} (default
 * {@value NerCombination#DEFAULT_MIN_MARGIN}; docs/ml.md, "Model-only spans").
 * Lexicon mentions no model span touches are kept unchanged. Mentions come out sorted as the lexicon matcher sorts
 * them (start, longest first, confidence, concept id), with {@code firstToken}/{@code endToken} the tokens the span
 * starts and ends in.
 *
 * <p>Requires {@link Layers#TOKENS}, {@link Layers#SENTENCES} and {@link Layers#CONCEPTS}; replaces CONCEPTS, so
 * it runs after {@code lexicon} and before {@code context}. Immutable and thread-safe when its taggers are.
 */
public final class EntityModelAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "ner";
    /** Confidence of a model-only mention. */
    public static final double MODEL_CONFIDENCE = 0.6;

    /**
     * A model with the name that goes into mention sources.
     *
     * @param name   short name, e.g. {@code bc5cdr}
     * @param tagger the model's tagger
     */
    public record NamedTagger(String name, EntityTagger tagger) {
    }

    private static final Comparator<ConceptMention> ORDER = Comparator.comparingInt(ConceptMention::start)
            .thenComparing(Comparator.comparingInt(ConceptMention::end).reversed())
            .thenComparing(Comparator.comparingDouble(ConceptMention::confidence).reversed())
            .thenComparing(ConceptMention::conceptId);

    private final List<NamedTagger> taggers;
    private final NerCombination combination;
    private final Pipeline lookup;
    private final Lexicon lexicon;

    /**
     * @param taggers     the models, in precedence order (an earlier model's span wins over an overlapping later one)
     * @param combination per-type groups and policies, enabled types
     * @param lexicon     the lexicon that names model spans (the pipeline's)
     */
    public EntityModelAnnotator(List<NamedTagger> taggers, NerCombination combination, Lexicon lexicon) {
        if (taggers.isEmpty()) {
            throw new IllegalArgumentException("no entity model given");
        }
        this.taggers = List.copyOf(taggers);
        this.combination = combination;
        this.lookup = ClinicalPipeline.textStages().add(new LexiconMatcher(lexicon)).build();
        this.lexicon = lexicon;
    }

    /** The models, in precedence order. */
    public List<NamedTagger> taggers() {
        return taggers;
    }

    public NerCombination combination() {
        return combination;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.SENTENCES, Layers.CONCEPTS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.CONCEPTS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        Text text = doc.text();
        List<ModelSpan> spans = modelSpans(text, doc.find(Layers.SECTIONS).orElse(List.of()));
        if (spans.isEmpty()) {
            return;
        }
        TokenTable tokens = doc.require(Layers.TOKENS);
        List<ConceptMention> lexicon = doc.require(Layers.CONCEPTS);
        ConceptMention[] kept = lexicon.toArray(new ConceptMention[0]);
        List<ConceptMention> added = new ArrayList<>();
        int maxLength = 0;
        for (ConceptMention m : lexicon) {
            maxLength = Math.max(maxLength, m.end() - m.start());
        }
        for (ModelSpan ms : spans) {
            EntitySpan s = ms.span;
            NerCombination.TypeRule rule = combination.rule(s.type());
            // lexicon mentions are sorted by start: those that may overlap s start in (s.start - maxLength, s.end)
            int from = firstStartingAtOrAfter(lexicon, s.start() - maxLength);
            boolean agreed = false;
            boolean conflict = false;
            boolean otherReading = false;
            for (int i = from; i < lexicon.size() && lexicon.get(i).start() < s.end(); i++) {
                ConceptMention m = lexicon.get(i);
                if (!rule.compared().contains(m.group())) {
                    otherReading |= m.start() <= s.start() && m.end() >= s.end();
                    continue;
                }
                if (m.end() <= s.start()) {
                    continue;
                }
                if (m.start() == s.start() && m.end() == s.end()) {
                    agreed = true;
                    if (kept[i] != null && !kept[i].source().contains("+ner:")) {
                        kept[i] = withSource(kept[i], kept[i].source() + "+ner:" + ms.model);
                    }
                } else {
                    conflict = true;
                }
            }
            if (agreed || otherReading || conflict && rule.policy() == NerCombination.Policy.LEXICON_WINS) {
                continue;
            }
            String covered = text.content().substring(s.start(), s.end());
            ConceptMention named = name(covered, rule);
            if (named == null && ambiguousShortForm(covered)) {
                continue; // the lexicon's context gate has decided this short form (RA of "96% on RA"): not overruled
            }
            if (named == null && bareWord(covered) && ms.margin < combination.minMargin(s.type())) {
                continue; // a weak one-word span the lexicon does not know: not added, and it overrules nothing
            }
            if (!conflict) {
                added.add(mention(text, tokens, ms, named, rule, null));
                continue;
            }
            switch (rule.policy()) {
                case LEXICON_WINS -> throw new IllegalStateException("lexicon-wins conflicts are skipped above");
                case UNION -> added.add(mention(text, tokens, ms, named, rule, null));
                case MODEL_WINS -> {
                    ConceptMention inside = null;
                    for (int i = from; i < lexicon.size() && lexicon.get(i).start() < s.end(); i++) {
                        ConceptMention m = lexicon.get(i);
                        if (kept[i] != null && rule.compared().contains(m.group()) && m.end() > s.start()) {
                            if (m.start() >= s.start() && m.end() <= s.end()
                                    && (inside == null || m.end() - m.start() > inside.end() - inside.start())) {
                                inside = m;
                            }
                            kept[i] = null;
                        }
                    }
                    added.add(mention(text, tokens, ms, named, rule, inside));
                }
                default -> throw new IllegalStateException("unknown policy " + rule.policy());
            }
        }
        List<ConceptMention> out = new ArrayList<>(kept.length + added.size());
        for (ConceptMention m : kept) {
            if (m != null) {
                out.add(m);
            }
        }
        out.addAll(added);
        out.sort(ORDER);
        doc.put(Layers.CONCEPTS, List.copyOf(out));
    }

    /**
     * One word of letters, all lowercase or capitalized ({@code death}, {@code Bleeding}): not a phrase, not a short
     * form ({@code TSD}), not a name with digits or hyphens ({@code ACE-2}).
     */
    static boolean bareWord(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private record ModelSpan(EntitySpan span, String model, double margin) {
    }

    private List<ModelSpan> modelSpans(Text text, List<Section> sections) {
        List<ModelSpan> out = new ArrayList<>();
        for (NamedTagger t : taggers) {
            int before = out.size();
            // margins are needed only where the filter may apply
            for (ScoredSpan ss : t.tagger().tagScored(text,
                    s -> bareWord(text.content().substring(s.start(), s.end())))) {
                EntitySpan s = ss.span();
                if (combination.enabled(s.type()) && hasLetter(text.content(), s) && !inHeader(s, sections)
                        && !overlapsTaken(out, before, s)) {
                    out.add(new ModelSpan(s, t.name(), ss.margin()));
                }
            }
            out.sort(Comparator.comparing(ModelSpan::span));
        }
        return out;
    }

    /**
     * Whether {@code covered} is one word of letters and digits, at most 6 long, that the lexicon holds as an
     * {@link TermKind#AMBIGUOUS} short form ({@code RA}, {@code MS}, {@code PT}): the lexicon matcher fires those only
     * when the context supports a sense, so a model span there with no lexicon mention is the guess that the gate
     * declined. Allocates a small scratch array.
     */
    private boolean ambiguousShortForm(String covered) {
        int n = covered.length();
        if (n < 2 || n > 6) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isLetterOrDigit(covered.charAt(i))) {
                return false;
            }
        }
        int word = lexicon.lookupWord(covered, 0, n, new char[TermNormalizer.maxNormalizedLength(n)]);
        int node = word == Lexicon.NONE ? Lexicon.NONE : lexicon.childNode(Lexicon.ROOT, word);
        if (node == Lexicon.NONE) {
            return false;
        }
        for (int i = 0; i < lexicon.nodeTermCount(node); i++) {
            if (lexicon.termKind(lexicon.nodeTerm(node, i)) == TermKind.AMBIGUOUS) {
                return true;
            }
        }
        return false;
    }

    /** Whether the span holds a letter: one without (a table rule, a number) names nothing. */
    private static boolean hasLetter(String text, EntitySpan s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s} overlaps one of {@code taken[0, n)}: sorted, non-overlapping spans, so their ends are sorted
     * too and only the last one starting before {@code s} ends can reach it. Binary search.
     */
    private static boolean overlapsTaken(List<ModelSpan> taken, int n, EntitySpan s) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (taken.get(mid).span.start() < s.end()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && taken.get(lo - 1).span.end() > s.start();
    }

    /** Index of the first mention starting at or after {@code offset} ({@code mentions} sorted by start). */
    private static int firstStartingAtOrAfter(List<ConceptMention> mentions, int offset) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean inHeader(EntitySpan s, List<Section> sections) {
        // sections are in text order and cover the text: binary search for the one holding s.start
        int lo = 0;
        int hi = sections.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).end() <= s.start()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < sections.size() && sections.get(i).start() < s.end(); i++) {
            Section sec = sections.get(i);
            if (sec.hasHeader() && s.start() < sec.headerEnd() && sec.headerStart() < s.end()) {
                return true;
            }
        }
        return false;
    }

    /** A mention for a model span: named through the lexicon, else {@code fallback}'s concept, else model-only. */
    private ConceptMention mention(Text text, TokenTable tokens, ModelSpan ms, ConceptMention named,
            NerCombination.TypeRule rule, ConceptMention fallback) {
        EntitySpan s = ms.span;
        int first = tokens.tokenAtOrAfter(s.start());
        int last = Math.max(first, tokens.tokenAtOrAfter(s.end() - 1));
        if (first >= tokens.size()) {
            throw new IllegalStateException("model span [" + s.start() + ", " + s.end() + ") past the last token of "
                    + text.id());
        }
        last = Math.min(last, tokens.size() - 1);
        String covered = text.content().substring(s.start(), s.end());
        String source = "ner:" + ms.model;
        if (named != null) {
            return new ConceptMention(s.start(), s.end(), first, last + 1, named.conceptId(), named.preferredName(),
                    named.group(), named.codes(), named.matchedTerm(), named.matchKind(), named.confidence(),
                    Assertion.DEFAULT, source + "+" + named.source());
        }
        if (fallback != null) {
            return new ConceptMention(s.start(), s.end(), first, last + 1, fallback.conceptId(),
                    fallback.preferredName(), fallback.group(), fallback.codes(), fallback.matchedTerm(),
                    MatchKind.MODEL, MODEL_CONFIDENCE, Assertion.DEFAULT, source + "+" + fallback.source());
        }
        return new ConceptMention(s.start(), s.end(), first, last + 1, "ner:" + s.type(), covered, rule.group(),
                List.of(), covered, MatchKind.MODEL, MODEL_CONFIDENCE, Assertion.DEFAULT, source);
    }

    /** The lexicon's one mention covering all of {@code covered} in a compared group, or null. */
    private ConceptMention name(String covered, NerCombination.TypeRule rule) {
        if (rule.compared().isEmpty()) {
            return null;
        }
        List<ConceptMention> found = lookup.process(Text.of("span", covered)).find(Layers.CONCEPTS)
                .orElse(List.of());
        ConceptMention best = null;
        for (ConceptMention m : found) {
            if (m.start() == 0 && m.end() == covered.length() && rule.compared().contains(m.group())) {
                if (best != null && !best.conceptId().equals(m.conceptId())) {
                    return null; // two concepts for one span: ambiguous, not guessed
                }
                best = m;
            }
        }
        return best;
    }

    private static ConceptMention withSource(ConceptMention m, String source) {
        return new ConceptMention(m.start(), m.end(), m.firstToken(), m.endToken(), m.conceptId(), m.preferredName(),
                m.group(), m.codes(), m.matchedTerm(), m.matchKind(), m.confidence(), m.assertion(), source);
    }
}
