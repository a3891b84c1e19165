package org.medsift.vocab.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic UMLS Metathesaurus in RRF ({@code MRCONSO.RRF}, {@code MRSTY.RRF}), for benchmarks: the real
 * UMLS cannot be shipped. Deterministic: the same arguments give the same bytes.
 *
 * <p>Shape, chosen to resemble an English MRCONSO subset: {@code concepts} CUIs with on average about 3 rows each
 * (1 + a geometric count; a few concepts with 15 or more); names of 1 to 14 words (mode 2 to 3, mean about 4),
 * words drawn from a Zipf distribution over a vocabulary of common clinical words followed by about 250,000
 * pseudo-words of 2 to 5 syllables; synonyms are variants of the preferred name (reordered with "of", a
 * qualifier added, a word replaced or dropped, a plural, initials as an abbreviation). About 4% of rows are not
 * English and 3% suppressible, so that filters have work to do. Sources: SNOMEDCT_US, MSH, NCI, RXNORM, LNC,
 * ICD10CM, MDR, MTH with plausible codes; one or two semantic types per CUI, weighted toward clinical types.
 *
 * <p>Not thread-safe; instances are single-use.
 */
public final class SyntheticUmls {
    private static final String[] CORE = ("pain chest heart failure acute chronic disease disorder syndrome cancer"
            + " carcinoma tumor neoplasm malignant benign infection infectious fever cough blood pressure high low"
            + " hypertension diabetes mellitus type renal kidney liver hepatic lung pulmonary cardiac artery vein"
            + " coronary stroke brain cerebral spinal cord nerve bone fracture joint knee hip shoulder arm leg foot"
            + " hand skin rash lesion ulcer wound injury left right bilateral upper lower abdominal abdomen stomach"
            + " gastric bowel colon rectal anal breast thyroid gland adrenal pituitary insulin glucose sodium"
            + " potassium chloride calcium magnesium serum plasma urine level test procedure surgery excision"
            + " biopsy resection repair replacement therapy injection tablet oral capsule solution mg ml dose"
            + " hydrochloride sulfate acetate extended release headache nausea vomiting diarrhea constipation"
            + " dizziness fatigue weakness shortness breath dyspnea edema swelling anemia asthma pneumonia"
            + " bronchitis sepsis obesity depression anxiety disorder schizophrenia dementia seizure epilepsy"
            + " migraine arthritis osteoarthritis rheumatoid lupus allergy allergic reaction drug induced"
            + " poisoning overdose history family personal screening examination finding abnormal normal"
            + " increased decreased elevated positive negative severe mild moderate stage primary secondary"
            + " metastatic cell small large acid deficiency vitamin protein antibody antigen virus bacterial"
            + " viral fungal cyst polyp hernia obstruction stenosis insufficiency regurgitation valve aortic"
            + " mitral atrial ventricular fibrillation tachycardia bradycardia infarction ischemia thrombosis"
            + " embolism hemorrhage bleeding congenital hereditary neonatal pregnancy postpartum fetal child"
            + " adult elderly eye ear nose throat mouth tooth dental oral retina cornea hearing vision loss"
            + " total partial complete closed open displaced unspecified other site region structure tissue"
            + " membrane muscle tendon ligament cartilage catheter device implant stent graft tube monitor"
            + " scan imaging ultrasound tomography magnetic resonance radiography x-ray ct mri").split(" ");
    private static final String[] QUALIFIERS = {"NOS", "unspecified", "chronic", "acute", "left", "right",
        "(disorder)", "(finding)", "[Ambiguous]", "of unknown origin", "due to other cause", "with complication",
        "without complication", "initial encounter", "in remission"};
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
        "v", "z", "br", "ch", "cl", "gr", "ph", "pr", "st", "th", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "y", "ae", "io", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "t", "m", "x", "ph", "ct"};
    private static final String[][] SABS = {{"SNOMEDCT_US", "30"}, {"MSH", "14"}, {"NCI", "16"}, {"RXNORM", "10"},
        {"LNC", "10"}, {"ICD10CM", "5"}, {"MDR", "7"}, {"MTH", "8"}};
    private static final String[][] TYPES = {{"T047", "Disease or Syndrome", "20"}, {"T033", "Finding", "8"},
        {"T184", "Sign or Symptom", "3"}, {"T121", "Pharmacologic Substance", "8"},
        {"T109", "Organic Chemical", "8"}, {"T200", "Clinical Drug", "4"},
        {"T061", "Therapeutic or Preventive Procedure", "6"}, {"T059", "Laboratory Procedure", "4"},
        {"T060", "Diagnostic Procedure", "3"}, {"T023", "Body Part, Organ, or Organ Component", "6"},
        {"T074", "Medical Device", "2"}, {"T201", "Clinical Attribute", "2"}, {"T191", "Neoplastic Process", "4"},
        {"T037", "Injury or Poisoning", "3"}, {"T116", "Amino Acid, Peptide, or Protein", "4"},
        {"T007", "Bacterium", "2"}, {"T170", "Intellectual Product", "2"}, {"T080", "Qualitative Concept", "2"},
        {"T169", "Functional Concept", "2"}, {"T046", "Pathologic Function", "3"}};
    private static final int[] LENGTH_WEIGHTS = {0, 10, 22, 20, 15, 10, 8, 5, 4, 2, 1, 1, 1, 1, 1};

    private final Random rnd;
    private final String[] vocab;
    private final double[] cumulative;
    private final int[] lengthTable;
    private final String[] sabTable;
    private final String[][] typeTable;
    /** 64-bit hashes of the normalized names written so far: a name is rarely shared by two concepts. */
    private long[] seenNames = new long[1 << 20];
    private int seenCount;
    private final org.medsift.vocab.TermNormalizer normalizer = org.medsift.vocab.TermNormalizer.standard();
    private long aui = 1;
    private long lui = 1;
    private long sui = 1;

    /** A generator with this seed and a vocabulary of {@code vocabularySize} words (at least the core words). */
    public SyntheticUmls(long seed, int vocabularySize) {
        this.rnd = new Random(seed);
        Set<String> seen = new HashSet<>(List.of(CORE));
        List<String> words = new ArrayList<>(List.of(CORE));
        while (words.size() < vocabularySize) {
            String w = pseudoWord();
            if (seen.add(w)) {
                words.add(w);
            }
        }
        vocab = words.toArray(new String[0]);
        cumulative = new double[vocab.length];
        double sum = 0;
        for (int i = 0; i < vocab.length; i++) {
            sum += 1.0 / Math.pow(i + 2.7, 1.07);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocab.length; i++) {
            cumulative[i] /= sum;
        }
        lengthTable = table(LENGTH_WEIGHTS);
        List<String> sabs = new ArrayList<>();
        for (String[] s : SABS) {
            for (int i = 0; i < Integer.parseInt(s[1]); i++) {
                sabs.add(s[0]);
            }
        }
        sabTable = sabs.toArray(new String[0]);
        List<String[]> types = new ArrayList<>();
        for (String[] t : TYPES) {
            for (int i = 0; i < Integer.parseInt(t[2]); i++) {
                types.add(t);
            }
        }
        typeTable = types.toArray(new String[0][]);
    }

    /**
     * Whether the name is new across all concepts (and records it). In the UMLS a string belongs to one concept
     * far more often than to several; a generator that let the 150,000 one-word names repeat the commonest
     * words would give "pain" thousands of concepts, which no real vocabulary does. 2% of repeats are let
     * through, as ambiguous strings.
     */
    private boolean fresh(String name) {
        long h = 1125899906842597L;
        for (String w : normalizer.words(name)) {
            for (int i = 0; i < w.length(); i++) {
                h = 31 * h + w.charAt(i);
            }
            h = 31 * h + ' ';
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        if (h == 0) {
            h = 1;
        }
        int mask = seenNames.length - 1;
        int slot = (int) h & mask;
        while (seenNames[slot] != 0) {
            if (seenNames[slot] == h) {
                return rnd.nextInt(50) == 0;
            }
            slot = (slot + 1) & mask;
        }
        seenNames[slot] = h;
        if (++seenCount * 2 > seenNames.length) {
            long[] old = seenNames;
            seenNames = new long[old.length * 2];
            seenCount = 0;
            for (long v : old) {
                if (v != 0) {
                    int sl = (int) v & (seenNames.length - 1);
                    while (seenNames[sl] != 0) {
                        sl = (sl + 1) & (seenNames.length - 1);
                    }
                    seenNames[sl] = v;
                    seenCount++;
                }
            }
        }
        return true;
    }

    private static int[] table(int[] weights) {
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < weights[i]; k++) {
                t.add(i);
            }
        }
        return t.stream().mapToInt(Integer::intValue).toArray();
    }

    private String pseudoWord() {
        int syllables = 2 + rnd.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
            if (i == syllables - 1 || rnd.nextInt(3) == 0) {
                sb.append(CODAS[rnd.nextInt(CODAS.length)]);
            }
        }
        return sb.toString();
    }

    private String word() {
        double u = rnd.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocab[lo];
    }

    private List<String> name() {
        int n = lengthTable[rnd.nextInt(lengthTable.length)];
        List<String> ws = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ws.add(word());
        }
        return ws;
    }

    private String variant(List<String> base) {
        List<String> ws = new ArrayList<>(base);
        switch (rnd.nextInt(7)) {
            case 0:
                if (ws.size() >= 2) { // "breast cancer" -> "cancer of breast"
                    String last = ws.remove(ws.size() - 1);
                    ws.add(0, "of");
                    ws.add(0, last);
                    break;
                }
                ws.add(QUALIFIERS[rnd.nextInt(QUALIFIERS.length)]);
                break;
            case 1:
                ws.add(QUALIFIERS[rnd.nextInt(QUALIFIERS.length)]);
                break;
            case 2:
                ws.set(rnd.nextInt(ws.size()), word());
                break;
            case 3:
                if (ws.size() >= 3) {
                    ws.remove(rnd.nextInt(ws.size()));
                } else {
                    ws.add(0, word());
                }
                break;
            case 4:
                ws.set(ws.size() - 1, ws.get(ws.size() - 1) + "s");
                break;
            case 5:
                if (ws.size() >= 2) {
                    StringBuilder ab = new StringBuilder();
                    for (String w : ws) {
                        ab.append(Character.toUpperCase(w.charAt(0)));
                    }
                    return ab.toString();
                }
                ws.add(word());
                break;
            default:
                String w = ws.get(0);
                ws.set(0, w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
                ws.add(word());
                break;
        }
        return String.join(" ", ws);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String code(String sab, long cuiNumber, int k) {
        switch (sab) {
            case "SNOMEDCT_US": return Long.toString(100000L + cuiNumber * 7 + k) + "00" + (cuiNumber % 10);
            case "RXNORM": return Long.toString(1000 + cuiNumber * 3 + k);
            case "LNC": {
                long n = 10000 + cuiNumber * 2 + k;
                long check = n % 10;
                return n + "-" + check;
            }
            case "ICD10CM": return (char) ('A' + (int) (cuiNumber % 26)) + String.format(Locale.ROOT, "%02d.%d",
                    cuiNumber / 26 % 100, k % 10);
            case "MSH": return String.format(Locale.ROOT, "D%06d", cuiNumber % 1_000_000);
            case "NCI": return String.format(Locale.ROOT, "C%d", 1000 + cuiNumber);
            case "MDR": return Long.toString(10_000_000 + cuiNumber);
            default: return "NOCODE";
        }
    }

    /**
     * Writes {@code MRCONSO.RRF} and {@code MRSTY.RRF} into {@code dir} (created when missing).
     *
     * @return the number of MRCONSO rows written
     */
    public long write(Path dir, int concepts) throws IOException {
        Files.createDirectories(dir);
        long rows = 0;
        try (BufferedWriter conso = Files.newBufferedWriter(dir.resolve("MRCONSO.RRF"), StandardCharsets.UTF_8);
                BufferedWriter sty = Files.newBufferedWriter(dir.resolve("MRSTY.RRF"), StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(256);
            long atui = 1;
            for (int c = 0; c < concepts; c++) {
                long cuiNumber = 5L + c * 3L;
                String cui = String.format(Locale.ROOT, "C%07d", cuiNumber);
                List<String> base = name();
                for (int tries = 0; tries < 20 && !fresh(String.join(" ", base)); tries++) {
                    base = name();
                }
                int count = 1 + (int) (-Math.log(1 - rnd.nextDouble()) * 3.3);
                count = Math.min(count, 40);
                Set<String> strs = new HashSet<>();
                String preferredSab = sabTable[rnd.nextInt(sabTable.length)];
                for (int k = 0; k < count; k++) {
                    String str = k == 0 ? capitalize(String.join(" ", base)) : variant(base);
                    if (!strs.add(str) || k > 0 && !fresh(str)) {
                        continue;
                    }
                    boolean abbreviation = k > 0 && str.equals(str.toUpperCase(Locale.ROOT)) && str.indexOf(' ') < 0;
                    String sab = k == 0 ? preferredSab : sabTable[rnd.nextInt(sabTable.length)];
                    String lat = k > 0 && rnd.nextInt(25) == 0 ? (rnd.nextBoolean() ? "SPA" : "FRE") : "ENG";
                    String suppress = k == 0 ? "N" : rnd.nextInt(50) == 0 ? "O" : rnd.nextInt(100) == 0 ? "Y" : "N";
                    String tty = k == 0 ? "PT" : abbreviation ? "AB" : "SY";
                    String code = code(sab, cuiNumber, k > 0 && sab.equals(preferredSab) ? 0 : k);
                    sb.setLength(0);
                    sb.append(cui).append('|').append(lat).append('|').append(k == 0 ? 'P' : 'S').append('|')
                            .append(String.format(Locale.ROOT, "L%07d", lui++)).append('|')
                            .append(k == 0 ? "PF" : "VO").append('|')
                            .append(String.format(Locale.ROOT, "S%07d", sui++)).append('|')
                            .append(k == 0 ? 'Y' : rnd.nextBoolean() ? 'Y' : 'N').append('|')
                            .append(String.format(Locale.ROOT, "A%08d", aui++)).append("|||")
                            .append(code).append('|').append(sab).append('|').append(tty).append('|')
                            .append(code).append('|').append(str).append("|0|").append(suppress).append("|256|\n");
                    conso.write(sb.toString());
                    rows++;
                }
                int types = rnd.nextInt(5) == 0 ? 2 : 1;
                String first = null;
                for (int t = 0; t < types; t++) {
                    String[] type = typeTable[rnd.nextInt(typeTable.length)];
                    if (type[0].equals(first)) {
                        continue;
                    }
                    first = type[0];
                    sty.write(cui + "|" + type[0] + "|A1.2|" + type[1] + "|" + String.format(Locale.ROOT,
                            "AT%08d", atui++) + "|256|\n");
                }
            }
        }
        return rows;
    }

    /** {@code SyntheticUmls OUT_DIR CONCEPTS [SEED]}: writes the files and prints the row count. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticUmls OUT_DIR CONCEPTS [SEED]");
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        long t0 = System.nanoTime();
        long rows = new SyntheticUmls(seed, 250_000).write(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.printf(Locale.ROOT, "MRCONSO.RRF rows: %d (%.1f s)%n", rows, (System.nanoTime() - t0) / 1e9);
    }
}
