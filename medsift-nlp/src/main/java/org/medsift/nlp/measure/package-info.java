/**
 * Measurements: lab results and vital signs with values, units normalized to UCUM, reference ranges and flags
 * ({@link org.medsift.nlp.measure.MeasurementAnnotator}), and the token helpers shared with medication extraction
 * ({@link org.medsift.nlp.measure.TokenView}, {@link org.medsift.nlp.measure.WordTable},
 * {@link org.medsift.nlp.measure.Ucum}). Offsets are half-open UTF-16 char offsets; everything here is immutable
 * or per-thread, and lookups allocate nothing.
 */
package org.medsift.nlp.measure;
