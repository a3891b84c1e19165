package org.medsift.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.medsift.core.text.Text;

/**
 * The notes a benchmark cycles through: either generated here (deterministic: {@value #GENERATED_NOTES} notes,
 * about 0.5 MB, from 0.7 kB progress notes to 3.5 kB discharge summaries, built from sentence templates typical of
 * discharge summaries, histories and physicals, progress notes, emergency department notes and radiology
 * reports), or the {@code .txt} files of a folder.
 *
 * <p>Every name, date and number in the generated notes is invented. The vocabulary is ordinary clinical English
 * (disorders, symptoms, drugs, procedures, findings) with negated, hypothetical and family-history sentences, so
 * that every pipeline stage, including the lexicon matcher and the context annotator, has real work to do.
 */
public final class NoteCorpus {
    /** Number of generated notes. */
    public static final int GENERATED_NOTES = 300;

    /** The {@code corpus} parameter value that selects the generated notes. */
    public static final String GENERATED = "generated";

    /**
     * The {@code corpus} parameter value that selects {@code examples/notes} (relative to the working
     * directory), falling back to the generated notes when that folder is absent or empty.
     */
    public static final String EXAMPLES = "examples";

    private final String source;
    private final List<Text> notes;

    private NoteCorpus(String source, List<Text> notes) {
        this.source = source;
        this.notes = List.copyOf(notes);
    }

    /**
     * Resolves a {@code corpus} benchmark parameter: {@value #GENERATED}, {@value #EXAMPLES}, or the path of a
     * folder of {@code .txt} notes (read recursively, in path order).
     *
     * @throws IllegalArgumentException when a folder path is given that does not exist or holds no {@code .txt}
     */
    public static NoteCorpus resolve(String corpus) {
        if (GENERATED.equals(corpus)) {
            return generated();
        }
        if (EXAMPLES.equals(corpus)) {
            Path dir = Path.of("examples", "notes");
            if (Files.isDirectory(dir)) {
                NoteCorpus c = readFolder(dir);
                if (!c.notes.isEmpty()) {
                    return c;
                }
            }
            return generated();
        }
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("corpus '" + corpus + "' is neither '" + GENERATED + "', '"
                    + EXAMPLES + "' nor a folder (resolved to " + dir.toAbsolutePath() + ")");
        }
        NoteCorpus c = readFolder(dir);
        if (c.notes.isEmpty()) {
            throw new IllegalArgumentException("corpus folder " + dir.toAbsolutePath() + " holds no .txt files");
        }
        return c;
    }

    /** The generated corpus (same notes on every call). */
    public static NoteCorpus generated() {
        Generator g = new Generator(20_240_601L);
        List<Text> notes = new ArrayList<>(GENERATED_NOTES);
        for (int i = 0; i < GENERATED_NOTES; i++) {
            notes.add(Text.of(String.format("gen-%03d", i), g.note(i)));
        }
        return new NoteCorpus(GENERATED, notes);
    }

    /** The {@code .txt} files under {@code dir}, recursively, in path order, read as UTF-8. */
    public static NoteCorpus readFolder(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Text> notes = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                notes.add(Text.of(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return new NoteCorpus(dir.toString(), notes);
    }

    /** Where the notes came from: {@value #GENERATED} or a folder path. */
    public String source() {
        return source;
    }

    public List<Text> notes() {
        return notes;
    }

    public int size() {
        return notes.size();
    }

    /** UTF-8 size of each note, in corpus order (MB/s figures use MB = 10^6 bytes of UTF-8 input). */
    public int[] utf8Bytes() {
        int[] bytes = new int[notes.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = notes.get(i).content().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    /** Total UTF-8 bytes of the corpus. */
    public long totalUtf8Bytes() {
        long sum = 0;
        for (int b : utf8Bytes()) {
            sum += b;
        }
        return sum;
    }

    @Override
    public String toString() {
        return "NoteCorpus[" + source + ", " + notes.size() + " notes, " + totalUtf8Bytes() + " bytes]";
    }

    /** Builds notes from templates; deterministic for a seed. */
    static final class Generator {
        private static final String[] DISORDERS = {
            "hypertension", "type 2 diabetes mellitus", "hyperlipidemia", "coronary artery disease",
            "atrial fibrillation", "congestive heart failure", "chronic kidney disease", "COPD", "asthma",
            "obstructive sleep apnea", "hypothyroidism", "gastroesophageal reflux disease", "osteoarthritis",
            "major depressive disorder", "generalized anxiety disorder", "anemia", "pneumonia",
            "urinary tract infection", "deep vein thrombosis", "pulmonary embolism", "cellulitis",
            "acute kidney injury", "myocardial infarction", "stroke", "migraine", "obesity", "gout",
            "rheumatoid arthritis", "cirrhosis", "pancreatitis", "sepsis", "peripheral vascular disease",
            "breast cancer", "prostate cancer", "benign prostatic hyperplasia", "HTN", "T2DM", "CAD", "CHF",
            "CKD stage 3", "sinusitis", "bronchitis", "diverticulitis", "appendicitis", "seizure disorder",
        };
        private static final String[] SYMPTOMS = {
            "chest pain", "shortness of breath", "dyspnea on exertion", "orthopnea", "palpitations", "cough",
            "fever", "chills", "night sweats", "nausea", "vomiting", "diarrhea", "abdominal pain", "headache",
            "dizziness", "syncope", "fatigue", "weight loss", "leg swelling", "dysuria", "hematuria",
            "back pain", "joint pain", "rash", "blurred vision", "sore throat", "wheezing", "hemoptysis",
            "constipation", "melena", "confusion", "weakness", "numbness", "anxiety", "insomnia",
        };
        private static final String[][] DRUGS = {
            {"metformin", "500"}, {"lisinopril", "10"}, {"amlodipine", "5"}, {"atorvastatin", "40"},
            {"metoprolol", "25"}, {"furosemide", "40"}, {"aspirin", "81"}, {"warfarin", "5"},
            {"apixaban", "5"}, {"insulin glargine", "20"}, {"levothyroxine", "0.075"}, {"omeprazole", "20"},
            {"albuterol", "90"}, {"prednisone", "40"}, {"amoxicillin", "500"}, {"azithromycin", "250"},
            {"ceftriaxone", "1000"}, {"vancomycin", "1250"}, {"gabapentin", "300"}, {"sertraline", "50"},
            {"hydrochlorothiazide", "25"}, {"losartan", "50"}, {"simvastatin", "20"}, {"acetaminophen", "650"},
            {"ibuprofen", "400"}, {"oxycodone", "5"}, {"heparin", "5000"}, {"clopidogrel", "75"},
            {"tamsulosin", "0.4"}, {"allopurinol", "100"}, {"montelukast", "10"}, {"carvedilol", "6.25"},
        };
        private static final String[] FREQS = {
            "daily", "twice daily", "b.i.d.", "t.i.d.", "q.h.s.", "every 6 hours as needed", "q.d.", "weekly",
        };
        private static final String[] ROUTES = {"p.o.", "PO", "IV", "subcutaneously", "by mouth"};
        private static final String[] PROCEDURES = {
            "cholecystectomy", "appendectomy", "coronary artery bypass graft", "total knee arthroplasty",
            "total hip replacement", "cardiac catheterization", "colonoscopy", "upper endoscopy",
            "hysterectomy", "cesarean section", "tonsillectomy", "inguinal hernia repair",
            "percutaneous coronary intervention", "lumbar laminectomy", "cataract surgery",
        };
        private static final String[] IMAGING = {
            "chest x-ray", "CT of the chest with contrast", "CT abdomen and pelvis", "MRI of the brain",
            "renal ultrasound", "transthoracic echocardiogram", "CT angiogram of the chest",
            "lower extremity venous duplex", "abdominal ultrasound", "CT head without contrast",
        };
        private static final String[] FINDINGS = {
            "a small left pleural effusion", "bibasilar atelectasis", "cardiomegaly",
            "a 6 mm pulmonary nodule in the right upper lobe", "mild hepatic steatosis", "cholelithiasis",
            "a right lower lobe consolidation", "pulmonary vascular congestion", "a simple renal cyst",
            "degenerative changes of the lumbar spine", "mild emphysema", "a nonobstructing renal calculus",
            "an ejection fraction of 35%", "moderate mitral regurgitation", "a filling defect in a segmental artery",
        };
        private static final String[] NEGATIVE_FINDINGS = {
            "pneumothorax", "pleural effusion", "focal consolidation", "pulmonary edema", "free air",
            "hydronephrosis", "acute intracranial hemorrhage", "bowel obstruction", "pericardial effusion",
            "deep vein thrombosis", "mass", "fracture", "lymphadenopathy",
        };
        private static final String[] ANATOMY = {
            "right upper lobe", "left lower lobe", "liver", "gallbladder", "left kidney", "pancreas",
            "right femoral vein", "spleen", "thyroid", "left ventricle",
        };
        private static final String[] RELATIVES = {"Mother", "Father", "Sister", "Brother", "Maternal grandmother"};

        private final SplittableRandom random;
        private final StringBuilder sb = new StringBuilder(8192);
        private boolean male;

        Generator(long seed) {
            this.random = new SplittableRandom(seed);
        }

        String note(int index) {
            sb.setLength(0);
            male = random.nextBoolean();
            switch (index % 5) {
                case 0 -> dischargeSummary();
                case 1 -> historyAndPhysical();
                case 2 -> radiology();
                case 3 -> progressNote();
                default -> edNote();
            }
            String text = sb.toString();
            // about half the notes are hard-wrapped at 100 columns, as dictated and transcribed notes often are
            return random.nextInt(2) == 0 ? wrap(text, 100) : text;
        }

        private void dischargeSummary() {
            line("DISCHARGE SUMMARY");
            blank();
            line("Patient: **NAME[AAA, BBB]    MRN: **ID-NUM");
            line("Admission Date: " + date() + "    Discharge Date: " + date());
            line("Attending: Dr. **NAME[CCC]");
            blank();
            header("CHIEF COMPLAINT");
            line(cap(pick(SYMPTOMS)) + " for " + (2 + random.nextInt(12)) + " days.");
            blank();
            header("HISTORY OF PRESENT ILLNESS");
            hpi(6 + random.nextInt(6));
            blank();
            pastHistory();
            exam();
            labs();
            header("HOSPITAL COURSE");
            int problems = 3 + random.nextInt(4);
            for (int i = 1; i <= problems; i++) {
                sb.append(i).append(". ").append(cap(pick(DISORDERS))).append(": ");
                int n = 2 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    sentence(courseSentence());
                }
                if (random.nextInt(3) == 0) {
                    sentence(pick(IMAGING, true) + " showed " + pick(FINDINGS) + ".");
                }
                sb.append('\n');
            }
            blank();
            header("DISCHARGE MEDICATIONS");
            medList(4 + random.nextInt(6));
            blank();
            header("DISCHARGE DIAGNOSES");
            numbered(DISORDERS, 2 + random.nextInt(3));
            blank();
            header("DISPOSITION");
            line(pick(new String[] {"Home", "Home with services", "Skilled nursing facility", "Rehabilitation"})
                    + ", in stable condition.");
            blank();
            header("FOLLOW-UP");
            line("Follow up with primary care in " + (1 + random.nextInt(3)) + " weeks. Return to the emergency"
                    + " department for " + pick(SYMPTOMS) + ", " + pick(SYMPTOMS) + " or " + pick(SYMPTOMS) + ".");
        }

        private void historyAndPhysical() {
            line("HISTORY AND PHYSICAL");
            blank();
            header("CHIEF COMPLAINT");
            line(cap(pick(SYMPTOMS)) + " and " + pick(SYMPTOMS) + ".");
            blank();
            header("HISTORY OF PRESENT ILLNESS");
            hpi(6 + random.nextInt(6));
            blank();
            pastHistory();
            header("REVIEW OF SYSTEMS");
            line("Constitutional: Negative for fever, chills and " + pick(SYMPTOMS) + ".");
            line("Cardiovascular: Positive for " + pick(SYMPTOMS) + ". Negative for " + pick(SYMPTOMS) + ".");
            line("Respiratory: Negative for " + pick(SYMPTOMS) + " and " + pick(SYMPTOMS) + ".");
            line("Gastrointestinal: " + (random.nextBoolean() ? "Positive" : "Negative") + " for "
                    + pick(SYMPTOMS) + ".");
            line("All other systems reviewed and are negative.");
            blank();
            exam();
            labs();
            assessmentAndPlan();
        }

        private void progressNote() {
            line("Progress Note");
            blank();
            line("S: " + (male ? "He" : "She") + " reports " + pick(SYMPTOMS) + " is "
                    + pick(new String[] {"improved", "unchanged", "worse"}) + " since yesterday. Denies "
                    + pick(SYMPTOMS) + " or " + pick(SYMPTOMS) + ". Tolerating diet.");
            line("O: " + vitals());
            line("Lungs " + pick(new String[] {"clear to auscultation bilaterally", "with crackles at the bases",
                "with scattered expiratory wheezes"}) + ". Heart regular rate and rhythm, no murmurs.");
            line("Labs: " + labLine());
            if (random.nextBoolean()) {
                line(pick(IMAGING, true) + ": " + pick(FINDINGS) + ".");
            }
            line("A/P: " + age() + " y/o " + (male ? "M" : "F") + " with " + pick(DISORDERS) + " and "
                    + pick(DISORDERS) + ", hospital day " + (1 + random.nextInt(9)) + ".");
            int n = 3 + random.nextInt(4);
            for (int i = 1; i <= n; i++) {
                line("# " + cap(pick(DISORDERS)) + ": " + planSentence());
            }
            line("Dispo: " + pick(new String[] {"anticipate discharge tomorrow", "continue inpatient care",
                "PT/OT evaluation pending"}) + ".");
        }

        private void edNote() {
            line("EMERGENCY DEPARTMENT NOTE");
            blank();
            sb.append("Chief Complaint: ").append(cap(pick(SYMPTOMS))).append('\n');
            blank();
            sb.append("History of Present Illness: ");
            hpi(3 + random.nextInt(4));
            blank();
            sb.append("Past Medical History: ").append(pick(DISORDERS)).append(", ").append(pick(DISORDERS))
                    .append(", ").append(pick(DISORDERS)).append(".\n");
            sb.append("Medications: ").append(pick(DRUGS)[0]).append(", ").append(pick(DRUGS)[0]).append(".\n");
            sb.append("Allergies: ").append(random.nextInt(3) == 0 ? "NKDA" : cap(pick(DRUGS)[0]) + " (hives)")
                    .append(".\n");
            blank();
            sb.append("Physical Exam: ").append(vitals()).append(' ');
            sentence("General: " + pick(new String[] {"alert and oriented, in no acute distress",
                "uncomfortable appearing", "ill appearing, diaphoretic"}) + ".");
            sentence("Abdomen soft, " + (random.nextBoolean() ? "nontender" : "tender in the right lower quadrant")
                    + ", no rebound or guarding.");
            sb.append('\n');
            blank();
            sb.append("ED Course: ");
            sentence(pick(IMAGING, true) + " showed " + pick(FINDINGS) + ".");
            sentence("EKG showed normal sinus rhythm without ST elevation.");
            sentence("Given " + pick(DRUGS)[0] + " " + pick(ROUTES) + " with improvement.");
            sb.append('\n');
            blank();
            sb.append("Medical Decision Making: ");
            sentence("Differential includes " + pick(DISORDERS) + ", " + pick(DISORDERS) + " and "
                    + pick(DISORDERS) + ".");
            sentence("Doubt " + pick(DISORDERS) + " given normal " + pick(new String[] {"D-dimer", "troponin",
                "lipase", "white count"}) + ".");
            sentence("Rule out " + pick(DISORDERS) + ".");
            sb.append('\n');
            blank();
            sb.append("Disposition: ").append(random.nextBoolean() ? "Admitted to medicine" : "Discharged home")
                    .append(".\n");
        }

        private void radiology() {
            String exam = pick(IMAGING);
            line("RADIOLOGY REPORT");
            blank();
            line("EXAM: " + exam.toUpperCase(java.util.Locale.ROOT));
            line("DATE: " + date());
            blank();
            line("INDICATION: " + cap(pick(SYMPTOMS)) + ". History of " + pick(DISORDERS) + ".");
            blank();
            line("COMPARISON: " + (random.nextBoolean() ? "None." : "Prior study dated " + date() + "."));
            blank();
            line("TECHNIQUE: Standard protocol " + exam + " was performed"
                    + (random.nextBoolean() ? " following the administration of intravenous contrast." : "."));
            blank();
            line("FINDINGS:");
            int n = 8 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> sentence("There is " + pick(FINDINGS) + ".");
                    case 1 -> {
                        int x = random.nextInt(NEGATIVE_FINDINGS.length);
                        int y = (x + 1 + random.nextInt(NEGATIVE_FINDINGS.length - 1)) % NEGATIVE_FINDINGS.length;
                        sentence("No " + NEGATIVE_FINDINGS[x] + " or " + NEGATIVE_FINDINGS[y] + ".");
                    }
                    case 2 -> sentence("The " + pick(ANATOMY) + " is unremarkable.");
                    case 3 -> sentence("There is no evidence of " + pick(NEGATIVE_FINDINGS) + ".");
                    default -> sentence("Findings may represent " + pick(DISORDERS) + "; clinical correlation "
                            + "is recommended.");
                }
            }
            sb.append('\n');
            blank();
            line("IMPRESSION:");
            sb.append("1. ").append(cap(pick(FINDINGS))).append(", possibly ").append(pick(DISORDERS)).append(".\n");
            sb.append("2. No ").append(pick(NEGATIVE_FINDINGS)).append(".\n");
            if (random.nextBoolean()) {
                sb.append("3. Recommend follow-up ").append(pick(IMAGING)).append(" in ").append(3 + random.nextInt(9))
                        .append(" months.\n");
            }
        }

        private void hpi(int sentences) {
            sentence("The patient is a " + age() + "-year-old " + (male ? "man" : "woman") + " with a history of "
                    + pick(DISORDERS) + ", " + pick(DISORDERS) + " and " + pick(DISORDERS) + " who presents with "
                    + pick(SYMPTOMS) + " for " + (1 + random.nextInt(14)) + " days.");
            for (int i = 0; i < sentences; i++) {
                String he = male ? "He" : "She";
                switch (random.nextInt(9)) {
                    case 0 -> sentence(he + " reports " + pick(SYMPTOMS) + " and " + pick(SYMPTOMS) + ".");
                    case 1 -> sentence(he + " denies " + pick(SYMPTOMS) + ", " + pick(SYMPTOMS) + " or "
                            + pick(SYMPTOMS) + ".");
                    case 2 -> sentence("No " + pick(SYMPTOMS) + ".");
                    case 3 -> sentence("There is no history of " + pick(DISORDERS) + ".");
                    case 4 -> sentence(he + " was started on " + pick(DRUGS)[0] + " " + pick(DRUGS)[1] + " mg "
                            + pick(FREQS) + " by " + (male ? "his" : "her") + " primary care physician.");
                    case 5 -> sentence("Symptoms are worse with exertion and improve with rest.");
                    case 6 -> sentence(he + " has been taking " + pick(DRUGS)[0] + " without relief.");
                    case 7 -> sentence("Of note, " + (male ? "he" : "she") + " underwent " + pick(PROCEDURES)
                            + " in " + (1990 + random.nextInt(34)) + ".");
                    default -> sentence(he + " was seen in clinic on " + date() + " and found to have "
                            + pick(DISORDERS) + ".");
                }
            }
            sb.append('\n');
        }

        private void pastHistory() {
            header("PAST MEDICAL HISTORY");
            numbered(DISORDERS, 3 + random.nextInt(4));
            blank();
            header("PAST SURGICAL HISTORY");
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                line(cap(pick(PROCEDURES)) + " in " + (1985 + random.nextInt(38)) + ".");
            }
            blank();
            header("MEDICATIONS");
            medList(3 + random.nextInt(6));
            blank();
            header("ALLERGIES");
            line(random.nextInt(3) == 0 ? "NKDA." : cap(pick(DRUGS)[0]) + " (rash).");
            blank();
            header("FAMILY HISTORY");
            sentence(pick(RELATIVES) + " with " + pick(DISORDERS) + ".");
            sentence("No family history of " + pick(DISORDERS) + ".");
            sb.append('\n');
            blank();
            header("SOCIAL HISTORY");
            sentence(pick(new String[] {"Former smoker, quit 10 years ago.", "Never smoker.",
                "Current smoker, 1 pack per day.", "Smoked 20 pack-years, quit in 2015."}));
            sentence(pick(new String[] {"Drinks alcohol occasionally.", "Denies alcohol or illicit drug use.",
                "Drinks 2 beers per day."}));
            sentence("Lives with " + (male ? "his wife" : "her husband") + ".");
            sb.append('\n');
            blank();
        }

        private void exam() {
            header("PHYSICAL EXAMINATION");
            line("Vitals: " + vitals());
            line("General: Alert and oriented x3, in no acute distress.");
            line("HEENT: Normocephalic, atraumatic. Pupils equal, round and reactive to light.");
            line("Neck: Supple. No JVD. No lymphadenopathy.");
            line("Lungs: " + pick(new String[] {"Clear to auscultation bilaterally.", "Crackles at both bases.",
                "Decreased breath sounds at the right base."}));
            line("Heart: Regular rate and rhythm. " + (random.nextBoolean() ? "No murmurs, rubs or gallops."
                    : "II/VI systolic murmur at the apex."));
            line("Abdomen: Soft, nontender, nondistended. Normal bowel sounds.");
            line("Extremities: " + (random.nextBoolean() ? "No edema." : "2+ pitting edema bilaterally."));
            line("Neuro: Cranial nerves II-XII intact. Strength 5/5 throughout.");
            blank();
        }

        private void labs() {
            header("LABORATORY DATA");
            line(labLine());
            if (random.nextBoolean()) {
                line(pick(IMAGING, true) + ": " + pick(FINDINGS) + ".");
            }
            blank();
        }

        private void assessmentAndPlan() {
            header("ASSESSMENT AND PLAN");
            sentence(age() + "-year-old " + (male ? "man" : "woman") + " with " + pick(DISORDERS) + " presenting with "
                    + pick(SYMPTOMS) + ", likely " + pick(DISORDERS) + ".");
            sb.append('\n');
            int n = 2 + random.nextInt(4);
            for (int i = 1; i <= n; i++) {
                line(i + ". " + cap(pick(DISORDERS)) + ": " + planSentence());
            }
        }

        private String courseSentence() {
            String[] d = pick(DRUGS);
            return switch (random.nextInt(6)) {
                case 0 -> "Treated with " + d[0] + " " + d[1] + " mg " + pick(ROUTES) + " " + freq();
                case 1 -> "Symptoms resolved and " + (male ? "he" : "she") + " remained afebrile.";
                case 2 -> "There was no evidence of " + pick(DISORDERS) + ".";
                case 3 -> "Creatinine peaked at " + (1 + random.nextInt(3)) + "." + random.nextInt(10)
                        + " and improved with IV fluids.";
                case 4 -> "Possible " + pick(DISORDERS) + " was considered but thought unlikely.";
                default -> "Home " + d[0] + " was held and restarted at discharge.";
            };
        }

        private String planSentence() {
            String[] d = pick(DRUGS);
            return switch (random.nextInt(6)) {
                case 0 -> "Continue " + d[0] + " " + d[1] + " mg " + freq();
                case 1 -> "Start " + d[0] + " " + d[1] + " mg " + pick(ROUTES) + " " + freq();
                case 2 -> "Obtain " + pick(IMAGING) + " to rule out " + pick(DISORDERS) + ".";
                case 3 -> "If " + pick(SYMPTOMS) + " develops, check " + pick(new String[] {"CBC", "BMP",
                    "troponin", "lactate"}) + ".";
                case 4 -> "Stable. No changes today.";
                default -> "Hold " + d[0] + "; monitor for " + pick(SYMPTOMS) + ".";
            };
        }

        private void medList(int n) {
            boolean dashes = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                String[] d = pick(DRUGS);
                line((dashes ? "- " : (i + 1) + ". ") + cap(d[0]) + " " + d[1] + " mg " + pick(ROUTES) + " "
                        + freq());
            }
        }

        /** A frequency that ends the sentence (abbreviations such as {@code b.i.d.} carry their own period). */
        private String freq() {
            String f = pick(FREQS);
            return f.endsWith(".") ? f : f + ".";
        }

        private void numbered(String[] items, int n) {
            for (int i = 1; i <= n; i++) {
                line(i + ". " + cap(pick(items)) + ".");
            }
        }

        private String vitals() {
            return "T 3" + (6 + random.nextInt(3)) + "." + random.nextInt(10) + " C, BP " + (100 + random.nextInt(70))
                    + "/" + (55 + random.nextInt(40)) + ", HR " + (55 + random.nextInt(60)) + ", RR "
                    + (12 + random.nextInt(14)) + ", SpO2 " + (88 + random.nextInt(12)) + "% on room air.";
        }

        private String labLine() {
            return "WBC " + (4 + random.nextInt(14)) + "." + random.nextInt(10) + ", Hgb " + (8 + random.nextInt(8))
                    + "." + random.nextInt(10) + ", Plt " + (120 + random.nextInt(300)) + ", Na "
                    + (130 + random.nextInt(12)) + ", K " + (3 + random.nextInt(3)) + "." + random.nextInt(10)
                    + ", Cr " + (0.6 + random.nextInt(30) / 10.0) + ", glucose " + (70 + random.nextInt(250)) + ".";
        }

        private String date() {
            return String.format("%02d/%02d/20%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                    15 + random.nextInt(11));
        }

        private int age() {
            return 18 + random.nextInt(75);
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private String pick(String[] options, boolean capitalize) {
            String s = pick(options);
            return capitalize ? cap(s) : s;
        }

        private String[] pick(String[][] options) {
            return options[random.nextInt(options.length)];
        }

        private static String cap(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private void header(String name) {
            // most headers on their own line; some inline, as in many real notes
            if (random.nextInt(4) == 0) {
                sb.append(name).append(": ");
            } else {
                sb.append(name).append(":\n");
            }
        }

        private void sentence(String s) {
            sb.append(s).append(' ');
        }

        private void line(String s) {
            sb.append(s).append('\n');
        }

        private void blank() {
            sb.append('\n');
        }

        /** Re-wraps every line longer than {@code width} at the last space before it. */
        private static String wrap(String text, int width) {
            StringBuilder out = new StringBuilder(text.length() + text.length() / width);
            for (String line : text.split("\n", -1)) {
                String rest = line.stripTrailing();
                while (rest.length() > width) {
                    int cut = rest.lastIndexOf(' ', width);
                    if (cut <= 0) {
                        break;
                    }
                    out.append(rest, 0, cut).append('\n');
                    rest = rest.substring(cut + 1);
                }
                out.append(rest).append('\n');
            }
            out.setLength(out.length() - 1);
            return out.toString();
        }
    }
}
