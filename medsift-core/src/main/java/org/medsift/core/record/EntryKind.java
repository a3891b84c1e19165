package org.medsift.core.record;

/** What a structured entry is; each maps to one FHIR R4 resource type. */
public enum EntryKind {
    /** A visit (HL7 v2 PV1, C-CDA encompassingEncounter / encounter entries): FHIR Encounter. */
    ENCOUNTER,
    /** A result or vital sign (OBX, C-CDA result / vital sign observation): FHIR Observation. */
    OBSERVATION,
    /** A report grouping results (OBR): FHIR DiagnosticReport. */
    REPORT,
    /** A problem / diagnosis: FHIR Condition. */
    CONDITION,
    /** An allergy or intolerance: FHIR AllergyIntolerance. */
    ALLERGY,
    /** An order for a medication (ORM / RDE / RXE / RXO): FHIR MedicationRequest. */
    MEDICATION_ORDER,
    /** A medication taken (C-CDA medication activity): FHIR MedicationStatement. */
    MEDICATION_STATEMENT,
    /** A vaccine given (RXA with a CVX code, C-CDA immunization activity): FHIR Immunization. */
    IMMUNIZATION,
    /** A procedure done: FHIR Procedure. */
    PROCEDURE
}
