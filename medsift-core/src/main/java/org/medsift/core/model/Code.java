package org.medsift.core.model;

/**
 * A code in a code system.
 *
 * @param system  the FHIR system URI (e.g. {@code http://snomed.info/sct}); see {@link CodeSystems}
 * @param code    the code
 * @param display the system's display name, or empty when unknown
 */
public record Code(String system, String code, String display) {
    public Code {
        if (system == null || system.isEmpty() || code == null || code.isEmpty()) {
            throw new IllegalArgumentException("code needs a system and a code");
        }
        if (display == null) {
            display = "";
        }
    }
}
