package org.medsift.core.model;

import java.util.List;

/**
 * A medication: a drug mention and its signature, normalized. Every attribute found is in {@link #attributes()}
 * with its span; the other fields are the normalized values (the first of each kind when a kind occurs twice).
 *
 * @param drug           the drug mention (group {@link SemanticGroup#DRUG}) with its assertion
 * @param aliases        other mentions naming the same drug in place ("Lamictal (lamotrigine)"), may be empty
 * @param attributes     attributes in text order
 * @param strength       strength, UCUM ({@code 500 mg}); {@code null} when none
 * @param strengthPer    denominator of a ratio strength ({@code 5 mL} in {@code 10 mg/5 mL}); {@code null} when none
 * @param dose           dose amount ({@code 1 tablet}); {@code null} when none
 * @param route          route; {@code null} when none
 * @param form           dose form; {@code null} when none
 * @param timing         frequency and times of day; {@code null} when none
 * @param duration       duration ({@code 7 d}); {@code null} when none
 * @param asNeeded       PRN
 * @param asNeededReason the PRN reason as written ("pain"); empty when none
 * @param status         {@code start}, {@code stop}, {@code continue}, {@code hold}, {@code increase},
 *                       {@code decrease}, {@code discontinued}; empty when none
 * @param clinicalDrug   the RxNorm clinical drug (SCD) whose ingredient, strength and form match this medication
 *                       ({@code 314076 lisinopril 10 MG Oral Tablet}); {@code null} when none matches
 */
public record Medication(ConceptMention drug, List<ConceptMention> aliases, List<MedicationAttribute> attributes,
        Quantity strength, Quantity strengthPer, Quantity dose, CodedText route, CodedText form, Timing timing,
        Quantity duration, boolean asNeeded, String asNeededReason, String status, Code clinicalDrug) {
    /** A medication without a clinical-drug code. */
    public Medication(ConceptMention drug, List<ConceptMention> aliases, List<MedicationAttribute> attributes,
            Quantity strength, Quantity strengthPer, Quantity dose, CodedText route, CodedText form, Timing timing,
            Quantity duration, boolean asNeeded, String asNeededReason, String status) {
        this(drug, aliases, attributes, strength, strengthPer, dose, route, form, timing, duration, asNeeded,
                asNeededReason, status, null);
    }

    /** This medication with the given clinical-drug code. */
    public Medication withClinicalDrug(Code code) {
        return new Medication(drug, aliases, attributes, strength, strengthPer, dose, route, form, timing, duration,
                asNeeded, asNeededReason, status, code);
    }

    public Medication {
        if (drug == null) {
            throw new IllegalArgumentException("medication needs a drug mention");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        asNeededReason = asNeededReason == null ? "" : asNeededReason;
        status = status == null ? "" : status;
    }

    /** Start of the drug mention. */
    public int start() {
        return drug.start();
    }

    /** End of the last attribute, or of the drug mention. */
    public int end() {
        int e = drug.end();
        for (MedicationAttribute a : attributes) {
            e = Math.max(e, a.end());
        }
        return e;
    }
}
