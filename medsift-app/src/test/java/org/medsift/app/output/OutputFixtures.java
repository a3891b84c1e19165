package org.medsift.app.output;

import static org.medsift.testkit.HandBuiltDocument.affirmed;
import static org.medsift.testkit.HandBuiltDocument.family;
import static org.medsift.testkit.HandBuiltDocument.historical;
import static org.medsift.testkit.HandBuiltDocument.negated;
import static org.medsift.testkit.HandBuiltDocument.possible;

import java.time.Instant;
import java.util.List;
import org.medsift.core.model.Assertion.Certainty;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.text.Document;
import org.medsift.core.text.SectionType;
import org.medsift.testkit.HandBuiltDocument;

/** A synthetic note with the characters that break writers: quotes, backslashes, control chars, non-BMP. */
final class OutputFixtures {
    static final OutputProvenance PROVENANCE = new OutputProvenance("medsift", "0.1.0", "medsift-default",
            "0.1.0", List.of("tokenize", "sentences", "sections", "lexicon", "context"), List.of(),
            Instant.parse("2025-03-04T05:06:07Z"));

    static final String NOTE = "Chief complaint: \"chest\npain\" back\\slash\tand tab.\n"
            + "HPI: Denies fever. Mother had breast cancer. History of MI. Possible pneumonia.\n"
            + "Feels \uD83D\uDE00 ok\u2028line\u0001ctl. Lone \uD800 surrogate.\n"
            + "Allergies: penicillin, sulfa.\n";

    private OutputFixtures() {
    }

    static Document note() {
        HandBuiltDocument b = HandBuiltDocument.note("note-1", NOTE)
                .section(SectionType.CHIEF_COMPLAINT, "Chief complaint")
                .mention("chest\npain", SemanticGroup.FINDING, "SNOMEDCT:29857009", "Chest pain", affirmed(),
                        new Code(CodeSystems.SNOMED_CT, "29857009", "Chest pain"),
                        new Code(CodeSystems.ICD10CM, "R07.9", "Chest pain, unspecified"))
                .section(SectionType.HISTORY_OF_PRESENT_ILLNESS, "HPI")
                .mention("fever", SemanticGroup.FINDING, "SNOMEDCT:386661006", "Fever",
                        negated("Denies", NOTE.indexOf("Denies")),
                        new Code(CodeSystems.SNOMED_CT, "386661006", "Fever"))
                .mention("breast cancer", SemanticGroup.DISORDER, "SNOMEDCT:254837009", "Breast cancer",
                        family("Mother", false, Certainty.CERTAIN),
                        new Code(CodeSystems.SNOMED_CT, "254837009", ""))
                .mention("MI", SemanticGroup.DISORDER, "SNOMEDCT:22298006", "Myocardial infarction", historical(),
                        new Code(CodeSystems.SNOMED_CT, "22298006", "Myocardial infarction"))
                .mention("pneumonia", SemanticGroup.DISORDER, "SNOMEDCT:233604007", "Pneumonia", possible(),
                        new Code(CodeSystems.SNOMED_CT, "233604007", "Pneumonia"))
                .section(SectionType.ALLERGIES, "Allergies")
                .mention("penicillin", SemanticGroup.DRUG, "RXNORM:70618", "penicillin", affirmed(),
                        new Code(CodeSystems.RXNORM, "70618", "penicillin"))
                .mention("sulfa", SemanticGroup.DRUG, "medsift:drg_sulfonamide", "sulfonamide, \"sulfa\"",
                        affirmed());
        Document doc = b.buildUnfrozen();
        doc.report(new Problem("TEXT-0002", Severity.WARNING, new Location("note-1", "3:20"),
                "control char U+0001 in text; kept", "line\u0001ctl \"q\""));
        doc.freeze();
        return doc;
    }
}
