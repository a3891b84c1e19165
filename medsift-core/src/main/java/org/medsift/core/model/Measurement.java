package org.medsift.core.model;

import java.util.List;

/**
 * A lab result or vital sign: what was measured, its value, unit, reference range and flag.
 *
 * @param kind           lab or vital sign
 * @param key            a stable name: the lab concept id, or the vital sign ({@code blood-pressure},
 *                       {@code heart-rate}, {@code respiratory-rate}, {@code body-temperature},
 *                       {@code oxygen-saturation}, {@code body-weight}, {@code body-height}, {@code bmi},
 *                       {@code pain-score})
 * @param name           the preferred name
 * @param codes          codes of the test (LOINC for vital signs; the lexicon's for labs); may be empty
 * @param nameStart      char offset of the name as written (inclusive)
 * @param nameEnd        char offset after the name (exclusive)
 * @param value          the value
 * @param unitStart      char offset of the unit, {@code -1} when none was written
 * @param unitEnd        char offset after the unit, {@code -1} when none
 * @param unit           the unit as written, or inferred for vital signs ({@code F} for 98.6); empty when none
 * @param ucum           the UCUM code of the unit; empty when unknown
 * @param referenceRange the reference range; {@code null} when none
 * @param interpretation HL7 v3 ObservationInterpretation code: {@code H}, {@code L}, {@code HH}, {@code LL},
 *                       {@code A}, {@code POS}, {@code NEG}; empty when none
 * @param flagStart      char offset of the written flag, {@code -1} when the flag was not written
 * @param flagEnd        char offset after the flag, {@code -1} when none
 * @param qualifier      a note on the conditions ("on RA", "on 2 L"), empty when none
 * @param assertion      the assertion of the lab mention ({@link Assertion#DEFAULT} for vital signs)
 */
public record Measurement(Kind kind, String key, String name, List<Code> codes, int nameStart, int nameEnd,
        MeasuredValue value, int unitStart, int unitEnd, String unit, String ucum, ReferenceRange referenceRange,
        String interpretation, int flagStart, int flagEnd, String qualifier, Assertion assertion) {
    /** Lab result or vital sign. */
    public enum Kind { LAB, VITAL }

    public Measurement {
        if (kind == null || key == null || name == null || value == null || assertion == null) {
            throw new IllegalArgumentException("measurement kind, key, name, value and assertion are required");
        }
        if (nameStart < 0 || nameEnd <= nameStart) {
            throw new IllegalArgumentException("name offsets out of order: [" + nameStart + ", " + nameEnd + ")");
        }
        if ((unitStart < 0) != (unitEnd < 0) || (unitStart >= 0 && unitEnd <= unitStart)) {
            throw new IllegalArgumentException("unit offsets out of order: [" + unitStart + ", " + unitEnd + ")");
        }
        codes = codes == null ? List.of() : List.copyOf(codes);
        unit = unit == null ? "" : unit;
        ucum = ucum == null ? "" : ucum;
        interpretation = interpretation == null ? "" : interpretation;
        qualifier = qualifier == null ? "" : qualifier;
    }

    /** Start of the name. */
    public int start() {
        return nameStart;
    }

    /** End of the last part written (value, unit, flag or range). */
    public int end() {
        int e = Math.max(nameEnd, value.end());
        e = Math.max(e, unitEnd);
        e = Math.max(e, flagEnd);
        if (referenceRange != null) {
            e = Math.max(e, referenceRange.end());
        }
        return e;
    }

    /** The value as a UCUM quantity when it is a plain number (or comparator) with a known unit, else empty. */
    public java.util.Optional<Quantity> findQuantity() {
        if ((value.kind() == MeasuredValue.Kind.NUMBER || value.kind() == MeasuredValue.Kind.COMPARATOR)
                && !Double.isNaN(value.number())) {
            return java.util.Optional.of(new Quantity(value.number(), unit, ucum));
        }
        return java.util.Optional.empty();
    }
}
