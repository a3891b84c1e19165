/**
 * FHIR R4 reader on HAPI FHIR structures: {@link org.medsift.io.fhir.FhirReader} reads a Bundle or a single resource
 * (JSON or XML) or an NDJSON file (one resource per line, Bulk Data export), keeps every resource as it is (nested
 * Bundles are flattened), and decodes the notes of DocumentReference and Binary resources: base64
 * {@code text/plain} as UTF-8; {@code text/html} and XHTML stripped to text (tags removed, a line break after block
 * elements, character references decoded; offsets are char offsets into the stripped text, not into the HTML).
 * {@code application/pdf}, DOCX and {@code application/rtf} / {@code text/rtf} attachments are extracted by the
 * {@code medsift-io-doc} readers (pieces per page / paragraph, paths below the attachment's path, e.g.
 * {@code DocumentReference/x.content[0].attachment/page[2]}). Other content types (images) are reported as not
 * extracted. XML with a DOCTYPE is refused. Problem codes
 * {@code FHIR-*}: docs/problems.md. Thread-safe (the HAPI context is shared).
 */
package org.medsift.io.fhir;
