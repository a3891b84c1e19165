package org.medsift.nlp.tokenize;

/**
 * Words that keep their period as one {@link org.medsift.core.text.TokenKind#ABBREVIATION} token ({@code Dr.},
 * {@code vs.}, {@code etc.}). Chains of single letters ({@code p.o.}, {@code b.i.d.}) need no list; the scanner
 * recognises their shape. Lookups compare chars in place and allocate nothing.
 */
final class Abbreviations {
    /**
     * Matched with exact case: titles, which are capitalised, and whose upper-case forms would collide with
     * clinical acronyms at a sentence end ("history of MS.").
     */
    private static final String[] EXACT_CASE = {
        "Dr", "DR", "Drs", "Mr", "MR", "Mrs", "MRS", "Ms", "Prof", "St", "Sr", "Jr", "Ave", "Blvd", "Rd", "Mt",
    };

    /** Matched ignoring case: Latin and clinical shorthand that is written with a period. */
    private static final String[] ANY_CASE = {
        "vs", "etc", "approx", "cf", "al", "viz", "dept", "hosp", "yr", "yrs", "wk", "wks", "mo", "mos", "hr", "hrs",
        "min", "mins", "sec", "tab", "tabs", "cap", "caps", "susp", "inj", "soln", "oz", "lb", "lbs", "ft", "sq",
    };

    private Abbreviations() {
    }

    /** True when {@code s[start, end)} is a listed abbreviation (without its period). */
    static boolean isPeriodAbbreviation(CharSequence s, int start, int end) {
        int len = end - start;
        if (len > 6) {
            return false;
        }
        for (String a : EXACT_CASE) {
            if (a.length() == len && regionEquals(s, start, a, false)) {
                return true;
            }
        }
        for (String a : ANY_CASE) {
            if (a.length() == len && regionEquals(s, start, a, true)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s} at {@code start} holds {@code word} ({@code word} is ASCII; lower case if ignoring case). */
    static boolean regionEquals(CharSequence s, int start, String word, boolean ignoreCase) {
        for (int k = 0; k < word.length(); k++) {
            char c = s.charAt(start + k);
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
