package org.medsift.core.model;

/**
 * A number with a unit, as a FHIR {@code Quantity}.
 *
 * @param value the number
 * @param unit  the unit for people, as normalized from the text ({@code mg}, {@code tablet}); empty when none
 * @param ucum  the UCUM code ({@code mg}, {@code mg/dL}, {@code 10*3/uL}); empty when the unit has no UCUM code
 *              (a tablet) or none was written
 */
public record Quantity(double value, String unit, String ucum) {
    public Quantity {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("quantity value " + value + " is not a finite number");
        }
        unit = unit == null ? "" : unit;
        ucum = ucum == null ? "" : ucum;
    }

    /** The value without a trailing {@code .0} ({@code 25}, {@code 0.125}). */
    public String valueText() {
        return format(value);
    }

    /** A number without a trailing {@code .0}, for output. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return unit.isEmpty() ? valueText() : valueText() + " " + unit;
    }
}
