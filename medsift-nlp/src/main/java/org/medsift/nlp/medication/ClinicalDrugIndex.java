package org.medsift.nlp.medication;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.Medication;
import org.medsift.core.model.Quantity;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;

/**
 * RxNorm semantic clinical drugs (SCD) of a lexicon, by ingredient, strength and form, so that an extracted
 * medication whose signature matches one gets its clinical-drug code.
 *
 * <p>Indexed: DRUG concepts with an RxNorm code whose name has the SCD shape {@code <ingredient> <number> <unit>
 * <route> <form>} with one ingredient, unit {@code MG}, {@code MCG}, {@code UNT} or {@code MEQ} (optionally per
 * {@code ML}), a route word ({@code Oral}, {@code Topical}, {@code Injectable}, {@code Inhalation},
 * {@code Ophthalmic}, {@code Transdermal}, {@code Vaginal}, {@code Rectal}, {@code Nasal}) and a basic form
 * ({@code Tablet}, {@code Capsule}, {@code Solution}, {@code Suspension}, {@code Cream}, {@code Ointment},
 * {@code Gel}, {@code Patch}), e.g. {@code lisinopril 10 MG Oral Tablet}. Names with a pack size or release
 * period ({@code 24 HR ...}), a modified-release form ({@code Extended Release}, {@code Chewable}), several
 * ingredients ({@code ... / ...}) or a brand ({@code [Tylenol]}) are left out. A drug mention whose own
 * concept is an indexed SCD (the note wrote {@code amoxicillin 500 mg oral tablet}) gets that code.
 *
 * <p>Ingredient names compare in lower case with salt words removed ({@code Metformin hydrochloride} is
 * {@code metformin}), against the preferred name of the drug mention's concept. A medication matches when its
 * strength is the same amount (mg, ug, g converted; for {@code MG/ML} its strength must be per 1 mL), its form
 * is the SCD's form, and its route, when written, is the SCD's route. Keys that two SCDs share are dropped
 * (ambiguous). Immutable and thread-safe.
 */
public final class ClinicalDrugIndex {
    private static final Set<String> SALTS = Set.of("hydrochloride", "hcl", "sodium", "potassium", "calcium",
            "magnesium", "sulfate", "succinate", "tartrate", "maleate", "besylate", "mesylate", "acetate",
            "phosphate", "bromide", "citrate", "fumarate", "hyclate", "monohydrate", "bitartrate", "hydrobromide",
            "disodium", "dihydrate", "trihydrate", "anhydrous");
    private static final Map<String, String> ROUTES = Map.of("oral", "oral", "topical", "topical", "injectable",
            "injectable", "inhalation", "inhalation", "ophthalmic", "ophthalmic", "transdermal", "transdermal",
            "vaginal", "vaginal", "rectal", "rectal", "nasal", "nasal");
    private static final Set<String> FORMS = Set.of("tablet", "capsule", "solution", "suspension", "cream",
            "ointment", "gel", "patch", "lotion", "spray", "suppository");
    private static final Code AMBIGUOUS = new Code(CodeSystems.RXNORM, "?", "?");

    private final Map<String, Code> byKey;

    private ClinicalDrugIndex(Map<String, Code> byKey) {
        this.byKey = byKey;
    }

    /** An index with nothing in it. */
    public static ClinicalDrugIndex empty() {
        return new ClinicalDrugIndex(Map.of());
    }

    /** Indexes the SCDs of a lexicon (a pass over its DRUG concepts). */
    public static ClinicalDrugIndex of(Lexicon lexicon) {
        Map<String, Code> map = new HashMap<>();
        for (int i = 0; i < lexicon.conceptCount(); i++) {
            if (lexicon.conceptGroup(i) != SemanticGroup.DRUG) {
                continue;
            }
            ConceptInfo c = lexicon.concept(i);
            for (Code code : c.codes()) {
                if (!code.system().equals(CodeSystems.RXNORM)) {
                    continue;
                }
                String name = code.display().isEmpty() ? c.preferredName() : code.display();
                String key = scdKey(name);
                if (key != null) {
                    Code prev = map.putIfAbsent(key, new Code(CodeSystems.RXNORM, code.code(), name));
                    if (prev != null && !prev.code().equals(code.code())) {
                        map.put(key, AMBIGUOUS);
                    }
                }
            }
        }
        map.values().removeIf(x -> x == AMBIGUOUS);
        return new ClinicalDrugIndex(Map.copyOf(map));
    }

    /** Number of SCDs indexed. */
    public int size() {
        return byKey.size();
    }

    /**
     * The SCD key of an RxNorm name, {@code ingredient|amount-in-base-unit|base-unit|per-ml|route|form}, or
     * {@code null} when the name does not have the indexed shape.
     */
    static String scdKey(String name) {
        if (name.indexOf('[') >= 0 || name.contains(" / ") || name.indexOf(',') >= 0) {
            return null;
        }
        String[] w = name.toLowerCase(Locale.ROOT).split(" ");
        int num = -1;
        for (int i = 0; i < w.length; i++) {
            if (!w[i].isEmpty() && (Character.isDigit(w[i].charAt(0)) || w[i].charAt(0) == '.')) {
                num = i;
                break;
            }
        }
        if (num < 1 || w.length != num + 4) {
            return null;
        }
        double amount;
        try {
            amount = Double.parseDouble(w[num]);
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = w[num + 1];
        boolean perMl = unit.endsWith("/ml");
        if (perMl) {
            unit = unit.substring(0, unit.length() - 3);
        }
        double factor;
        String base;
        switch (unit) {
            case "mg": factor = 1; base = "mg"; break;
            case "mcg": factor = 0.001; base = "mg"; break;
            case "unt": factor = 1; base = "U"; break;
            case "meq": factor = 1; base = "meq"; break;
            default: return null;
        }
        String route = ROUTES.get(w[num + 2]);
        String form = w[num + 3];
        if (route == null || !FORMS.contains(form)) {
            return null;
        }
        String ingredient = ingredient(String.join(" ", java.util.Arrays.copyOf(w, num)));
        if (ingredient.isEmpty()) {
            return null;
        }
        return key(ingredient, amount * factor, base, perMl, route, form);
    }

    private static String key(String ingredient, double amount, String base, boolean perMl, String route,
            String form) {
        return ingredient + "|" + Math.round(amount * 1e6) + "|" + base + "|" + (perMl ? "ml" : "") + "|" + route
                + "|" + form;
    }

    private static String scdKeyOrEmpty(String name) {
        String k = scdKey(name);
        return k == null ? "" : k;
    }

    /** Lower case, salt words removed, single spaces. */
    static String ingredient(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (String w : name.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (w.isEmpty() || SALTS.contains(w)) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w);
        }
        return b.toString();
    }

    /** The SCD code matching the medication's drug, strength, form and route, or {@code null}. */
    public Code find(Medication m) {
        for (Code c : m.drug().codes()) {
            // the mention names the clinical drug itself ("Amoxicillin 500 MG Oral Tablet")
            if (c.system().equals(CodeSystems.RXNORM) && byKey.containsKey(scdKeyOrEmpty(c.display()))) {
                return c;
            }
        }
        if (byKey.isEmpty() || m.strength() == null || m.form() == null) {
            return null;
        }
        Quantity s = m.strength();
        double factor;
        String base;
        switch (s.ucum()) {
            case "mg": factor = 1; base = "mg"; break;
            case "ug": factor = 0.001; base = "mg"; break;
            case "g": factor = 1000; base = "mg"; break;
            case "U": case "[iU]": case "[IU]": factor = 1; base = "U"; break;
            case "meq": case "mEq": factor = 1; base = "meq"; break;
            default: return null;
        }
        boolean perMl = false;
        if (m.strengthPer() != null) {
            Quantity p = m.strengthPer();
            if (!p.ucum().equals("mL") || p.value() != 1) {
                return null;
            }
            perMl = true;
        }
        String form = m.form().text().toLowerCase(Locale.ROOT);
        if (!FORMS.contains(form)) {
            return null;
        }
        String ingredient = ingredient(m.drug().preferredName());
        double amount = s.value() * factor;
        if (m.route() != null) {
            String route = scdRoute(m.route().text());
            return route == null ? null : byKey.get(key(ingredient, amount, base, perMl, route, form));
        }
        Code found = null;
        for (String route : ROUTES.values()) {
            Code c = byKey.get(key(ingredient, amount, base, perMl, route, form));
            if (c != null) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /** The SCD route word of an extracted route ({@code intravenous} is {@code injectable}), or null. */
    private static String scdRoute(String route) {
        switch (route) {
            case "oral": case "sublingual": case "enteral tube": return "oral";
            case "intravenous": case "subcutaneous": case "intramuscular": return "injectable";
            case "topical": return "topical";
            case "transdermal": return "transdermal";
            case "inhalation": return "inhalation";
            case "ophthalmic": return "ophthalmic";
            case "vaginal": return "vaginal";
            case "rectal": return "rectal";
            case "nasal": return "nasal";
            default: return null;
        }
    }
}
