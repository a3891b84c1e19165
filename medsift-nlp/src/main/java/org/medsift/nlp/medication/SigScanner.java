package org.medsift.nlp.medication;

import java.util.HashMap;
import java.util.Map;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.MedicationAttribute.Kind;
import org.medsift.core.text.TokenKind;
import org.medsift.nlp.measure.TokenView;
import org.medsift.nlp.measure.Ucum;
import org.medsift.nlp.measure.WordTable;

/**
 * Recognizes one medication attribute starting at a token: hand-written scanners over the tokens with constant
 * word tables, no regular expressions. {@link #scan} sets the result fields and returns the end token; it
 * allocates only when it finds something (the normalized strings). One per thread (mutable result fields).
 */
final class SigScanner {
    // ---- word tables (built once) ----
    private static final String[] ROUTE_NAMES = {"oral", "intravenous", "subcutaneous", "intramuscular",
        "sublingual", "rectal", "topical", "transdermal", "nasal", "inhalation", "ophthalmic", "otic", "vaginal",
        "enteral tube", "intradermal", "epidural", "intrathecal"};
    /** SNOMED CT route codes (qualifier values), only those checked against the SNOMED CT browser. */
    private static final String[][] ROUTE_CODES = {{"26643006", "Oral route"}, {"47625008", "Intravenous route"},
        {"34206005", "Subcutaneous route"}, {"78421000", "Intramuscular route"}, {"37839007", "Sublingual route"},
        {"37161004", "Rectal route"}, {"6064005", "Topical route"}, {"45890007", "Transdermal route"},
        {"46713006", "Nasal route"}};
    private static final WordTable ROUTES = table(
            "po", 0, "oral", 0, "orally", 0, "os", -1,
            "iv", 1, "intravenous", 1, "intravenously", 1, "ivp", 1, "ivpb", 1, "i.v", 1,
            "sc", 2, "sq", 2, "subq", 2, "subcut", 2, "subcutaneous", 2, "subcutaneously", 2, "sub-q", 2,
            "im", 3, "intramuscular", 3, "intramuscularly", 3,
            "sl", 4, "sublingual", 4, "sublingually", 4,
            "pr", 5, "rectal", 5, "rectally", 5,
            "topical", 6, "topically", 6, "transdermal", 7, "transdermally", 7, "td", 7,
            "intranasal", 8, "intranasally", 8, "nasal", 8, "nasally", 8, "inh", 9, "inhaled", 9, "nebulized", 9, "neb", 9,
            "ophthalmic", 10, "otic", 11, "vaginal", 12, "vaginally", 12, "pv", 12, "intradermal", 14,
            "epidural", 15, "intrathecal", 16);

    private static final String[] FORM_NAMES = {"tablet", "capsule", "patch", "inhaler", "solution", "suspension",
        "syrup", "elixir", "cream", "ointment", "gel", "lotion", "spray", "drops", "suppository", "injection",
        "powder", "lozenge", "extended-release", "delayed-release", "orally disintegrating tablet", "film",
        "packet", "pen", "vial"};
    /** SNOMED CT basic dose forms, only the two checked. */
    private static final String[][] FORM_CODES = {{"385055001", "Tablet"}, {"385049006", "Capsule"}};
    private static final WordTable FORMS = table(
            "tab", 0, "tabs", 0, "tablet", 0, "tablets", 0, "cap", 1, "caps", 1, "capsule", 1, "capsules", 1,
            "patch", 2, "patches", 2, "inhaler", 3, "inhalers", 3, "mdi", 3, "solution", 4, "soln", 4, "sol", 4,
            "suspension", 5, "susp", 5, "syrup", 6, "elixir", 7, "cream", 8, "ointment", 9, "oint", 9, "gel", 10,
            "lotion", 11, "spray", 12, "drops", 13, "suppository", 14, "supp", 14, "injection", 15, "inj", 15,
            "powder", 16, "lozenge", 17, "er", 18, "xr", 18, "sr", 18, "xl", 18, "cr", 18, "la", 18, "dr", 19,
            "ec", 19, "odt", 20, "pen", 23);

    private static final String[] DOSE_UNIT_NAMES = {"tablet", "capsule", "pill", "puff", "drop", "spray", "patch",
        "inhalation", "vial", "ampule", "teaspoon", "tablespoon", "suppository", "lozenge", "packet",
        "application", "dose", "injection", "scoop"};
    private static final WordTable DOSE_UNITS = table(
            "tab", 0, "tabs", 0, "tablet", 0, "tablets", 0, "cap", 1, "caps", 1, "capsule", 1, "capsules", 1,
            "pill", 2, "pills", 2, "puff", 3, "puffs", 3, "drop", 4, "drops", 4, "gtt", 4, "gtts", 4, "spray", 5,
            "sprays", 5, "patch", 6, "patches", 6, "inhalation", 7, "inhalations", 7, "vial", 8, "vials", 8,
            "ampule", 9, "ampules", 9, "amp", 9, "amps", 9, "teaspoon", 10, "teaspoons", 10, "tsp", 10,
            "tablespoon", 11, "tablespoons", 11, "tbsp", 11, "suppository", 12, "suppositories", 12, "lozenge", 13,
            "lozenges", 13, "packet", 14, "packets", 14, "application", 15, "applications", 15, "dose", 16,
            "doses", 16, "injection", 17, "injections", 17, "scoop", 18, "scoops", 18);

    private static final WordTable STRENGTH_UNITS = WordTable.setOf("mg", "mgs", "mcg", "mcgs", "ug", "\u00b5g",
            "\u03bcg", "g", "gm", "gms", "gram", "grams", "milligram", "milligrams", "microgram", "micrograms",
            "ml", "mls", "cc", "milliliter", "milliliters", "units", "unit", "u", "iu", "ius", "ui", "meq", "mmol", "ng",
            "microg",
            "l", "liter", "liters");
    private static final WordTable PER_UNITS = table("ml", 0, "cc", 0, "m2", 1, "kg", 2, "day", 3, "d", 3,
            "hr", 4, "h", 4, "hour", 4, "min", 5, "l", 6, "dose", 7, "actuation", 8, "spray", 8, "puff", 8,
            "tab", 9, "tablet", 9, "week", 10, "wk", 10, "m^2", 1, "g", 11);
    private static final String[] PER_UCUM = {"mL", "m2", "kg", "d", "h", "min", "L", "", "", "", "wk", "g"};

    /** Period units: h, d, wk, mo, min, a. */
    private static final String[] PERIOD_UNITS = {"h", "d", "wk", "mo", "min", "a"};
    private static final WordTable PERIOD_WORDS = table("h", 0, "hr", 0, "hrs", 0, "hour", 0, "hours", 0,
            "d", 1, "day", 1, "days", 1, "wk", 2, "wks", 2, "week", 2, "weeks", 2, "mo", 3, "mos", 3, "month", 3,
            "months", 3, "min", 4, "mins", 4, "minute", 4, "minutes", 4, "yr", 5, "year", 5, "years", 5);
    private static final WordTable PERIOD_ADVERBS = table("daily", 1, "weekly", 2, "monthly", 3, "hourly", 0,
            "nightly", 1, "yearly", 5, "annually", 5);

    /** One-token frequencies: {frequency, period, period unit index, when index}. */
    private static final String[] WHEN = {"", "HS", "MORN", "EVE", "NIGHT", "C", "AC", "PC", "ACM", "CM", "CV",
        "CD", "WAKE", "AFT"};
    private static final int[][] FREQ_DEFS = {
        {1, 1, 1, 0}, {2, 1, 1, 0}, {3, 1, 1, 0}, {4, 1, 1, 0}, {1, 2, 1, 0}, {1, 1, 1, 1}, {1, 1, 1, 2},
        {1, 1, 1, 3}, {1, 1, 2, 0}, {1, 1, 3, 0}, {1, 1, 0, 0}, {1, 1, 1, 4}, {0, 0, 0, 6}, {0, 0, 0, 7},
        {0, 0, 0, 1}, {5, 1, 1, 0}, {0, 0, 0, 2}, {0, 0, 0, 3}};
    private static final WordTable FREQ1 = table("qd", 0, "daily", 0, "qday", 0, "qdaily", 0, "od", 0,
            "bid", 1, "bd", 1, "tid", 2, "qid", 3, "qod", 4, "qad", 4, "qhs", 5, "hs", 14, "qam", 6, "qpm", 7,
            "qweek", 8, "qwk", 8, "weekly", 8, "monthly", 9, "qmonth", 9, "hourly", 10, "qh", 10, "nightly", 11,
            "qnight", 11, "qnoc", 11, "ac", 12, "pc", 13, "5x", -1, "am", 16, "pm", 17);

    private static final WordTable COUNT_WORDS = table("once", 1, "twice", 2, "thrice", 3);
    private static final WordTable TIMES = WordTable.setOf("times", "time", "x");
    private static final WordTable PER = WordTable.setOf("a", "per", "each", "every", "/");
    private static final WordTable WHEN_WORDS = table("bedtime", 1, "hs", 1, "night", 4, "morning", 2, "am", 2,
            "evening", 3, "pm", 3, "meals", 5, "meal", 5, "food", 5, "breakfast", 9, "lunch", 11, "dinner", 10,
            "supper", 10, "noon", 13, "afternoon", 13, "sleep", 1);

    private static final String[] STATUS_NAMES = {"start", "stop", "discontinued", "continue", "hold", "increase",
        "decrease"};
    private static final WordTable STATUS = table("start", 0, "started", 0, "starting", 0, "begin", 0, "began", 0,
            "begun", 0, "initiate", 0, "initiated", 0, "restart", 0, "restarted", 0, "resume", 3, "resumed", 3,
            "stop", 1, "stopped", 1, "stopping", 1, "discontinue", 2, "discontinued", 2, "discontinuing", 2,
            "d/c", 2, "dc", 2, "dc'd", 2, "d/c'd", 2, "dced", 2, "continue", 3, "continued", 3, "continuing", 3,
            "cont", 3, "hold", 4, "held", 4, "holding", 4, "increase", 5, "increased", 5, "increasing", 5,
            "incr", 5, "decrease", 6, "decreased", 6, "decreasing", 6, "decr", 6, "reduce", 6, "reduced", 6,
            "taper", 6, "tapered", 6, "tapering", 6, "wean", 6, "weaned", 6);

    private static final WordTable PRN_WORDS = WordTable.setOf("prn");
    private static final WordTable NEEDED = WordTable.setOf("needed", "required", "necessary");
    private static final WordTable REASON_STOP = WordTable.setOf("and", "then", "not", "to", "up", "max",
            "maximum", "no", "more", "than", "every", "q", "daily", "with", "at", "in", "on", "may", "until", "x");

    private static final WordTable SEVERITY = WordTable.setOf("mild", "moderate", "severe");
    private static final WordTable MAX_WORDS = WordTable.setOf("max", "maximum");

    // ---- result ----
    Kind kind;
    double amount;
    double amountHigh;
    String unit;
    String ucum;
    double perAmount;
    String perUnit;
    String perUcum;
    int frequency;
    int frequencyMax;
    double period;
    double periodMax;
    String periodUnit;
    String when;
    String text;
    Code code;

    private TokenView v;
    private int limit;

    void reset(TokenView view, int endToken) {
        this.v = view;
        this.limit = endToken;
    }

    private void clear() {
        kind = null;
        amount = Double.NaN;
        amountHigh = Double.NaN;
        unit = "";
        ucum = "";
        perAmount = Double.NaN;
        perUnit = "";
        perUcum = "";
        frequency = 0;
        frequencyMax = 0;
        period = 0;
        periodMax = 0;
        periodUnit = "";
        when = "";
        text = "";
        code = null;
    }

    /** An attribute starting at token {@code t}: returns its exclusive end token and sets the fields, or -1. */
    int scan(int t) {
        clear();
        int e = strengthOrDose(t);
        if (e < 0) {
            e = frequency(t);
        }
        if (e < 0) {
            e = duration(t);
        }
        if (e < 0) {
            e = route(t);
        }
        if (e < 0) {
            e = prn(t);
        }
        if (e < 0) {
            e = form(t);
        }
        if (e < 0) {
            e = status(t);
        }
        return e;
    }

    /**
     * A maximum-dose phrase at {@code t} ("max 3 g per day", "maximum dose 4 g/day", "not to exceed 3 g in 24
     * hours"): returns its exclusive end token, or -1. The quantity is a limit, not the strength taken; it is
     * skipped. Clears the result fields.
     */
    int maxDose(int t) {
        clear();
        int j;
        if (v.in(t, MAX_WORDS)) {
            j = t + 1;
            if (v.is(j, "daily") || v.is(j, "dose")) {
                j++;
            }
            if (v.is(j, "dose")) {
                j++;
            }
            if (v.is(j, "of") || v.isChar(j, ':') || v.isChar(j, '.')) {
                j++;
            }
        } else if (v.is(t, "not") && v.is(t + 1, "to") && (v.is(t + 2, "exceed") || v.is(t + 2, "exceeding"))) {
            j = t + 3;
        } else if (v.is(t, "exceed") || v.is(t, "exceeding")) {
            j = t + 1;
        } else {
            return -1;
        }
        int e = strengthOrDose(j);
        if (e < 0) {
            clear();
            return -1;
        }
        if ((v.is(e, "per") || v.is(e, "a") || v.isChar(e, '/')) && v.in(e + 1, PERIOD_WORDS)) {
            e += 2;
        } else if ((v.is(e, "in") || v.is(e, "per")) && !Double.isNaN(v.number(e + 1)) && v.in(e + 2, PERIOD_WORDS)) {
            e += 3;
        } else if (v.is(e, "daily")) {
            e++;
        }
        clear();
        return e;
    }

    private boolean ok(int t) {
        return t >= 0 && t < limit;
    }

    // ---------------------------------------------------------------- strength and dose amount

    private int strengthOrDose(int t) {
        if (ok(t) && v.kind(t) == TokenKind.ALNUM) {
            // 2TABS, 1tab: a number glued to a dose unit
            int st = v.start(t);
            int np = TokenView.numberPrefix(v.text(), st, v.end(t));
            int d = np == 0 ? -1 : DOSE_UNITS.get(v.text(), st + np, v.end(t));
            if (d >= 0) {
                kind = Kind.DOSE_AMOUNT;
                amount = TokenView.parse(v.text(), st, st + np);
                unit = DOSE_UNIT_NAMES[d];
                return t + 1;
            }
        }
        double a = v.amount(t);
        if (Double.isNaN(a) || !ok(t + 1)) {
            return -1;
        }
        int i = t + 1;
        double b = Double.NaN;
        if (v.isChar(i, '-') && v.glued(i) && v.glued(i + 1) && v.in(i + 1, STRENGTH_UNITS)) {
            i++; // "a 10-mg dose", "a 500-mg tablet": the unit joined by a hyphen
        }
        if ((v.isChar(i, '-') || v.is(i, "to")) && ok(i + 2) && !Double.isNaN(v.amount(i + 1))
                && (v.in(i + 2, STRENGTH_UNITS) || v.in(i + 2, DOSE_UNITS))) {
            b = v.amount(i + 1);
            i += 2;
        }
        boolean microG = v.is(i, "micro") && ok(i + 1) && (v.is(i + 1, "g") || v.is(i + 1, "grams")
                || gluedPerUnit(i + 1) >= 0);
        int slash = microG ? gluedPerUnit(i + 1) : gluedPerUnit(i);
        if (slash >= 0) {
            // one token "g/g" (the tokenizer keeps letter/letter together): "20 micro g/g", "5 g/g"
            int u = microG ? i + 1 : i;
            int p = PER_UNITS.get(v.text(), slash + 1, v.end(u));
            String code = microG ? "ug" : Ucum.find(v.text(), v.start(u), slash);
            if (code != null && !PER_UCUM[p].isEmpty()) {
                kind = Kind.STRENGTH;
                amount = a;
                amountHigh = b;
                ucum = code + "/" + PER_UCUM[p];
                unit = displayUnit(code) + "/" + PER_UCUM[p];
                return u + 1;
            }
        }
        if (ok(i) && (v.in(i, STRENGTH_UNITS) || microG || (v.is(i, "international") && v.is(i + 1, "units")))) {
            int u = i;
            if (v.is(i, "international") || microG) {
                i++;
            }
            String code = microG ? "ug" : Ucum.find(v.text(), v.start(u), v.end(i));
            kind = Kind.STRENGTH;
            amount = a;
            amountHigh = b;
            ucum = code == null ? "" : code;
            unit = ucum.isEmpty() ? lower(u, i + 1) : displayUnit(ucum);
            i++;
            i = per(i);
            if (Double.isNaN(perAmount) && (ucum.equals("mL") || ucum.equals("L"))) {
                // a volume alone is how much is taken ("give 5 mL", "Marcaine 20 mL"), not a strength
                kind = Kind.DOSE_AMOUNT;
                unit = ucum;
                return i;
            }
            // a second ingredient's strength: 7.5 mg-500 mg, 5/325 mg
            if ((v.isChar(i, '-') || v.isChar(i, '/')) && ok(i + 2) && !Double.isNaN(v.number(i + 1))
                    && v.in(i + 2, STRENGTH_UNITS)) {
                i += 3;
            }
            return i;
        }
        if (ok(i) && v.isChar(i, '%')) {
            kind = Kind.STRENGTH;
            amount = a;
            amountHigh = b;
            unit = "%";
            ucum = "%";
            return i + 1;
        }
        int d = ok(i) ? v.lookup(i, DOSE_UNITS) : -1;
        if (d >= 0) {
            kind = Kind.DOSE_AMOUNT;
            amount = a;
            amountHigh = b;
            unit = DOSE_UNIT_NAMES[d];
            return i + 1;
        }
        return -1;
    }

    /**
     * Token {@code t} is one word {@code unit/per} ({@code g/g}) whose unit is a strength unit and whose
     * denominator a per-unit: returns the index of the slash char, else -1.
     */
    private int gluedPerUnit(int t) {
        if (!ok(t) || v.kind(t) == TokenKind.NUMBER) {
            return -1;
        }
        CharSequence text = v.text();
        int slash = -1;
        for (int c = v.start(t); c < v.end(t); c++) {
            if (text.charAt(c) == '/') {
                if (slash >= 0) {
                    return -1;
                }
                slash = c;
            }
        }
        if (slash <= v.start(t) || slash + 1 >= v.end(t)
                || !STRENGTH_UNITS.contains(text, v.start(t), slash)
                || PER_UNITS.get(text, slash + 1, v.end(t)) < 0) {
            return -1;
        }
        return slash;
    }

    /** The denominator of a strength: {@code /5 mL}, {@code /m2}, {@code /kg/day}. */
    private int per(int i) {
        for (int round = 0; round < 2 && v.isChar(i, '/'); round++) {
            double n = v.number(i + 1);
            if (!Double.isNaN(n) && ok(i + 2) && v.in(i + 2, PER_UNITS) && round == 0) {
                int p = v.lookup(i + 2, PER_UNITS);
                perAmount = n;
                perUcum = PER_UCUM[p];
                perUnit = perUcum.isEmpty() ? lower(i + 2, i + 3) : perUcum;
                return i + 3;
            }
            if (ok(i + 1) && v.in(i + 1, PER_UNITS)) {
                int p = v.lookup(i + 1, PER_UNITS);
                String pu = PER_UCUM[p];
                if (pu.isEmpty() || ucum.isEmpty()) {
                    unit = unit + "/" + lower(i + 1, i + 2);
                    ucum = "";
                } else {
                    ucum = ucum + "/" + pu;
                    unit = unit + "/" + pu;
                }
                i += 2;
                continue;
            }
            break;
        }
        return i;
    }

    private static String displayUnit(String ucum) {
        switch (ucum) {
            case "ug": return "mcg";
            case "[IU]": return "IU";
            case "U": return "units";
            case "meq": return "mEq";
            default: return ucum;
        }
    }

    // ---------------------------------------------------------------- frequency

    private int frequency(int t) {
        if (!ok(t)) {
            return -1;
        }
        int f = v.lookup(t, FREQ1);
        if (f >= 0) {
            // "am" / "pm" alone are times of day only after "every" or "in the"; as one token they are too common
            if ((f == 16 || f == 17) && !v.glued(t)) {
                setDef(FREQ_DEFS[f]);
                return t + 1;
            }
            setDef(FREQ_DEFS[f]);
            kind = Kind.FREQUENCY;
            int e = t + 1;
            // "daily at bedtime", "bid with meals"
            return withWhen(e);
        }
        // "once daily", "twice a day", "3 times a day", "2x daily", "1-2 times per day"
        int count = v.lookup(t, COUNT_WORDS);
        int i = t + 1;
        int countMax = 0;
        if (count < 0) {
            double n = v.amount(t);
            if (!Double.isNaN(n) && n == Math.rint(n) && n > 0 && n < 25) {
                int j = t + 1;
                if ((v.isChar(j, '-') || v.is(j, "to")) && !Double.isNaN(v.number(j + 1))) {
                    countMax = (int) v.number(j + 1);
                    j += 2;
                }
                if (v.in(j, TIMES)) {
                    count = (int) n;
                    i = j + 1;
                }
            } else if (v.kind(t) == TokenKind.ALNUM) {
                // 2x, 3x
                int s = v.start(t);
                int e = v.end(t);
                char last = Character.toLowerCase(v.text().charAt(e - 1));
                if (last == 'x' && e - s >= 2) {
                    double n2 = TokenView.parse(v.text(), s, e - 1);
                    if (!Double.isNaN(n2) && n2 > 0 && n2 < 25) {
                        count = (int) n2;
                        i = t + 1;
                    }
                }
            }
        }
        if (count > 0 && ok(i)) {
            int adv = v.lookup(i, PERIOD_ADVERBS);
            if (adv >= 0) {
                return timing(count, countMax, 1, 0, adv, i + 1);
            }
            int j = i;
            if (v.in(j, PER) || v.isChar(j, '/')) {
                j++;
            }
            int pu = v.lookup(j, PERIOD_WORDS);
            if (pu >= 0 && j > i) {
                return timing(count, countMax, 1, 0, pu, j + 1);
            }
            if (v.is(t, "once") || v.is(t, "twice")) {
                // "once", "twice" alone: a count without a period; leave it
                return -1;
            }
        }
        // q6h, q12h, q4-6h, q 6 h, q 4 hours
        int e = qForm(t);
        if (e > 0) {
            return e;
        }
        // every 6 hours, every other day, every 4-6 hours, every morning
        if (v.is(t, "every") || v.is(t, "each")) {
            int j = t + 1;
            if (v.is(j, "other")) {
                int pu = v.lookup(j + 1, PERIOD_WORDS);
                if (pu >= 0) {
                    return timing(1, 0, 2, 0, pu, j + 2);
                }
            }
            int pu = v.lookup(j, PERIOD_WORDS);
            if (pu >= 0) {
                return timing(1, 0, 1, 0, pu, j + 1);
            }
            double n = v.amount(j);
            if (!Double.isNaN(n) && n > 0) {
                double nMax = 0;
                int k = j + 1;
                if ((v.isChar(k, '-') || v.is(k, "to")) && !Double.isNaN(v.number(k + 1))) {
                    nMax = v.number(k + 1);
                    k += 2;
                }
                pu = v.lookup(k, PERIOD_WORDS);
                if (pu >= 0) {
                    return timing(1, 0, n, nMax, pu, k + 1);
                }
            }
            int w = v.lookup(j, WHEN_WORDS);
            if (w >= 0) {
                kind = Kind.FREQUENCY;
                frequency = 1;
                period = 1;
                periodUnit = "d";
                when = WHEN[w];
                return j + 1;
            }
            return -1;
        }
        // at bedtime, at night, in the morning, with meals, before meals, after meals, before breakfast
        return whenPhrase(t);
    }

    private int whenPhrase(int t) {
        int j;
        String prefix;
        if (v.is(t, "at") || v.is(t, "with") || v.is(t, "before") || v.is(t, "after") || v.is(t, "upon")) {
            prefix = v.is(t, "before") ? "before" : v.is(t, "after") ? "after" : "at";
            j = t + 1;
        } else if (v.is(t, "in") && v.is(t + 1, "the")) {
            prefix = "at";
            j = t + 2;
        } else {
            return -1;
        }
        if (v.is(j, "each") || v.is(j, "every")) {
            j++;
        }
        int w = v.lookup(j, WHEN_WORDS);
        if (w < 0 || !ok(j)) {
            return -1;
        }
        String code = WHEN[w];
        if (prefix.equals("before")) {
            code = w == 5 ? "AC" : w == 9 ? "ACM" : w == 11 ? "ACD" : w == 10 ? "ACV" : w == 1 ? "HS" : "";
        } else if (prefix.equals("after")) {
            code = w == 5 ? "PC" : w == 9 ? "PCM" : w == 11 ? "PCD" : w == 10 ? "PCV" : "";
        } else if (w == 5 && v.is(t, "at")) {
            code = "C";
        }
        if (code.isEmpty()) {
            return -1;
        }
        if (v.is(t, "upon") && !v.is(j, "waking")) {
            return -1;
        }
        kind = Kind.FREQUENCY;
        when = code;
        return j + 1;
    }

    private int withWhen(int e) {
        return e;
    }

    private int qForm(int t) {
        CharSequence s = v.text();
        int st = v.start(t);
        int en = v.end(t);
        if (en - st < 1 || Character.toLowerCase(s.charAt(st)) != 'q') {
            return -1;
        }
        if (en - st == 1) {
            // q 6 h, q 4-6 hours
            double n = v.number(t + 1);
            if (Double.isNaN(n)) {
                return -1;
            }
            int k = t + 2;
            double nMax = 0;
            if (v.isChar(k, '-') && !Double.isNaN(v.number(k + 1))) {
                nMax = v.number(k + 1);
                k += 2;
            }
            int pu = v.lookup(k, PERIOD_WORDS);
            return pu >= 0 ? timing(1, 0, n, nMax, pu, k + 1) : -1;
        }
        if (v.kind(t) != TokenKind.ALNUM) {
            return -1;
        }
        int np = TokenView.numberPrefix(s, st + 1, en);
        if (np == 0) {
            return -1;
        }
        double n = TokenView.parse(s, st + 1, st + 1 + np);
        int us = st + 1 + np;
        double nMax0 = 0;
        if (us + 1 < en && s.charAt(us) == '-' && Character.isDigit(s.charAt(us + 1))) {
            // q4-6h as one token
            int np2 = TokenView.numberPrefix(s, us + 1, en);
            nMax0 = TokenView.parse(s, us + 1, us + 1 + np2);
            us = us + 1 + np2;
            if (us == en) {
                int pu = v.lookup(t + 1, PERIOD_WORDS);
                return pu >= 0 ? timing(1, 0, n, nMax0, pu, t + 2) : -1;
            }
        }
        if (us < en) {
            // q6h, q12hr, q2d, q1wk
            int pu = periodUnitOf(s, us, en);
            return pu >= 0 ? timing(1, 0, n, nMax0, pu, t + 1) : -1;
        }
        // q4-6h, q4 h, q6 hours
        int k = t + 1;
        double nMax = 0;
        if (v.isChar(k, '-') && !Double.isNaN(v.number(k + 1))) {
            nMax = v.number(k + 1);
            k += 2;
        }
        int pu = v.lookup(k, PERIOD_WORDS);
        return pu >= 0 ? timing(1, 0, n, nMax, pu, k + 1) : -1;
    }

    private static int periodUnitOf(CharSequence s, int start, int end) {
        return PERIOD_WORDS.get(s, start, end);
    }

    private int timing(int freq, int freqMax, double per, double perMax, int unitIndex, int end) {
        kind = Kind.FREQUENCY;
        frequency = freq;
        frequencyMax = freqMax;
        period = per;
        periodMax = perMax;
        periodUnit = PERIOD_UNITS[unitIndex];
        // "daily at bedtime"
        return end;
    }

    private void setDef(int[] d) {
        kind = Kind.FREQUENCY;
        frequency = d[0];
        period = d[1];
        periodUnit = d[0] == 0 ? "" : PERIOD_UNITS[d[2]];
        when = WHEN[d[3]];
    }

    // ---------------------------------------------------------------- duration

    private int duration(int t) {
        if (!ok(t)) {
            return -1;
        }
        int j;
        if (v.is(t, "x") || v.isChar(t, '\u00d7') || v.is(t, "for") || v.is(t, "times")) {
            j = t + 1;
            if (v.is(t, "for")) {
                if (v.is(j, "another") || v.is(j, "the") && v.is(j + 1, "next")) {
                    j += v.is(j, "another") ? 1 : 2;
                } else if (v.is(j, "a") && v.is(j + 1, "total") && v.is(j + 2, "of")) {
                    j += 3;
                }
                if (v.is(j, "a") || v.is(j, "one") && !Double.isNaN(0)) {
                    int pu = v.lookup(j + 1, PERIOD_WORDS);
                    if (pu >= 0 && pu != 4 && v.is(j, "a")) {
                        return durationOf(1, 0, pu, j + 2);
                    }
                }
            }
        } else if (v.kind(t) == TokenKind.ALNUM && Character.toLowerCase(v.text().charAt(v.start(t))) == 'x') {
            // x7d, x10days, x7 (then days)
            CharSequence s = v.text();
            int st = v.start(t) + 1;
            int en = v.end(t);
            int np = TokenView.numberPrefix(s, st, en);
            if (np == 0) {
                return -1;
            }
            double n = TokenView.parse(s, st, st + np);
            if (st + np < en) {
                int pu = periodUnitOf(s, st + np, en);
                return pu >= 0 ? durationOf(n, 0, pu, t + 1) : -1;
            }
            int pu = v.lookup(t + 1, PERIOD_WORDS);
            return pu >= 0 ? durationOf(n, 0, pu, t + 2) : -1;
        } else {
            return -1;
        }
        double n = v.amount(j);
        if (Double.isNaN(n) || n <= 0) {
            return -1;
        }
        int k = j + 1;
        double nMax = 0;
        if ((v.isChar(k, '-') || v.is(k, "to")) && !Double.isNaN(v.amount(k + 1))) {
            nMax = v.amount(k + 1);
            k += 2;
        }
        if (v.is(k, "more") || v.is(k, "additional")) {
            k++;
        }
        int pu = v.lookup(k, PERIOD_WORDS);
        if (pu < 0 || pu == 0 && v.is(t, "x") == false && v.is(t, "for") == false) {
            return -1;
        }
        return durationOf(n, nMax, pu, k + 1);
    }

    private int durationOf(double n, double nMax, int unitIndex, int end) {
        kind = Kind.DURATION;
        amount = n;
        amountHigh = nMax == 0 ? Double.NaN : nMax;
        ucum = PERIOD_UNITS[unitIndex];
        unit = ucum;
        return end;
    }

    // ---------------------------------------------------------------- route, form, PRN, status

    private int route(int t) {
        if (!ok(t)) {
            return -1;
        }
        int r = v.lookup(t, ROUTES);
        if (r >= 0) {
            setRoute(r);
            return t + 1;
        }
        // by mouth, per os, per mouth, per rectum, per tube, via g-tube, under the tongue
        if (v.is(t, "by") || v.is(t, "per") || v.is(t, "via") || v.is(t, "thru") || v.is(t, "through")) {
            if (v.is(t + 1, "mouth") || v.is(t + 1, "os")) {
                if (v.is(t, "by") || v.is(t, "per")) {
                    setRoute(0);
                    return t + 2;
                }
            }
            if (v.is(t + 1, "rectum")) {
                setRoute(5);
                return t + 2;
            }
            if (v.is(t + 1, "injection")) {
                return -1;
            }
            int k = t + 1;
            if (v.is(k, "g") || v.is(k, "ng") || v.is(k, "peg") || v.is(k, "j") || v.is(k, "g-tube")
                    || v.is(k, "feeding") || v.is(k, "gt") || v.is(k, "ngt") || v.is(k, "tube")) {
                int e = k + 1;
                if (v.isChar(e, '-') || v.isChar(e, '/')) {
                    e++;
                }
                if (v.is(e, "tube")) {
                    e++;
                } else if (!v.is(k, "g-tube") && !v.is(k, "peg") && !v.is(k, "tube") && !v.is(k, "ngt")
                        && !v.is(k, "gt")) {
                    return -1;
                }
                setRoute(13);
                return e;
            }
            if (v.is(t, "via") && (v.is(t + 1, "nebulizer") || v.is(t + 1, "neb"))) {
                setRoute(9);
                return t + 2;
            }
            return -1;
        }
        if (v.is(t, "under") && v.is(t + 1, "the") && v.is(t + 2, "tongue")) {
            setRoute(4);
            return t + 3;
        }
        return -1;
    }

    /** The end token of a route at {@code t}, or -1. Clears the result fields. */
    int routeAt(int t) {
        clear();
        int e = route(t);
        clear();
        return e;
    }

    private void setRoute(int r) {
        kind = Kind.ROUTE;
        text = ROUTE_NAMES[r];
        if (r < ROUTE_CODES.length) {
            code = new Code(CodeSystems.SNOMED_CT, ROUTE_CODES[r][0], ROUTE_CODES[r][1]);
        }
    }

    private int form(int t) {
        int f = ok(t) ? v.lookup(t, FORMS) : -1;
        if (f < 0) {
            return -1;
        }
        kind = Kind.FORM;
        text = FORM_NAMES[f];
        if (f < FORM_CODES.length) {
            code = new Code(CodeSystems.SNOMED_CT, FORM_CODES[f][0], FORM_CODES[f][1]);
        }
        return t + 1;
    }

    private int prn(int t) {
        if (!ok(t)) {
            return -1;
        }
        int e;
        if (v.in(t, PRN_WORDS)) {
            e = t + 1;
        } else if ((v.is(t, "as") || v.is(t, "when") || v.is(t, "if")) && v.in(t + 1, NEEDED)) {
            e = t + 2;
        } else {
            return -1;
        }
        kind = Kind.PRN;
        // the reason: "prn pain", "as needed for nausea or vomiting"
        int r = e;
        if (v.is(r, "for")) {
            r++;
        }
        int last = -1;
        for (int k = r; k < Math.min(limit, r + 5); k++) {
            if (v.is(k, "to") && k > r && v.in(k - 1, SEVERITY) && v.in(k + 1, SEVERITY)) {
                continue; // "mild to moderate pain"
            }
            if (v.kind(k) != TokenKind.WORD || v.newline(k) || v.in(k, REASON_STOP) || v.in(k, ROUTES)
                    || v.in(k, FREQ1) || v.in(k, STATUS)) {
                break;
            }
            last = k;
        }
        if (last >= 0) {
            text = v.text().subSequence(v.start(r), v.end(last)).toString();
            return last + 1;
        }
        return e;
    }

    private int status(int t) {
        int s = ok(t) ? v.lookup(t, STATUS) : -1;
        if (s < 0) {
            return -1;
        }
        kind = Kind.STATUS;
        text = STATUS_NAMES[s];
        return t + 1;
    }

    private String lower(int from, int to) {
        return v.text().subSequence(v.start(from), v.end(to - 1)).toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static WordTable table(Object... kv) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            int val = (Integer) kv[i + 1];
            if (val >= 0) {
                m.put((String) kv[i], val);
            }
        }
        return new WordTable(m);
    }
}
