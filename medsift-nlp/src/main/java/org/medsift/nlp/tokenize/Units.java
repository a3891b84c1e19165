package org.medsift.nlp.tokenize;

/**
 * Units of measure that the scanner splits from a number written against them ({@code 5mg} is {@code 5} and
 * {@code mg}), so that measurement and dose extraction see the value and the unit as separate tokens. Letters
 * after a number that are not a unit stay with it as one {@code ALNUM} ({@code 3rd}, {@code 5HT}).
 */
final class Units {
    /** Matched ignoring case. Single letters that are also common words or initials ("m", "s", "d") are left out. */
    private static final String[] UNITS = {
        "mg", "mcg", "ug", "\u00b5g", "\u03bcg", "ng", "g", "gm", "gms", "kg", "mgs", "gr", "ml", "mls", "cc", "l", "dl", "cl",
        "cm", "mm", "km", "um", "nm", "in", "ft", "u", "iu", "units", "unit", "meq", "mmol", "umol", "mol", "mosm",
        "mmhg", "bpm", "h", "hr", "hrs", "min", "mins", "sec", "wk", "wks", "lb", "lbs", "oz", "kcal", "cal", "gtt",
        "gtts", "mph", "mgdl", "mv", "hz", "khz",
    };

    private Units() {
    }

    /** True when {@code s[start, end)} is a listed unit. */
    static boolean isUnitAt(CharSequence s, int start, int end) {
        int len = end - start;
        if (len > 5) {
            return false;
        }
        for (String u : UNITS) {
            if (u.length() == len && Abbreviations.regionEquals(s, start, u, true)) {
                return true;
            }
        }
        return false;
    }
}
