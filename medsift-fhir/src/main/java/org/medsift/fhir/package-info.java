/**
 * FHIR R4 output: {@link org.medsift.fhir.FhirMapper} turns one {@link org.medsift.core.text.Document} into a
 * {@code collection} {@link org.hl7.fhir.r4.model.Bundle} (DocumentReference, Patient and one resource per distinct
 * finding), {@link org.medsift.fhir.FhirOutput} writes bundles as JSON or NDJSON, and
 * {@link org.medsift.fhir.FhirValidation} validates them offline with HAPI's instance validator.
 *
 * <p>Every extracted resource points back to its source: a {@code source-text-range} extension
 * ({@link org.medsift.fhir.MedsiftFhir#SOURCE_TEXT_RANGE}) holds the DocumentReference and the half-open UTF-16 char
 * range {@code [start, end)} of each mention it came from. docs/fhir-mapping.md has the full mapping table.
 *
 * <p>Thread safety: {@code FhirMapper}, {@code FhirOutput} and {@code FhirValidation} are immutable and may be
 * shared between threads; the {@code Bundle}s they return are not thread-safe.
 */
package org.medsift.fhir;
