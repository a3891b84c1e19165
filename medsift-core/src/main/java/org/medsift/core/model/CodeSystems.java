package org.medsift.core.model;

/** Canonical FHIR system URIs of the code systems Medsift emits, and their short names. */
public final class CodeSystems {
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String LOINC = "http://loinc.org";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String CVX = "http://hl7.org/fhir/sid/cvx";
    public static final String UMLS = "http://www.nlm.nih.gov/research/umls";
    /** Medsift's own local concept ids (curated concepts without a confirmed standard code). */
    public static final String MEDSIFT = "https://medsift.org/fhir/CodeSystem/concept";

    private CodeSystems() {
    }

    /** Short name of a system URI ({@code SNOMEDCT}, {@code RXNORM}, ...), or the URI itself when unknown. */
    public static String shortName(String system) {
        switch (system) {
            case SNOMED_CT: return "SNOMEDCT";
            case RXNORM: return "RXNORM";
            case LOINC: return "LOINC";
            case ICD10CM: return "ICD10CM";
            case CVX: return "CVX";
            case UMLS: return "UMLS";
            case MEDSIFT: return "MEDSIFT";
            default: return system;
        }
    }

    /** The system URI for a short name (case-insensitive), or {@code null} when unknown. */
    public static String fromShortName(String name) {
        switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "SNOMEDCT": case "SNOMEDCT_US": case "SNOMED-CT": case "SNOMED": case "SCT": return SNOMED_CT;
            case "RXNORM": return RXNORM;
            case "LOINC": case "LNC": return LOINC;
            case "ICD10CM": case "ICD-10-CM": return ICD10CM;
            case "CVX": return CVX;
            case "UMLS": case "CUI": return UMLS;
            case "MEDSIFT": return MEDSIFT;
            default: return null;
        }
    }
}
