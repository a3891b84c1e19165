package org.medsift.core.model;

/**
 * Coarse semantic groups of concepts, after the UMLS semantic groups (McCray et al. 2001) but narrowed to what
 * clinical extraction reports. Importers map UMLS semantic types (TUIs), SNOMED CT semantic tags and code systems
 * to these.
 */
public enum SemanticGroup {
    /** Diseases, syndromes, injuries, neoplasms (UMLS DISO without signs and symptoms). */
    DISORDER,
    /** Signs, symptoms, examination and test findings. */
    FINDING,
    /** Medications: ingredients, clinical drugs, brands, drug classes, vaccines. */
    DRUG,
    /** Therapeutic, surgical and diagnostic procedures, imaging studies. */
    PROCEDURE,
    /** Laboratory tests and panels (LOINC-like observables). */
    LAB,
    /** Body structures and locations. */
    ANATOMY,
    /** Medical devices, implants, equipment. */
    DEVICE,
    /** Non-drug substances: allergens, foods, recreational substances. */
    SUBSTANCE,
    /** Other observables: vital-sign names, social and functional status. */
    OBSERVATION,
    /** Anything else. */
    OTHER
}
