/**
 * Importer of FHIR R4 CodeSystem and expanded ValueSet resources in JSON or XML, without a FHIR library; see
 * {@link org.medsift.vocab.fhir.FhirImporter}.
 */
package org.medsift.vocab.fhir;
