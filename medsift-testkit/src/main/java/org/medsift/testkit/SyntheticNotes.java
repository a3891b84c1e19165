package org.medsift.testkit;

import java.util.List;

/**
 * Short synthetic clinical notes for tests. Every name, date, place and number here is invented; none comes from a
 * real patient. The notes cover the shapes annotators meet in practice: ALL-CAPS and Title Case headers, inline
 * headers, dictation line breaks, lists, abbreviations, numeric patterns, de-identification placeholders and
 * non-ASCII text.
 */
public final class SyntheticNotes {

    /** A discharge summary with ALL-CAPS headers, inline headers, abbreviations and a numbered list. */
    public static final String DISCHARGE_SUMMARY = ""
            + "DISCHARGE SUMMARY\n"
            + "\n"
            + "CHIEF COMPLAINT: Chest pain.\n"
            + "\n"
            + "HISTORY OF PRESENT ILLNESS:\n"
            + "The patient is a 67-year-old man with T2DM and HTN who presented with substernal chest pain\n"
            + "radiating to the left arm. He denies shortness of breath. Dr. Smith saw him at 10:30 a.m. on\n"
            + "03/14/2021. BP 150/90, HR 88, SpO2 97% on room air.\n"
            + "\n"
            + "PAST MEDICAL HISTORY:\n"
            + "1. Type 2 diabetes mellitus.\n"
            + "2. Hypertension.\n"
            + "3. Crohn's disease, s/p resection in 2015.\n"
            + "\n"
            + "ALLERGIES: NKDA.\n"
            + "\n"
            + "DISCHARGE MEDICATIONS:\n"
            + "- Metoprolol 25mg p.o. b.i.d.\n"
            + "- Aspirin 81 mg p.o. daily.\n"
            + "- Nitroglycerin 0.4 mg SL q5min p.r.n. chest pain, max x3.\n"
            + "\n"
            + "DISPOSITION: Home with follow-up in 2 weeks, i.e. on 2021-03-28.\n";

    /** A SOAP progress note with Title Case headers and abbreviated headers. */
    public static final String PROGRESS_NOTE = ""
            + "Progress Note\n"
            + "S: Feels better today. No fever, chills or night sweats.\n"
            + "Past Medical History: Asthma, GERD.\n"
            + "Meds: albuterol 90 mcg 2 puffs q6h prn; omeprazole 20 mg daily.\n"
            + "Vital Signs: T 37.2 C, BP 118/76, HR 72, RR 16.\n"
            + "Physical Exam: Lungs clear to auscultation bilaterally. Abdomen soft, non-tender.\n"
            + "Assessment and Plan: Asthma, well controlled. Continue current regimen vs. step down in 3 mo.\n";

    /** A radiology report. */
    public static final String RADIOLOGY_REPORT = ""
            + "EXAM: CT chest without contrast.\n"
            + "INDICATION: Cough x3 weeks, r/o pneumonia.\n"
            + "TECHNIQUE: Axial images at 1.25 mm.\n"
            + "FINDINGS:\n"
            + "There is a 4 x 3 cm opacity in the right lower lobe. No pleural effusion.\n"
            + "No pneumothorax.\n"
            + "IMPRESSION:\n"
            + "1) Right lower lobe pneumonia.\n"
            + "2) No effusion.\n";

    /** A dictated report whose lines break mid-sentence, as dictation software writes them. */
    public static final String DICTATED = ""
            + "HISTORY: The patient is a 45-year-old woman who was seen in the clinic today for\n"
            + "evaluation of intermittent headaches that have been present for the past\n"
            + "three months. She reports photophobia but no nausea.\n"
            + "PLAN: MRI brain and return in 4 weeks.\n";

    /** A note with de-identification placeholders in several styles. */
    public static final String DEIDENTIFIED = ""
            + "Patient **NAME[AAA, BBB M] was admitted on **DATE[Jan 01 2000] to [**Hospital 123**].\n"
            + "Attending: [** **]. MRN: ___. Phone XXXX.\n"
            + "Brief Hospital Course: Uneventful stay; discharged to [**Location (un) 456**].\n";

    /** Clinical text with non-ASCII letters, symbols and scripts. */
    public static final String NON_ASCII = ""
            + "Anamnèse: Patiente de 52 ans, fièvre à 38,5 °C depuis 3 jours.\n"
            + "Médicaments: métformine 500 mg, Vitamin B12 1000 µg i.m. monatlich (Müller-Schön).\n"
            + "Temp ≥ 38 °C → blood cultures × 2. Naïve to β-blockers; résumé “stable”.\n"
            + "患者主诉：胸痛三天。 Пациент жалуется на кашель. المريض يعاني من الحمى.\n";

    private static final List<String> ALL = List.of(DISCHARGE_SUMMARY, PROGRESS_NOTE, RADIOLOGY_REPORT, DICTATED,
            DEIDENTIFIED, NON_ASCII);

    private SyntheticNotes() {
    }

    /** Every note above, in a fixed order. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * The notes above concatenated, separated by blank lines and repeated until the result has at least
     * {@code minChars} chars.
     */
    public static String repeated(int minChars) {
        if (minChars < 0) {
            throw new IllegalArgumentException("minChars must be >= 0, was " + minChars);
        }
        StringBuilder sb = new StringBuilder(minChars + 4096);
        while (sb.length() < minChars) {
            for (String note : ALL) {
                sb.append(note).append("\n\n");
            }
        }
        return sb.toString();
    }
}
