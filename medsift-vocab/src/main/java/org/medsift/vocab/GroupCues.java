package org.medsift.vocab;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.medsift.core.model.SemanticGroup;

/**
 * Context words per semantic group that support an ambiguous short form of a concept of that group ("MS" with
 * "mg" nearby is a drug, with "relapse" nearby a disorder). Compiled into every lexicon (normalized), so a
 * lexicon's disambiguation is fixed with its version. Chosen to be specific to the group in clinical notes;
 * generic note words ("patient", "history") are left out on purpose.
 */
final class GroupCues {
    static final Map<SemanticGroup, List<String>> DEFAULT = new EnumMap<>(SemanticGroup.class);

    static {
        DEFAULT.put(SemanticGroup.DISORDER, List.of("diagnosis", "diagnosed", "disease", "chronic", "exacerbation",
                "relapse", "relapsing", "flare", "remission", "metastatic", "metastasis", "stage", "tumor",
                "malignancy", "oncology", "neurology", "rheumatology", "lesions", "mri", "biopsy"));
        DEFAULT.put(SemanticGroup.FINDING, List.of("complains", "reports", "symptom", "symptoms", "noted",
                "worsening", "intermittent", "episodes"));
        DEFAULT.put(SemanticGroup.DRUG, List.of("mg", "mcg", "ml", "dose", "dosage", "tablet", "tab", "capsule",
                "daily", "bid", "tid", "qid", "prn", "iv", "po", "im", "sq", "oral", "prescribed", "medication",
                "infusion", "injection", "units", "administered", "drip", "pca", "q4h", "q6h"));
        DEFAULT.put(SemanticGroup.PROCEDURE, List.of("performed", "underwent", "scheduled", "session",
                "sessions", "referral", "referred", "therapist", "exercises", "evaluation", "surgery"));
        DEFAULT.put(SemanticGroup.LAB, List.of("level", "levels", "lab", "labs", "serum", "result", "results",
                "elevated", "measured", "mmol", "dl", "sec", "seconds", "inr", "ratio", "panel", "drawn"));
        DEFAULT.put(SemanticGroup.ANATOMY, List.of("left", "right", "bilateral", "proximal", "distal"));
        DEFAULT.put(SemanticGroup.DEVICE, List.of("implanted", "placed", "device", "inserted", "removed"));
        DEFAULT.put(SemanticGroup.SUBSTANCE, List.of("exposure", "exposed", "allergy", "allergic", "intake"));
        DEFAULT.put(SemanticGroup.OBSERVATION, List.of("measured", "score", "assessment"));
        DEFAULT.put(SemanticGroup.OTHER, List.of());
    }

    private GroupCues() {
    }
}
