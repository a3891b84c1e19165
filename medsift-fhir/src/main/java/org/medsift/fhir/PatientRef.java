package org.medsift.fhir;

import java.util.regex.Pattern;

/**
 * Who the findings are about, as the caller knows it. Either a Patient resource that the bundle includes, holding
 * nothing but its id (no PHI), or a reference to a Patient held elsewhere (for example {@code Patient/123} on the
 * caller's FHIR server), which the bundle does not include.
 */
public final class PatientRef {
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final String id;
    private final String reference;

    private PatientRef(String id, String reference) {
        this.id = id;
        this.reference = reference;
    }

    /**
     * A Patient resource with only this id, included in the bundle.
     *
     * @throws IllegalArgumentException when {@code id} is not a FHIR id ({@code [A-Za-z0-9\-.]{1,64}})
     */
    public static PatientRef inBundle(String id) {
        if (id == null || !FHIR_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("patient id must match [A-Za-z0-9\\-.]{1,64}");
        }
        return new PatientRef(id, null);
    }

    /**
     * A reference to a Patient outside the bundle, such as {@code Patient/123} or an absolute URL; the bundle holds
     * no Patient resource.
     *
     * @throws IllegalArgumentException when {@code reference} is empty or contains whitespace
     */
    public static PatientRef external(String reference) {
        if (reference == null || reference.isEmpty() || reference.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("patient reference must be non-empty without whitespace");
        }
        return new PatientRef(null, reference);
    }

    /** {@code true} when the bundle holds the Patient resource. */
    public boolean isInBundle() {
        return id != null;
    }

    /** The Patient id of an in-bundle patient; {@code null} for an external one. */
    public String id() {
        return id;
    }

    /** The reference of an external patient; {@code null} for an in-bundle one. */
    public String reference() {
        return reference;
    }

    @Override
    public String toString() {
        return id != null ? "PatientRef[inBundle]" : "PatientRef[external]";
    }
}
