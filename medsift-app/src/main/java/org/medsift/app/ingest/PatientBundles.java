package org.medsift.app.ingest;

/** Constants of the per-patient Bundles. */
public final class PatientBundles {
    /** {@code meta.tag} system of ingest tags ({@code duplicate-of-structured}). */
    public static final String TAG_SYSTEM = "https://medsift.org/fhir/CodeSystem/ingest";

    private PatientBundles() {
    }
}
