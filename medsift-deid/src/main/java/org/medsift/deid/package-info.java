/**
 * De-identification: {@link org.medsift.deid.PhiDetector} finds the HIPAA Safe Harbor identifiers,
 * {@link org.medsift.deid.Deidentifier} redacts them or replaces them with keyed surrogates and returns a new text
 * plus an {@link org.medsift.deid.OffsetMap} between output and input; the input is never changed.
 *
 * <p>Offsets are UTF-16 {@code char} indices, spans half-open {@code [start, end)}. All public classes are
 * immutable and thread-safe. No PHI is logged or put into exception messages.
 */
package org.medsift.deid;
