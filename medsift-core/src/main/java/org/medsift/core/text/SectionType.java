package org.medsift.core.text;

/**
 * The section taxonomy of clinical notes. Header variants ("HPI", "History of the Present Illness", "PMH",
 * "Past Medical/Surgical History" ...) map to one of these; docs/sections.md lists the mapping. Each type carries
 * the LOINC document-section code where one exists (used as {@code Composition.section.code} style coding).
 */
public enum SectionType {
    /** Text before the first recognised header. */
    PREAMBLE(null, "Preamble"),
    CHIEF_COMPLAINT("10154-3", "Chief complaint"),
    HISTORY_OF_PRESENT_ILLNESS("10164-2", "History of present illness"),
    PAST_MEDICAL_HISTORY("11348-0", "Past medical history"),
    PAST_SURGICAL_HISTORY("47519-4", "Past surgical history"),
    FAMILY_HISTORY("10157-6", "Family history"),
    SOCIAL_HISTORY("29762-2", "Social history"),
    MEDICATIONS("10160-0", "Medications"),
    ADMISSION_MEDICATIONS("42346-7", "Medications on admission"),
    DISCHARGE_MEDICATIONS("10183-2", "Discharge medications"),
    ALLERGIES("48765-2", "Allergies"),
    REVIEW_OF_SYSTEMS("10187-3", "Review of systems"),
    PHYSICAL_EXAM("29545-1", "Physical examination"),
    VITAL_SIGNS("8716-3", "Vital signs"),
    LABS("30954-2", "Laboratory results"),
    IMAGING("18782-3", "Imaging"),
    PROCEDURES("47519-4", "Procedures"),
    HOSPITAL_COURSE("8648-8", "Hospital course"),
    FINDINGS("59776-5", "Findings"),
    IMPRESSION("19005-8", "Impression"),
    ASSESSMENT("51848-0", "Assessment"),
    PLAN("18776-5", "Plan of care"),
    ASSESSMENT_AND_PLAN("51847-2", "Assessment and plan"),
    DIAGNOSES("11535-2", "Diagnoses"),
    PROBLEM_LIST("11450-4", "Problem list"),
    IMMUNIZATIONS("11369-6", "Immunizations"),
    INDICATION("18785-6", "Indication"),
    TECHNIQUE("55111-9", "Technique"),
    DISPOSITION("11302-7", "Disposition"),
    FOLLOW_UP("69730-0", "Follow-up"),
    INSTRUCTIONS("69730-0", "Instructions"),
    /** A recognised header shape whose words map to no type above. */
    OTHER(null, "Other");

    private final String loinc;
    private final String title;

    SectionType(String loinc, String title) {
        this.loinc = loinc;
        this.title = title;
    }

    /** LOINC section code, or {@code null} when none fits. */
    public String loinc() {
        return loinc;
    }

    /** Human-readable title. */
    public String title() {
        return title;
    }
}
