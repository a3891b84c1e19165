/**
 * Output writers: {@link org.medsift.app.output.JsonWriter} (Medsift JSON, schema {@code medsift/1.2}, and NDJSON),
 * {@link org.medsift.app.output.NoteNlpWriter} (OMOP CDM v5.4 {@code NOTE_NLP} CSV) and
 * {@link org.medsift.app.output.BratWriter} (brat standoff). FHIR R4 output is {@code org.medsift.fhir.FhirMapper}.
 *
 * <p>Each writer takes a frozen {@link org.medsift.core.text.Document} and appends to a caller's
 * {@link java.lang.Appendable} (use a UTF-8 {@code Writer}); none closes or flushes it. Layers a document lacks give
 * empty lists or {@code null}s, never errors; a finding whose offsets fall outside the text is a bug and throws
 * {@link java.lang.IllegalStateException}. Offsets in every output are half-open UTF-16 char offsets (see
 * {@code org.medsift.core.text}). Output holds note text, so it is PHI-bearing; the writers log nothing.
 *
 * <p>Writers are immutable and thread-safe; {@code NoteNlpWriter}'s id counter is atomic. Formats are described in
 * docs/json-schema.md, docs/note-nlp.md and the {@code BratWriter} documentation.
 */
package org.medsift.app.output;
