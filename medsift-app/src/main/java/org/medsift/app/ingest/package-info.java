/**
 * Ingestion of structured records: {@link org.medsift.app.ingest.Ingest} sniffs the format of a file (HL7 v2, FHIR
 * R4, C-CDA, PDF, DOCX, RTF), reads it with the matching {@code medsift-io-*} reader, runs extraction on every free text, and
 * assembles one FHIR R4 Bundle (type {@code collection}) per patient: the patient, the structured entries mapped to
 * FHIR resources ({@link org.medsift.app.ingest.RecordResources}) or, for FHIR input, the resources as they were
 * read, plus the text-derived findings mapped by {@link org.medsift.fhir.FhirMapper}. A text-derived finding whose
 * code also appears on a structured resource of the same patient is tagged
 * ({@code meta.tag} {@value org.medsift.app.ingest.PatientBundles#TAG_SYSTEM}|{@code duplicate-of-structured}),
 * never merged. Provenance: every generated structured resource has {@code meta.source} = the percent-encoded
 * {@code file#path} it came from; DocumentReferences of texts carry it in {@code description}, and for PDF, DOCX and RTF texts
 * (files or FHIR attachments) the structure map too: {@code structure: page[1]=[0,812) page[2]=[813,1620)}, the
 * char range of each page / paragraph in the text that finding ranges point into. Thread-safe.
 */
package org.medsift.app.ingest;
