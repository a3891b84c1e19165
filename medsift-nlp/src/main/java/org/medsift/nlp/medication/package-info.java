/**
 * Medication extraction: {@link org.medsift.nlp.medication.MedicationAnnotator} links drug mentions to their
 * strength, dose amount, form, route, frequency, duration, PRN reason and status, normalized (UCUM quantities,
 * FHIR Timing, SNOMED CT route and form codes where confirmed). Offsets are half-open UTF-16 char offsets; the
 * annotator is immutable and thread-safe and allocates nothing per token (word tables are built once).
 */
package org.medsift.nlp.medication;
