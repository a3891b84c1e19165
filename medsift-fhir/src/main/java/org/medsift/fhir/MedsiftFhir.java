package org.medsift.fhir;

/** URLs that Medsift defines for FHIR: its extension, naming system and code system. */
public final class MedsiftFhir {
    /** Base of Medsift's StructureDefinitions. */
    public static final String STRUCTURE_DEFINITION_BASE = "https://medsift.org/fhir/StructureDefinition/";

    /**
     * Complex extension, repeated once per source mention, with sub-extensions {@code document}
     * (valueReference to the DocumentReference), {@code start} and {@code end} (valueInteger, half-open UTF-16 char
     * range). Allowed on any resource or element; defined in
     * {@code org/medsift/fhir/StructureDefinition-source-text-range.json}.
     */
    public static final String SOURCE_TEXT_RANGE = STRUCTURE_DEFINITION_BASE + "source-text-range";

    /** Classpath resource holding the StructureDefinition of {@link #SOURCE_TEXT_RANGE} (differential only). */
    public static final String SOURCE_TEXT_RANGE_DEFINITION =
            "/org/medsift/fhir/StructureDefinition-source-text-range.json";

    /** Classpath resource holding the CodeSystem of Medsift's local concept ids (content not-present). */
    public static final String CONCEPT_CODE_SYSTEM_DEFINITION = "/org/medsift/fhir/CodeSystem-medsift-concept.json";

    /** Identifier system of {@code DocumentReference.identifier}: the Medsift document id. */
    public static final String DOCUMENT_ID_SYSTEM = "https://medsift.org/fhir/NamingSystem/document-id";

    private MedsiftFhir() {
    }
}
