package org.medsift.vocab;

/** What kind of name a lexicon term is; it decides how the term may match text. */
public enum TermKind {
    /** A name or synonym; matches case-insensitively, inflected, reordered (multi-word) and fuzzily. */
    NAME,
    /** An unambiguous abbreviation ("CHF", "COPD"); matches only as written (or in all capitals), never fuzzily. */
    ABBREVIATION,
    /**
     * An ambiguous short form ("MS", "RA", "PT", "CA"); matches as an abbreviation does, never in lower case, and
     * only when its context supports the concept.
     */
    AMBIGUOUS,
    /** A brand name of a drug or device; matches as a name does. */
    BRAND
}
