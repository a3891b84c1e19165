package org.medsift.core.model;

import java.util.List;

/**
 * When a medication is taken, as FHIR {@code Timing.repeat}: {@code frequency} times per {@code period}
 * {@code periodUnit}, at the {@code when} events. "BID" is 2 per 1 d; "q6h" 1 per 6 h; "q4-6h" 1 per 4 to 6 h;
 * "at bedtime" when {@code HS}.
 *
 * @param frequency    times per period; 0 when not stated
 * @param frequencyMax upper bound of a frequency range ("1-2 times a day"); 0 when none
 * @param period       the period; 0 when not stated
 * @param periodMax    upper bound of a period range ("every 4-6 hours"); 0 when none
 * @param periodUnit   FHIR {@code UnitsOfTime}: {@code s}, {@code min}, {@code h}, {@code d}, {@code wk},
 *                     {@code mo}, {@code a}; empty when no period
 * @param when         FHIR {@code EventTiming} codes ({@code HS}, {@code MORN}, {@code C}, {@code AC}, ...)
 */
public record Timing(int frequency, int frequencyMax, double period, double periodMax, String periodUnit,
        List<String> when) {
    public Timing {
        if (frequency < 0 || frequencyMax < 0 || period < 0 || periodMax < 0) {
            throw new IllegalArgumentException("timing values must not be negative");
        }
        periodUnit = periodUnit == null ? "" : periodUnit;
        when = when == null ? List.of() : List.copyOf(when);
    }

    /** True when nothing is known. */
    public boolean isEmpty() {
        return frequency == 0 && period == 0 && when.isEmpty();
    }
}
