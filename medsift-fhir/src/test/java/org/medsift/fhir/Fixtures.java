package org.medsift.fhir;

import static org.medsift.testkit.HandBuiltDocument.affirmed;
import static org.medsift.testkit.HandBuiltDocument.conditional;
import static org.medsift.testkit.HandBuiltDocument.family;
import static org.medsift.testkit.HandBuiltDocument.historical;
import static org.medsift.testkit.HandBuiltDocument.hypothetical;
import static org.medsift.testkit.HandBuiltDocument.negated;
import static org.medsift.testkit.HandBuiltDocument.other;
import static org.medsift.testkit.HandBuiltDocument.possible;

import org.medsift.core.model.Assertion.Certainty;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.text.Document;
import org.medsift.core.text.SectionType;
import org.medsift.testkit.HandBuiltDocument;

/** A synthetic note with one finding of every group and every assertion value. */
final class Fixtures {
    static final String NOTE = String.join("\n",
            "Chief complaint: chest pain.",
            "HPI: Denies fever. Possible pneumonia. History of myocardial infarction. Return if vomiting. "
                    + "Chest pain on exertion. Her neighbor has influenza. Chest pain again today.",
            "Family history: Mother had breast cancer. Mother also had hypertension. Family history of asthma. "
                    + "No family history of colon cancer. Sister with possible lupus. Father's hip fracture. "
                    + "Brother takes metformin.",
            "Medications: metformin. No aspirin. Previously on lisinopril. Consider atorvastatin. "
                    + "Possibly on ibuprofen. Ondansetron if nauseated.",
            "Allergies: penicillin. Latex. No allergy to sulfamethoxazole. Possible codeine allergy. "
                    + "Remote amoxicillin rash.",
            "Procedures: appendectomy. No colonoscopy. Plan MRI of the brain. Possible biopsy. Prior cholecystectomy.",
            "Labs: hemoglobin A1c. No troponin. Check lipid panel.",
            "Exam: left arm swelling. Pacemaker in place. Smokes tobacco. Blood pressure taken. "
                    + "Feels \uD83D\uDE00 great.");

    private static final Code CHEST_PAIN = new Code(CodeSystems.SNOMED_CT, "29857009", "Chest pain");
    private static final Code CHEST_PAIN_ICD = new Code(CodeSystems.ICD10CM, "R07.9", "Chest pain, unspecified");

    private Fixtures() {
    }

    static Document everyKind() {
        return HandBuiltDocument.note("note-every-kind", NOTE).sentencesEndAtLineBreaks()
                .section(SectionType.CHIEF_COMPLAINT, "Chief complaint")
                .mention("chest pain", SemanticGroup.FINDING, "SNOMEDCT:29857009", "Chest pain", affirmed(),
                        CHEST_PAIN, CHEST_PAIN_ICD)
                .section(SectionType.HISTORY_OF_PRESENT_ILLNESS, "HPI")
                .mention("fever", SemanticGroup.FINDING, "SNOMEDCT:386661006", "Fever", negated("Denies", 33),
                        snomed("386661006", "Fever"))
                .mention("pneumonia", SemanticGroup.DISORDER, "SNOMEDCT:233604007", "Pneumonia", possible(),
                        snomed("233604007", "Pneumonia"))
                .mention("myocardial infarction", SemanticGroup.DISORDER, "SNOMEDCT:22298006",
                        "Myocardial infarction", historical(), snomed("22298006", "Myocardial infarction"))
                .mention("vomiting", SemanticGroup.FINDING, "SNOMEDCT:422400008", "Vomiting", hypothetical(),
                        snomed("422400008", "Vomiting"))
                .after("vomiting")
                .mention("Chest pain", SemanticGroup.FINDING, "SNOMEDCT:29857009", "Chest pain", conditional(),
                        CHEST_PAIN, CHEST_PAIN_ICD)
                .mention("influenza", SemanticGroup.DISORDER, "SNOMEDCT:6142004", "Influenza", other(),
                        snomed("6142004", "Influenza"))
                .after("influenza")
                .mention("Chest pain", SemanticGroup.FINDING, "SNOMEDCT:29857009", "Chest pain", affirmed(),
                        CHEST_PAIN, CHEST_PAIN_ICD)
                .section(SectionType.FAMILY_HISTORY, "Family history")
                .mention("breast cancer", SemanticGroup.DISORDER, "SNOMEDCT:254837009", "Breast cancer",
                        family("Mother", false, Certainty.CERTAIN), snomed("254837009", "Breast cancer"))
                .mention("hypertension", SemanticGroup.DISORDER, "SNOMEDCT:38341003", "Hypertension",
                        family("mother", false, Certainty.CERTAIN), snomed("38341003", "Hypertension"))
                .mention("asthma", SemanticGroup.DISORDER, "medsift:dis_asthma", "Asthma",
                        family("family history of", false, Certainty.CERTAIN))
                .mention("colon cancer", SemanticGroup.DISORDER, "SNOMEDCT:363406005", "Colon cancer",
                        family("family history of", true, Certainty.CERTAIN), snomed("363406005", "Colon cancer"))
                .mention("lupus", SemanticGroup.DISORDER, "SNOMEDCT:55464009", "Systemic lupus erythematosus",
                        family("Sister", false, Certainty.POSSIBLE), snomed("55464009", "Systemic lupus erythematosus"))
                .mention("hip fracture", SemanticGroup.DISORDER, "SNOMEDCT:5913000", "Fracture of neck of femur",
                        family("Father's", false, Certainty.CERTAIN), snomed("5913000", "Fracture of neck of femur"))
                .mention("metformin", SemanticGroup.DRUG, "RXNORM:6809", "metformin",
                        family("Brother", false, Certainty.CERTAIN), rxnorm("6809", "metformin"))
                .section(SectionType.MEDICATIONS, "Medications")
                .mention("metformin", SemanticGroup.DRUG, "RXNORM:6809", "metformin", affirmed(),
                        rxnorm("6809", "metformin"))
                .mention("aspirin", SemanticGroup.DRUG, "RXNORM:1191", "aspirin", negated("No", 0),
                        rxnorm("1191", "aspirin"))
                .mention("lisinopril", SemanticGroup.DRUG, "RXNORM:29046", "lisinopril", historical(),
                        rxnorm("29046", "lisinopril"))
                .mention("atorvastatin", SemanticGroup.DRUG, "RXNORM:83367", "atorvastatin", hypothetical(),
                        rxnorm("83367", "atorvastatin"))
                .mention("ibuprofen", SemanticGroup.DRUG, "RXNORM:5640", "ibuprofen", possible(),
                        rxnorm("5640", "ibuprofen"))
                .mention("Ondansetron", SemanticGroup.DRUG, "RXNORM:26225", "ondansetron", conditional(),
                        rxnorm("26225", "ondansetron"))
                .section(SectionType.ALLERGIES, "Allergies")
                .mention("penicillin", SemanticGroup.DRUG, "RXNORM:70618", "penicillin", affirmed(),
                        rxnorm("70618", "penicillin"))
                .mention("Latex", SemanticGroup.SUBSTANCE, "SNOMEDCT:111088007", "Latex", affirmed(),
                        snomed("111088007", "Latex"))
                .mention("sulfamethoxazole", SemanticGroup.DRUG, "RXNORM:10180", "sulfamethoxazole",
                        negated("No allergy to", 0), rxnorm("10180", "sulfamethoxazole"))
                .mention("codeine", SemanticGroup.DRUG, "RXNORM:2670", "codeine", possible(),
                        rxnorm("2670", "codeine"))
                .mention("amoxicillin", SemanticGroup.DRUG, "RXNORM:723", "amoxicillin", historical(),
                        rxnorm("723", "amoxicillin"))
                .section(SectionType.PROCEDURES, "Procedures")
                .mention("appendectomy", SemanticGroup.PROCEDURE, "SNOMEDCT:80146002", "Appendectomy", affirmed(),
                        snomed("80146002", "Appendectomy"))
                .mention("colonoscopy", SemanticGroup.PROCEDURE, "SNOMEDCT:73761001", "Colonoscopy",
                        negated("No", 0), snomed("73761001", "Colonoscopy"))
                .mention("MRI of the brain", SemanticGroup.PROCEDURE, "SNOMEDCT:816077007", "MRI of brain",
                        hypothetical(), snomed("816077007", "MRI of brain"))
                .mention("biopsy", SemanticGroup.PROCEDURE, "SNOMEDCT:86273004", "Biopsy", possible(),
                        snomed("86273004", "Biopsy"))
                .mention("cholecystectomy", SemanticGroup.PROCEDURE, "SNOMEDCT:38102005", "Cholecystectomy",
                        historical(), snomed("38102005", "Cholecystectomy"))
                .section(SectionType.LABS, "Labs")
                .mention("hemoglobin A1c", SemanticGroup.LAB, "LOINC:4548-4", "Hemoglobin A1c", affirmed(),
                        new Code(CodeSystems.LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"))
                .mention("troponin", SemanticGroup.LAB, "LOINC:6598-7", "Troponin T", negated("No", 0),
                        new Code(CodeSystems.LOINC, "6598-7", "Troponin T.cardiac [Mass/volume] in Serum or Plasma"))
                .mention("lipid panel", SemanticGroup.LAB, "LOINC:57698-3", "Lipid panel", hypothetical(),
                        new Code(CodeSystems.LOINC, "57698-3", "Lipid panel with direct LDL - Serum or Plasma"))
                .section(SectionType.PHYSICAL_EXAM, "Exam")
                .mention("left arm", SemanticGroup.ANATOMY, "SNOMEDCT:368208006", "Left upper arm", affirmed(),
                        snomed("368208006", "Left upper arm structure"))
                .mention("swelling", SemanticGroup.FINDING, "medsift:fnd_swelling", "Swelling", affirmed())
                .mention("Pacemaker", SemanticGroup.DEVICE, "SNOMEDCT:14106009", "Cardiac pacemaker", affirmed(),
                        snomed("14106009", "Cardiac pacemaker"))
                .mention("tobacco", SemanticGroup.SUBSTANCE, "SNOMEDCT:39953003", "Tobacco", affirmed(),
                        snomed("39953003", "Tobacco"))
                .mention("Blood pressure", SemanticGroup.OBSERVATION, "LOINC:85354-9", "Blood pressure", affirmed(),
                        new Code(CodeSystems.LOINC, "85354-9", "Blood pressure panel"))
                .mention("great", SemanticGroup.OTHER, "medsift:oth_great", "great", affirmed())
                .build();
    }

    private static Code snomed(String code, String display) {
        return new Code(CodeSystems.SNOMED_CT, code, display);
    }

    private static Code rxnorm(String code, String display) {
        return new Code(CodeSystems.RXNORM, code, display);
    }
}
