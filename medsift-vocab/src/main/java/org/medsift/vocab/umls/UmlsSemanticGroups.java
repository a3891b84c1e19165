package org.medsift.vocab.umls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medsift.core.model.SemanticGroup;

/**
 * UMLS semantic types (TUIs) to semantic groups.
 *
 * <p>Facts: the 127 semantic types and the 15 UMLS semantic groups they belong to, as published by the NLM in
 * {@code SemGroups.txt} (McCray AT, Burgun A, Bodenreider O. Aggregating UMLS semantic types for reducing
 * conceptual complexity. Stud Health Technol Inform 2001;84:216-20), e.g. {@code DISO|Disorders|T047|Disease or
 * Syndrome}.
 *
 * <p>Medsift's choice, on top of the facts: DISO to {@code DISORDER} except Finding (T033) and Sign or Symptom
 * (T184) to {@code FINDING}; Laboratory or Test Result (T034, PHEN) to {@code FINDING}; CHEM to {@code DRUG} for
 * Pharmacologic Substance (T121), Clinical Drug (T200), Antibiotic (T195) and Vitamin (T127), else
 * {@code SUBSTANCE}; PROC to {@code PROCEDURE} except Laboratory Procedure (T059) to {@code LAB}; ANAT to
 * {@code ANATOMY}; DEVI to {@code DEVICE}; PHYS to {@code OBSERVATION}; Food (T168) and Substance (T167) to
 * {@code SUBSTANCE}; everything else to {@code OTHER}. A concept with several types takes the group that comes first
 * in {@link #PRIORITY}.
 */
public final class UmlsSemanticGroups {
    /** When a concept has types of several groups: the earlier group wins. */
    public static final List<SemanticGroup> PRIORITY = List.of(SemanticGroup.DISORDER, SemanticGroup.DRUG,
            SemanticGroup.PROCEDURE, SemanticGroup.LAB, SemanticGroup.FINDING, SemanticGroup.DEVICE,
            SemanticGroup.ANATOMY, SemanticGroup.SUBSTANCE, SemanticGroup.OBSERVATION, SemanticGroup.OTHER);

    private static final Map<String, String> UMLS_GROUP = new HashMap<>();
    private static final Map<String, SemanticGroup> GROUP = new HashMap<>();

    static {
        types("ACTI", "T052 T053 T056 T051 T064 T055 T066 T057 T054");
        types("ANAT", "T017 T029 T023 T030 T031 T022 T025 T026 T018 T021 T024");
        types("CHEM", "T116 T195 T123 T122 T103 T120 T104 T200 T196 T126 T131 T125 T129 T130 T197 T114 T109 T121"
                + " T192 T127");
        types("CONC", "T185 T077 T169 T102 T078 T170 T171 T080 T081 T089 T082 T079");
        types("DEVI", "T203 T074 T075");
        types("DISO", "T020 T190 T049 T019 T047 T050 T033 T037 T048 T191 T046 T184");
        types("GENE", "T087 T088 T028 T085 T086");
        types("GEOG", "T083");
        types("LIVB", "T100 T011 T008 T194 T007 T012 T204 T099 T013 T004 T096 T016 T015 T001 T101 T002 T098 T097"
                + " T014 T010 T005");
        types("OBJC", "T071 T168 T073 T072 T167");
        types("OCCU", "T091 T090");
        types("ORGA", "T093 T092 T094 T095");
        types("PHEN", "T038 T069 T068 T034 T070 T067");
        types("PHYS", "T043 T201 T045 T041 T044 T032 T040 T042 T039");
        types("PROC", "T060 T065 T058 T059 T063 T062 T061");
        for (Map.Entry<String, String> e : UMLS_GROUP.entrySet()) {
            GROUP.put(e.getKey(), medsiftGroup(e.getKey(), e.getValue()));
        }
    }

    private static void types(String umlsGroup, String tuis) {
        for (String t : tuis.split(" ")) {
            UMLS_GROUP.put(t, umlsGroup);
        }
    }

    private static SemanticGroup medsiftGroup(String tui, String umlsGroup) {
        switch (tui) {
            case "T033": case "T184": case "T034": return SemanticGroup.FINDING;
            case "T121": case "T200": case "T195": case "T127": return SemanticGroup.DRUG;
            case "T059": return SemanticGroup.LAB;
            case "T168": case "T167": return SemanticGroup.SUBSTANCE;
            default: break;
        }
        switch (umlsGroup) {
            case "DISO": return SemanticGroup.DISORDER;
            case "CHEM": return SemanticGroup.SUBSTANCE;
            case "PROC": return SemanticGroup.PROCEDURE;
            case "ANAT": return SemanticGroup.ANATOMY;
            case "DEVI": return SemanticGroup.DEVICE;
            case "PHYS": return SemanticGroup.OBSERVATION;
            default: return SemanticGroup.OTHER;
        }
    }

    private UmlsSemanticGroups() {
    }

    /** The UMLS semantic group abbreviation of a TUI ({@code DISO}), or {@code null} for an unknown TUI. */
    public static String umlsGroup(String tui) {
        return UMLS_GROUP.get(tui);
    }

    /** The Medsift group of a TUI, or {@code null} for an unknown TUI. */
    public static SemanticGroup group(String tui) {
        return GROUP.get(tui);
    }

    /** Number of semantic types in the table (127). */
    public static int typeCount() {
        return UMLS_GROUP.size();
    }

    /** The group of the two that comes first in {@link #PRIORITY}. */
    public static SemanticGroup stronger(SemanticGroup a, SemanticGroup b) {
        if (a == null) {
            return b;
        }
        return PRIORITY.indexOf(a) <= PRIORITY.indexOf(b) ? a : b;
    }
}
