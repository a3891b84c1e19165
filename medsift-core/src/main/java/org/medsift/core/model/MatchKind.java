package org.medsift.core.model;

/** How a lexicon term matched the text, from strongest to weakest. */
public enum MatchKind {
    /** The term's words in the same order after normalization (case, punctuation, inflection). */
    EXACT,
    /** The same words in another order ("cancer of the breast" for "breast cancer"). */
    REORDERED,
    /** A case-sensitive abbreviation. */
    ABBREVIATION,
    /** An ambiguous short form, accepted because its context supports it. */
    AMBIGUOUS_ABBREVIATION,
    /** Within the bounded spelling tolerance for long words. */
    FUZZY,
    /**
     * Found by a learned entity model (medsift-ml) where no lexicon term covers the span: the span is the model's,
     * the concept the lexicon's mention inside it or none (then the concept id is the model's entity type).
     */
    MODEL
}
