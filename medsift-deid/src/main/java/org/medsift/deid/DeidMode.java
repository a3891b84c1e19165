package org.medsift.deid;

/** How detected identifiers are transformed. */
public enum DeidMode {
    /** Replace each identifier with its type tag, e.g. {@code [NAME]}. */
    REDACT,
    /** Replace each identifier with a realistic keyed surrogate of the same shape (see {@link Deidentifier}). */
    SURROGATE
}
