package org.medsift.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medsift.core.model.AssertionCue;

/**
 * The HL7 v3 RoleCode of the relative a family cue names ("mother" to MTH), or FAMMEMB when the cue names none
 * (a Family History section cue, "family history of").
 */
final class FamilyRelation {
    static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final FamilyRelation FAMILY_MEMBER = new FamilyRelation("FAMMEMB", "family member");

    /** Words and phrases, longest first when matched inside a trigger, to v3 RoleCode. */
    private static final Map<String, FamilyRelation> WORDS = new LinkedHashMap<>();
    private static final List<String> BY_LENGTH;

    static {
        put("MTH", "mother", "mother", "mom", "mum", "mothers");
        put("FTH", "father", "father", "dad", "fathers");
        put("SIS", "sister", "sister", "sisters");
        put("BRO", "brother", "brother", "brothers");
        put("SONC", "son", "son", "sons");
        put("DAUC", "daughter", "daughter", "daughters");
        put("CHILD", "child", "child", "children", "kids");
        put("PRN", "parent", "parent", "parents");
        put("SIB", "sibling", "sibling", "siblings");
        put("GRMTH", "grandmother", "grandmother", "grandma");
        put("GRFTH", "grandfather", "grandfather", "grandpa");
        put("GRPRN", "grandparent", "grandparent", "grandparents");
        put("MGRMTH", "maternal grandmother", "maternal grandmother");
        put("PGRMTH", "paternal grandmother", "paternal grandmother");
        put("MGRFTH", "maternal grandfather", "maternal grandfather");
        put("PGRFTH", "paternal grandfather", "paternal grandfather");
        put("AUNT", "aunt", "aunt", "aunts");
        put("UNCLE", "uncle", "uncle", "uncles");
        put("MAUNT", "maternal aunt", "maternal aunt");
        put("PAUNT", "paternal aunt", "paternal aunt");
        put("MUNCLE", "maternal uncle", "maternal uncle");
        put("PUNCLE", "paternal uncle", "paternal uncle");
        put("COUSN", "cousin", "cousin", "cousins");
        put("NIECE", "niece", "niece");
        put("NEPHEW", "nephew", "nephew");
        put("HBRO", "half-brother", "half-brother", "half brother");
        put("HSIS", "half-sister", "half-sister", "half sister");
        put("TWIN", "twin", "twin");
        List<String> keys = new ArrayList<>(WORDS.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        BY_LENGTH = List.copyOf(keys);
    }

    final String code;
    final String display;

    private FamilyRelation(String code, String display) {
        this.code = code;
        this.display = display;
    }

    private static void put(String code, String display, String... words) {
        FamilyRelation r = new FamilyRelation(code, display);
        for (String w : words) {
            WORDS.put(w, r);
        }
    }

    /** The relative named by the first FAMILY cue that names one, else {@link #FAMILY_MEMBER}. */
    static FamilyRelation of(List<AssertionCue> cues) {
        for (AssertionCue cue : cues) {
            if (!"FAMILY".equals(cue.category())) {
                continue;
            }
            FamilyRelation r = ofTrigger(cue.trigger());
            if (r != null) {
                return r;
            }
        }
        return FAMILY_MEMBER;
    }

    /** The relative a trigger phrase names, or {@code null}. */
    static FamilyRelation ofTrigger(String trigger) {
        String t = " " + trigger.toLowerCase(Locale.ROOT).replace("'s", "").replace("\u2019s", "")
                .replaceAll("[^a-z\\-]+", " ").trim() + " ";
        for (String key : BY_LENGTH) {
            if (t.contains(" " + key + " ")) {
                return WORDS.get(key);
            }
        }
        return null;
    }
}
