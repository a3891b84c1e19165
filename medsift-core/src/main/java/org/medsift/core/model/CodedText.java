package org.medsift.core.model;

/**
 * A normalized text value with a standard code when one is known for sure ({@code oral} with SNOMED CT
 * {@code 26643006}).
 *
 * @param text the normalized value ({@code oral}, {@code tablet}); never empty
 * @param code the code, or {@code null} when none is confirmed
 */
public record CodedText(String text, Code code) {
    public CodedText {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("coded text needs a text");
        }
    }

    /** A value without a code. */
    public static CodedText of(String text) {
        return new CodedText(text, null);
    }

    public boolean hasCode() {
        return code != null;
    }
}
