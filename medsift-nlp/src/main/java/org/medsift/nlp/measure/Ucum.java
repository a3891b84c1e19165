package org.medsift.nlp.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Units as written in notes, normalized to UCUM (https://ucum.org). Lookups compare in place, ignoring ASCII case
 * and periods ({@code mg/dL}, {@code MG/DL}, {@code mEq/L}); thread-safe.
 *
 * <p>Only codes that are valid UCUM are listed: {@code ug} for mcg, {@code [IU]} for international units,
 * {@code 10*3/uL} for K/uL, {@code mm[Hg]}, {@code Cel}, {@code [degF]}, {@code [lb_av]}, {@code [in_i]}.
 */
public final class Ucum {
    private static final List<String> CODES = new ArrayList<>();
    private static final WordTable TABLE;

    static {
        Map<String, Integer> m = new HashMap<>();
        // mass
        add(m, "mg", "mg", "mgs", "milligram", "milligrams");
        add(m, "ug", "mcg", "ug", "microg", "\u00b5g", "\u03bcg", "microgram", "micrograms", "mcgs");
        add(m, "g", "g", "gm", "gms", "gram", "grams", "gr");
        add(m, "kg", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos");
        add(m, "ng", "ng", "nanogram", "nanograms");
        add(m, "[lb_av]", "lb", "lbs", "pound", "pounds", "#lb");
        add(m, "[oz_av]", "oz", "ounce", "ounces");
        // volume
        add(m, "mL", "ml", "mls", "cc", "milliliter", "milliliters", "millilitre", "millilitres");
        add(m, "L", "l", "liter", "liters", "litre", "litres");
        add(m, "dL", "dl");
        // amount
        add(m, "U", "u", "unit", "units");
        add(m, "[IU]", "iu", "ius", "ui", "international unit", "international units");
        add(m, "meq", "meq", "milliequivalent", "milliequivalents");
        add(m, "mmol", "mmol", "millimole", "millimoles");
        add(m, "%", "%", "percent");
        // length
        add(m, "cm", "cm", "centimeter", "centimeters");
        add(m, "mm", "mm");
        add(m, "m", "meter", "meters");
        add(m, "[in_i]", "in", "inch", "inches");
        add(m, "[ft_i]", "ft", "foot", "feet");
        add(m, "m2", "m2", "m^2", "sqm");
        // rates and lab units
        add(m, "mm[Hg]", "mmhg", "mm hg");
        add(m, "/min", "bpm", "/min", "beats/min", "breaths/min", "per min", "beats per minute",
                "breaths per minute", "/minute");
        add(m, "Cel", "c", "\u00b0c", "degc", "celsius", "centigrade");
        add(m, "[degF]", "f", "\u00b0f", "degf", "fahrenheit");
        add(m, "kg/m2", "kg/m2", "kg/m^2", "kg/sqm");
        add(m, "mg/dL", "mg/dl", "mgdl", "mg%");
        add(m, "g/dL", "g/dl", "gm/dl", "gms/dl");
        add(m, "g/L", "g/l");
        add(m, "mg/L", "mg/l");
        add(m, "ug/dL", "ug/dl", "mcg/dl");
        add(m, "ug/L", "ug/l", "mcg/l");
        add(m, "ng/dL", "ng/dl");
        add(m, "ng/mL", "ng/ml");
        add(m, "pg/mL", "pg/ml");
        add(m, "ug/mL", "ug/ml", "mcg/ml");
        add(m, "mg/mL", "mg/ml");
        add(m, "mmol/L", "mmol/l");
        add(m, "umol/L", "umol/l", "\u00b5mol/l", "micromol/l");
        add(m, "nmol/L", "nmol/l");
        add(m, "meq/L", "meq/l");
        add(m, "mosm/kg", "mosm/kg", "mosm/kgh2o");
        add(m, "U/L", "u/l", "units/l");
        add(m, "[IU]/L", "iu/l");
        add(m, "m[IU]/L", "miu/l");
        add(m, "m[IU]/mL", "miu/ml");
        add(m, "[IU]/mL", "iu/ml");
        add(m, "U/mL", "u/ml", "units/ml");
        add(m, "u[IU]/mL", "uiu/ml", "\u00b5iu/ml", "microiu/ml");
        add(m, "10*3/uL", "k/ul", "k/mcl", "k/mm3", "x10^3/ul", "x10e3/ul", "10^3/ul", "10*3/ul", "x10(3)/ul",
                "thou/ul", "thou/mm3", "th/mm3", "x1000/ul", "10e3/ul", "x 10^3/ul", "x10^9/l", "10^9/l", "x10*9/l");
        add(m, "10*6/uL", "m/ul", "mil/ul", "x10^6/ul", "10^6/ul", "x10e6/ul", "mill/mm3", "m/mm3", "x10^12/l",
                "10^12/l");
        add(m, "/uL", "/ul", "cells/ul", "/mm3", "cells/mm3", "/mcl");
        add(m, "fL", "fl");
        add(m, "pg", "pg");
        add(m, "s", "sec", "secs", "second", "seconds");
        add(m, "mm/h", "mm/hr", "mm/h");
        add(m, "mL/min", "ml/min");
        add(m, "mL/min/{1.73_m2}", "ml/min/173m2", "ml/min/173 m2", "ml/min/173m^2");
        add(m, "/[HPF]", "/hpf", "hpf");
        add(m, "/[LPF]", "/lpf", "lpf");
        add(m, "mg/kg", "mg/kg");
        add(m, "mg/m2", "mg/m2", "mg/m^2");
        add(m, "g/m2", "g/m2", "gm/m2");
        add(m, "ug/kg", "mcg/kg", "ug/kg");
        add(m, "U/kg", "units/kg", "u/kg");
        add(m, "mg/d", "mg/day", "mg/d", "mg/24h", "mg/24hr");
        add(m, "mg/kg/d", "mg/kg/day", "mg/kg/d");
        add(m, "ug/h", "mcg/hr", "mcg/h", "ug/hr");
        add(m, "U/h", "units/hr", "units/h", "u/hr");
        add(m, "mg/h", "mg/hr", "mg/h");
        add(m, "L/min", "l/min", "lpm");
        TABLE = new WordTable(m);
    }

    private static void add(Map<String, Integer> m, String code, String... spellings) {
        int i = CODES.size();
        CODES.add(code);
        for (String s : spellings) {
            m.put(s, i);
        }
    }

    private Ucum() {
    }

    /** The UCUM code of the unit {@code s[start, end)}, or {@code null} when the unit is not known. */
    public static String find(CharSequence s, int start, int end) {
        int i = TABLE.get(s, start, end);
        return i < 0 ? null : CODES.get(i);
    }

    /** The UCUM code of a unit string, or {@code null}. */
    public static String find(String unit) {
        return find(unit, 0, unit.length());
    }
}
