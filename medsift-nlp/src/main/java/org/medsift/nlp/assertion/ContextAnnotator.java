package org.medsift.nlp.assertion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Assertion of concept mentions with ConText-style trigger rules (after Harkema et al., "ConText: an algorithm for
 * determining negation, experiencer, and temporal status from clinical reports", J Biomed Inform 2009): negated,
 * possible, historical, hypothetical, conditional, and family or other experiencer.
 *
 * <p>How a mention is assessed:
 * <ol>
 *   <li>The tokens of the mention's sentence are matched against the trigger phrases of the {@link ContextRules}
 *   in one left-to-right pass, longest phrase first at each token; a match consumes its tokens, so a pseudo-trigger
 *   ("no increase") hides the trigger inside it ("no").</li>
 *   <li>Each trigger's scope runs from the trigger in its direction to the end (or start) of the sentence, to the
 *   nearest terminator ("but", "however", ";" ...), or to the rule's maximum number of tokens (punctuation and
 *   symbols do not count, so lists such as "no fever, chills, or cough" stay in scope), whichever comes first.</li>
 *   <li>A mention with a token in a trigger's scope, and not starting before a forward trigger (or ending after a
 *   backward one), gets the trigger's category. A mention in several scopes gets every category; of several
 *   triggers of one category, the nearest explains it.</li>
 *   <li>Section cues: a mention in a {@code FAMILY_HISTORY} section is {@code FAMILY}; in
 *   {@code PAST_MEDICAL_HISTORY} or {@code PAST_SURGICAL_HISTORY} it is {@code HISTORICAL}; a negated mention in
 *   {@code SOCIAL_HISTORY} is {@code HISTORICAL} (a denied habit is denied for the past too). History of present
 *   illness, allergies and the other sections add nothing by themselves.</li>
 *   <li>Values: negated if any {@code NEGATED} cue; possible if any {@code POSSIBLE} cue; temporality
 *   {@code HYPOTHETICAL} over {@code HISTORICAL} over recent; experiencer {@code FAMILY} over {@code OTHER} over
 *   patient; conditional if any {@code CONDITIONAL} cue.</li>
 * </ol>
 * Every cue names its category, the trigger as written in the rules file (or the section type), the trigger's and
 * the scope's char offsets, and the rule id ({@code context-rules.tsv:LINE} or {@code section:TYPE}).
 *
 * <p>Requires {@link Layers#TOKENS}, {@link Layers#SENTENCES}, {@link Layers#SECTIONS} and {@link Layers#CONCEPTS};
 * replaces {@link Layers#CONCEPTS} with the same mentions carrying their assertions, and puts the same list as
 * {@link Layers#ASSERTIONS}. Immutable and thread-safe; scanning allocates nothing per token (match buffers live in
 * the thread's {@link Workspace}); each sentence with mentions is scanned once.
 */
public final class ContextAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "context";

    private static final Workspace.Key<ContextScratch> SCRATCH = Workspace.Key.of(ContextScratch::new);
    private static final TriggerCategory[] CATEGORIES = TriggerCategory.values();

    private final ContextRules rules;
    private final TriggerIndex index;

    /** An annotator applying {@code rules}. */
    public ContextAnnotator(ContextRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.index = rules.index();
    }

    /** The rules this annotator applies. */
    public ContextRules rules() {
        return rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.SENTENCES, Layers.SECTIONS, Layers.CONCEPTS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.CONCEPTS, Layers.ASSERTIONS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        List<ConceptMention> mentions = doc.require(Layers.CONCEPTS);
        ContextScratch scratch = workspace.get(SCRATCH);
        scratch.reset();
        List<ConceptMention> out = new ArrayList<>(mentions.size());
        for (ConceptMention m : mentions) {
            Assertion a = assess(doc, m.firstToken(), m.endToken(), scratch);
            out.add(a.equals(m.assertion()) ? m : m.withAssertion(a));
        }
        List<ConceptMention> result = List.copyOf(out);
        doc.put(Layers.CONCEPTS, result);
        doc.put(Layers.ASSERTIONS, result);
        scratch.reset();
    }

    /**
     * The assertion of one span of a document that has {@link Layers#TOKENS}, {@link Layers#SENTENCES} and
     * {@link Layers#SECTIONS} (concepts are not needed). Thread-safe; allocates its own small scratch.
     *
     * @param start char offset of the span start (inclusive)
     * @param end   char offset of the span end (exclusive)
     * @return the assertion; {@link Assertion#DEFAULT} when nothing applies or the span covers no token
     * @throws IllegalArgumentException when the span is out of order or outside the text
     * @throws IllegalStateException    when a required layer is absent
     */
    public Assertion assess(Document doc, int start, int end) {
        if (start < 0 || end < start || end > doc.text().length()) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") outside the text of "
                    + doc.text().length() + " chars");
        }
        TokenTable tokens = doc.require(Layers.TOKENS);
        int first = tokens.tokenAtOrAfter(start);
        int last = first;
        while (last < tokens.size() && tokens.start(last) < end) {
            last++;
        }
        if (last == first) {
            return Assertion.DEFAULT;
        }
        return assess(doc, first, last, new ContextScratch());
    }

    private Assertion assess(Document doc, int firstToken, int endToken, ContextScratch scratch) {
        TokenTable tokens = doc.require(Layers.TOKENS);
        SpanTable sentences = doc.require(Layers.SENTENCES);
        List<Section> sections = doc.require(Layers.SECTIONS);
        String text = doc.text().content();
        int s = sentences.rangeOf(firstToken);
        if (s < 0) {
            return Assertion.DEFAULT;
        }
        if (s != scratch.sentence) {
            scan(text, tokens, sections, s, sentences.firstToken(s), sentences.endToken(s), scratch);
        }
        int ss = scratch.sentenceFirst;
        int se = scratch.sentenceEnd;
        int mf = firstToken;
        int me = Math.min(endToken, se);
        scratch.clearCues();
        for (int m = 0; m < scratch.matchCount; m++) {
            TriggerRule[] rs = index.rulesAt(scratch.matchState[m]);
            int ts = scratch.matchStart[m];
            int te = scratch.matchEnd[m];
            SectionType triggerSection = null;
            for (TriggerRule r : rs) {
                if (!r.category().setsValue()) {
                    continue;
                }
                if (!r.sections().isEmpty()) {
                    if (triggerSection == null) {
                        triggerSection = sectionAt(sections, ts).type();
                    }
                    if (!r.appliesIn(triggerSection)) {
                        continue;
                    }
                }
                if (r.direction().forward() && mf >= ts && me > te) {
                    int scopeEnd = forwardEnd(text, tokens, scratch, te, se, r.maxScope(), r.category().ordinal());
                    if (mf < scopeEnd) {
                        offer(scratch, r, m, Math.max(0, mf - te), te, scopeEnd);
                    }
                }
                if (r.direction().backward() && me <= te && mf < ts) {
                    int scopeStart = backwardStart(text, tokens, scratch, ts, ss, r.maxScope(),
                            r.category().ordinal());
                    if (me > scopeStart) {
                        offer(scratch, r, m, Math.max(0, ts - me), scopeStart, ts);
                    }
                }
            }
        }
        return build(tokens, sections, firstToken, scratch);
    }

    private static void offer(ContextScratch scratch, TriggerRule r, int match, int distance, int scopeStart,
            int scopeEnd) {
        int c = r.category().ordinal();
        if (scratch.cueRule[c] == null || distance < scratch.cueDistance[c]) {
            scratch.cueRule[c] = r;
            scratch.cueMatch[c] = match;
            scratch.cueDistance[c] = distance;
            scratch.cueScopeStart[c] = scopeStart;
            scratch.cueScopeEnd[c] = scopeEnd;
        }
    }

    private Assertion build(TokenTable tokens, List<Section> sections, int firstToken, ContextScratch scratch) {
        List<AssertionCue> cues = null;
        boolean[] set = new boolean[CATEGORIES.length];
        for (TriggerCategory c : CATEGORIES) {
            TriggerRule r = scratch.cueRule[c.ordinal()];
            if (r == null) {
                continue;
            }
            int m = scratch.cueMatch[c.ordinal()];
            int ts = scratch.matchStart[m];
            int te = scratch.matchEnd[m];
            int ss = scratch.cueScopeStart[c.ordinal()];
            int se = scratch.cueScopeEnd[c.ordinal()];
            // report the scope without the punctuation at its edges ("denies fever, cough." ends at "cough")
            while (se > te && !counts(tokens.kind(se - 1))) {
                se--;
            }
            while (ss < ts && !counts(tokens.kind(ss))) {
                ss++;
            }
            int scopeStart = ss < ts ? tokens.start(ss) : tokens.end(te - 1);
            int scopeEnd = se > te ? tokens.end(se - 1) : tokens.start(ts);
            if (cues == null) {
                cues = new ArrayList<>(4);
            }
            cues.add(new AssertionCue(c.name(), r.phrase(), tokens.start(ts), tokens.end(te - 1), scopeStart,
                    Math.max(scopeStart, scopeEnd), r.id()));
            set[c.ordinal()] = true;
        }
        Section section = sections.isEmpty() ? null : sectionAt(sections, firstToken);
        List<TriggerCategory> fromSection = section == null ? List.of() : sectionCues(section.type());
        if (section != null && section.type() == SectionType.SOCIAL_HISTORY && set[TriggerCategory.NEGATED.ordinal()]
                && !set[TriggerCategory.HISTORICAL.ordinal()]) {
            // a denied habit is denied over the patient's lifetime ("Social history: denies tobacco" = never used);
            // affirmed habits stay recent, as current smoking is not inactive
            fromSection = HISTORICAL_CUES;
        }
        for (TriggerCategory c : fromSection) {
            if (cues == null) {
                cues = new ArrayList<>(2);
            }
            int cueStart = section.hasHeader() ? section.headerStart() : section.start();
            int cueEnd = section.hasHeader() ? section.headerEnd() : section.start();
            cues.add(new AssertionCue(c.name(), section.type().name(), cueStart, cueEnd, section.start(),
                    section.end(), "section:" + section.type().name()));
            set[c.ordinal()] = true;
        }
        if (cues == null) {
            return Assertion.DEFAULT;
        }
        cues.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.category().compareTo(b.category()));
        Assertion.Temporality temporality = set[TriggerCategory.HYPOTHETICAL.ordinal()]
                ? Assertion.Temporality.HYPOTHETICAL
                : set[TriggerCategory.HISTORICAL.ordinal()] ? Assertion.Temporality.HISTORICAL
                : Assertion.Temporality.RECENT;
        Assertion.Experiencer experiencer = set[TriggerCategory.FAMILY.ordinal()] ? Assertion.Experiencer.FAMILY
                : set[TriggerCategory.OTHER.ordinal()] ? Assertion.Experiencer.OTHER
                : Assertion.Experiencer.PATIENT;
        return new Assertion(set[TriggerCategory.NEGATED.ordinal()],
                set[TriggerCategory.POSSIBLE.ordinal()] ? Assertion.Certainty.POSSIBLE : Assertion.Certainty.CERTAIN,
                temporality, experiencer, set[TriggerCategory.CONDITIONAL.ordinal()], cues);
    }

    private static final List<TriggerCategory> FAMILY_HISTORY_CUES =
            List.of(TriggerCategory.FAMILY, TriggerCategory.HISTORICAL);
    private static final List<TriggerCategory> HISTORICAL_CUES = List.of(TriggerCategory.HISTORICAL);

    /**
     * The categories that a section type sets by itself; empty for most. Family history is family and historical
     * (as the "family history of" trigger); past medical and surgical history are historical. History of present
     * illness is deliberately absent (its findings are current), and so are allergies (an allergy list asserts, it
     * does not deny) and social history (current habits would read as inactive).
     */
    static List<TriggerCategory> sectionCues(SectionType type) {
        return switch (type) {
            case FAMILY_HISTORY -> FAMILY_HISTORY_CUES;
            case PAST_MEDICAL_HISTORY, PAST_SURGICAL_HISTORY -> HISTORICAL_CUES;
            default -> List.of();
        };
    }

    /** Finds every trigger match of sentence {@code s} (tokens {@code [first, end)}), longest first, left to right. */
    private void scan(CharSequence text, TokenTable tokens, List<Section> sections, int s, int first, int end,
            ContextScratch scratch) {
        scratch.startSentence(s, first, end);
        int i = first;
        while (i < end) {
            int state = TriggerIndex.ROOT;
            int bestEnd = -1;
            int bestState = -1;
            for (int j = i; j < end; j++) {
                int w = index.wordId(text, tokens.start(j), tokens.end(j));
                if (w == TriggerIndex.NO_WORD) {
                    break;
                }
                state = index.step(state, w);
                if (state == TriggerIndex.NO_STATE) {
                    break;
                }
                TriggerRule[] rs = index.rulesAt(state);
                if (rs != null && appliesAnywhereHere(rs, sections, i)) {
                    bestEnd = j + 1;
                    bestState = state;
                }
            }
            if (bestEnd < 0) {
                i++;
                continue;
            }
            scratch.addMatch(i, bestEnd, bestState);
            int mask = index.terminatorMask(bestState);
            if (mask != 0) {
                scratch.terminators[i - first] |= mask;
                scratch.terminators[bestEnd - first] |= mask << ContextScratch.ENDS_SHIFT;
            }
            i = bestEnd;
        }
    }

    /** True when at least one of the rules applies in the section of token {@code token}. */
    private static boolean appliesAnywhereHere(TriggerRule[] rs, List<Section> sections, int token) {
        SectionType type = null;
        for (TriggerRule r : rs) {
            if (r.sections().isEmpty()) {
                return true;
            }
            if (type == null) {
                type = sectionAt(sections, token).type();
            }
            if (r.appliesIn(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Exclusive end token of a forward scope of category ordinal {@code category} starting at {@code from}: before a
     * terminator of that category, a closing bracket whose opening bracket precedes the scope, a colon after an
     * ALL-CAPS field label ("... REFERRING DIAGNOSIS: syncope"), the sentence end, or the token past {@code max}
     * counted tokens.
     */
    private static int forwardEnd(CharSequence text, TokenTable tokens, ContextScratch scratch, int from,
            int sentenceEnd, int max, int category) {
        int bit = 1 << category;
        int count = 0;
        int depth = 0;
        int k = from;
        while (k < sentenceEnd) {
            if ((scratch.terminators[k - scratch.sentenceFirst] & bit) != 0) {
                break;
            }
            byte kind = tokens.kind(k);
            if (counts(kind)) {
                if (++count > max) {
                    break;
                }
            } else if (tokens.length(k) == 1) {
                char c = text.charAt(tokens.start(k));
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ':' && k > from && isCapsLabel(text, tokens, k - 1)) {
                    break;
                }
            }
            k++;
        }
        return k;
    }

    /**
     * First token of a backward scope of category ordinal {@code category} ending at {@code to} (exclusive): after
     * a terminator of that category, an opening bracket whose closing bracket follows the scope, the sentence start,
     * or {@code max} counted tokens.
     */
    private static int backwardStart(CharSequence text, TokenTable tokens, ContextScratch scratch, int to,
            int sentenceFirst, int max, int category) {
        int bit = 1 << (ContextScratch.ENDS_SHIFT + category);
        int count = 0;
        int depth = 0;
        int k = to;
        while (k > sentenceFirst) {
            if ((scratch.terminators[k - scratch.sentenceFirst] & bit) != 0) {
                break;
            }
            int t = k - 1;
            byte kind = tokens.kind(t);
            if (counts(kind)) {
                if (++count > max) {
                    break;
                }
            } else if (tokens.length(t) == 1) {
                char c = text.charAt(tokens.start(t));
                if (c == ')' || c == ']' || c == '}') {
                    depth++;
                } else if (c == '(' || c == '[' || c == '{') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
            }
            k--;
        }
        return k;
    }

    /** True when token {@code t} is an ALL-CAPS word of two or more letters (a field label before a colon). */
    private static boolean isCapsLabel(CharSequence text, TokenTable tokens, int t) {
        if (tokens.kind(t) != TokenKind.WORD || tokens.length(t) < 2) {
            return false;
        }
        for (int i = tokens.start(t); i < tokens.end(t); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Punctuation and symbols do not count towards a scope's size, so comma-separated lists stay in scope. */
    private static boolean counts(byte kind) {
        return kind != TokenKind.PUNCT && kind != TokenKind.SYMBOL && kind != TokenKind.OTHER;
    }

    /** The section containing {@code token} (sections cover every token, in order). Binary search. */
    private static Section sectionAt(List<Section> sections, int token) {
        int lo = 0;
        int hi = sections.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sections.get(mid).firstToken() <= token) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (lo > 0 && sections.get(lo).endToken() <= token) {
            lo--; // skip empty sections that start at this token
        }
        return sections.get(lo);
    }

    @Override
    public String toString() {
        return "ContextAnnotator[" + rules + "]";
    }
}
