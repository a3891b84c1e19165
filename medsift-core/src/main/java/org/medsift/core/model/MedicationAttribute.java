package org.medsift.core.model;

/**
 * One attribute of a medication as written in the text: its kind, its span and its normalized value.
 *
 * @param kind       what it is
 * @param start      char offset of the first char (inclusive)
 * @param end        char offset after the last char (exclusive)
 * @param normalized the normalized value ({@code 500 mg}, {@code oral}, {@code 2/1 d}, {@code pain}); never null
 */
public record MedicationAttribute(Kind kind, int start, int end, String normalized) {
    /** Attribute kinds, after the i2b2 2009 medication challenge and MedEx. */
    public enum Kind {
        /** Amount of drug per unit: {@code 500 mg}, {@code 10 mg/5 mL}, {@code 1,000 units}. */
        STRENGTH,
        /** How many units are taken: {@code 1 tab}, {@code 2 puffs}. */
        DOSE_AMOUNT,
        /** Dose form: {@code tablet}, {@code capsule}, {@code patch}. */
        FORM,
        /** Route: {@code PO}, {@code IV}, {@code by mouth}. */
        ROUTE,
        /** Frequency or time of intake: {@code BID}, {@code q6h}, {@code at bedtime}. */
        FREQUENCY,
        /** How long: {@code x 7 days}, {@code for 2 weeks}. */
        DURATION,
        /** As needed, with its reason when given: {@code prn pain}. */
        PRN,
        /** A change of therapy: {@code start}, {@code stop}, {@code continue}, {@code hold}, ... */
        STATUS
    }

    public MedicationAttribute {
        if (kind == null) {
            throw new IllegalArgumentException("attribute kind is null");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("attribute offsets out of order: [" + start + ", " + end + ")");
        }
        normalized = normalized == null ? "" : normalized;
    }
}
