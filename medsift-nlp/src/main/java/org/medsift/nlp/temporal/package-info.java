/**
 * Temporal expressions: {@link org.medsift.nlp.temporal.TemporalAnnotator} finds absolute dates, times, durations
 * and expressions relative to the document, the day of surgery or the day of admission, normalized to ISO 8601
 * (TimeML TIMEX3 values) against the document date ({@link org.medsift.core.text.Layers#DOCUMENT_DATE}) when the
 * caller gives one. Hand-written token scanners; word lookups compare chars in place and allocate nothing.
 */
package org.medsift.nlp.temporal;
