package org.medsift.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.medsift.core.model.ConceptMention;

/**
 * The result of mapping one document: the bundle, and the findings that were deliberately not mapped, with the
 * reason for each (nothing is dropped silently).
 *
 * @param bundle    a {@code collection} bundle: DocumentReference, Patient (when in the bundle), then the finding
 *                  resources in order of their first mention
 * @param omissions mentions that produced no resource, in text order
 */
public record FhirMapping(Bundle bundle, List<Omission> omissions) {
    public FhirMapping {
        omissions = List.copyOf(omissions);
    }

    /** A mention that no resource represents, and why. */
    public record Omission(ConceptMention mention, Reason reason) {
    }

    /** Why a mention was not mapped; docs/fhir-mapping.md explains each. */
    public enum Reason {
        /** Hypothetical ("return if fever"): not asserted to exist. */
        HYPOTHETICAL,
        /** Conditional ("if", "on exertion"): asserted only under a condition; OMOP counts it as not existing. */
        CONDITIONAL,
        /** The experiencer is neither the patient nor a family member. */
        OTHER_EXPERIENCER,
        /** A family member's finding of a group other than DISORDER or FINDING. */
        FAMILY_NOT_CONDITION,
        /** A negated family finding ("no family history of cancer"): R4 FamilyMemberHistory cannot deny one. */
        NEGATED_FAMILY_HISTORY,
        /** A negated lab mention ("no labs drawn"). */
        NEGATED_LAB,
        /** A group with no resource mapping: ANATOMY, DEVICE, OBSERVATION, OTHER, SUBSTANCE outside allergies. */
        UNMAPPED_GROUP,
        /** A lab mention inside another result's value or unit ("K" of "K/uL"); that result is mapped. */
        PART_OF_MEASUREMENT
    }
}
