package org.medsift.deid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall on names must not depend on where a name comes from (issue 5): names of eight origins, written for this
 * test, in the same synthetic note templates; recall per origin is printed and the lowest must be within two
 * points of the highest.
 */
class NameOriginBiasTest {
    private static final Map<String, List<String[]>> ORIGINS = new LinkedHashMap<>();

    static {
        ORIGINS.put("Anglo", List.of(n("Harold", "Whitcombe"), n("Margaret", "Ashworth"), n("Geoffrey", "Pennington"),
                n("Edith", "Blackwood"), n("Nigel", "Thornbury"), n("Lydia", "Hargreaves")));
        ORIGINS.put("Hispanic", List.of(n("Xiomara", "Quintanilla"), n("Rodrigo", "Echeverría"), n("Maricela", "Zúñiga"),
                n("Aurelio", "Villaseñor"), n("Yesenia", "Arriaga"), n("Teodoro", "Bustillos")));
        ORIGINS.put("West African", List.of(n("Oluwaseun", "Adebayo"), n("Chidinma", "Okafor"), n("Kwame", "Mensah"),
                n("Abena", "Owusu"), n("Babajide", "Olanrewaju"), n("Ngozi", "Eze")));
        ORIGINS.put("East Asian", List.of(n("Hiroshi", "Takahashi"), n("Mei", "Zhang"), n("Jae-won", "Park"),
                n("Xiaoling", "Wu"), n("Haruka", "Nishimura"), n("Minh", "Tran")));
        ORIGINS.put("South Asian", List.of(n("Priyanka", "Raghunathan"), n("Arjun", "Venkataraman"), n("Lakshmi", "Iyer"),
                n("Sanjay", "Chattopadhyay"), n("Farhana", "Chowdhury"), n("Dinesh", "Balasubramanian")));
        ORIGINS.put("Arabic", List.of(n("Yousef", "Al-Khatib"), n("Layla", "Haddad"), n("Omar", "Abdelrahman"),
                n("Fatima", "El-Sayed"), n("Khalid", "Al-Mansouri"), n("Noor", "Qasim")));
        ORIGINS.put("Slavic", List.of(n("Wojciech", "Krzyżanowski"), n("Ludmila", "Vasilyeva"), n("Bogdan", "Petrović"),
                n("Zdeňka", "Horáková"), n("Dmitri", "Sokolov"), n("Milena", "Kovačević")));
        ORIGINS.put("Pacific Islander", List.of(n("Keola", "Kahananui"), n("Sione", "Taufa"), n("Malia", "Faleolo"),
                n("Tevita", "Fifita"), n("Leilani", "Kealoha"), n("Losana", "Tuilagi")));
    }

    /**
     * A second set of names per origin, written after the detector rules were tuned on the first set and never used
     * to tune them: a check that the rules generalize within each origin.
     */
    private static final Map<String, List<String[]>> ORIGINS_CHECK = new LinkedHashMap<>();

    static {
        ORIGINS_CHECK.put("Anglo", List.of(n("Rupert", "Ainsworth"), n("Gwendolyn", "Hollingsworth"), n("Clive", "Underhill"),
                n("Beatrice", "Marlowe"), n("Alistair", "Fairweather"), n("Imogen", "Stockbridge")));
        ORIGINS_CHECK.put("Hispanic", List.of(n("Itzel", "Barrientos"), n("Evaristo", "Cienfuegos"), n("Rocío", "Villanueva"),
                n("Baltasar", "Santillán"), n("Marisol", "Ybarra"), n("Fulgencio", "Matamoros")));
        ORIGINS_CHECK.put("West African", List.of(n("Adaeze", "Nwachukwu"), n("Kofi", "Asante"), n("Yaw", "Boateng"),
                n("Folake", "Adeyemi"), n("Ikechukwu", "Obi"), n("Efua", "Appiah")));
        ORIGINS_CHECK.put("East Asian", List.of(n("Takeshi", "Yamaguchi"), n("Xiuying", "Liu"), n("Seo-yeon", "Choi"),
                n("Jianguo", "Huang"), n("Yuki", "Matsumoto"), n("Thanh", "Nguyen")));
        ORIGINS_CHECK.put("South Asian", List.of(n("Aishwarya", "Subramaniam"), n("Rohan", "Deshpande"),
                n("Nandini", "Krishnamurthy"), n("Imran", "Siddiqui"), n("Kavita", "Bhattacharya"), n("Harpreet", "Dhillon")));
        ORIGINS_CHECK.put("Arabic", List.of(n("Mustafa", "Al-Rashid"), n("Rania", "Khoury"), n("Tariq", "Hamdan"),
                n("Samira", "Bouazizi"), n("Hassan", "Nasrallah"), n("Amira", "El-Masri")));
        ORIGINS_CHECK.put("Slavic", List.of(n("Przemysław", "Wiśniewski"), n("Olga", "Kuznetsova"), n("Miroslav", "Novák"),
                n("Jelena", "Marković"), n("Radoslav", "Dimitrov"), n("Katarzyna", "Zielińska")));
        ORIGINS_CHECK.put("Pacific Islander", List.of(n("Kalani", "Kamakana"), n("Mele", "Tupou"), n("Pita", "Sapolu"),
                n("Ana", "Vainikolo"), n("Iosefa", "Tuiasosopo"), n("Noelani", "Akana")));
    }

    /** A third set, written last and measured once, after all tuning (docs/evaluation.md reports it as it came). */
    private static final Map<String, List<String[]>> ORIGINS_FRESH = new LinkedHashMap<>();

    static {
        ORIGINS_FRESH.put("Anglo", List.of(n("Percival", "Wolstenholme"), n("Hermione", "Attenborough"),
                n("Barnaby", "Crowther"), n("Philippa", "Sedgwick"), n("Desmond", "Rutherford"), n("Millicent", "Ormerod")));
        ORIGINS_FRESH.put("Hispanic", List.of(n("Eustaquio", "Manzanares"), n("Yolanda", "Carbajal"),
                n("Anselmo", "Zubizarreta"), n("Nayeli", "Quiroga"), n("Leocadio", "Peñaloza"), n("Xochitl", "Alvarado")));
        ORIGINS_FRESH.put("West African", List.of(n("Chukwuemeka", "Okonkwo"), n("Ama", "Darko"), n("Oluwatobi", "Adewale"),
                n("Kwabena", "Ofori"), n("Nkechi", "Onyekachi"), n("Mamadou", "Diallo")));
        ORIGINS_FRESH.put("East Asian", List.of(n("Haruto", "Kobayashi"), n("Wenjing", "Zhou"), n("Min-jun", "Kang"),
                n("Rin", "Fujimoto"), n("Zhiwei", "Xu"), n("Quang", "Pham")));
        ORIGINS_FRESH.put("South Asian", List.of(n("Siddharth", "Raghavan"), n("Ananya", "Mukherjee"), n("Tanvir", "Rahman"),
                n("Meenakshi", "Sundaram"), n("Gurpreet", "Sandhu"), n("Vikram", "Malhotra")));
        ORIGINS_FRESH.put("Arabic", List.of(n("Abdullah", "Al-Harbi"), n("Nadia", "Mansour"), n("Yasmin", "Haddadin"),
                n("Karim", "Benali"), n("Huda", "Al-Tamimi"), n("Bilal", "Shaheen")));
        ORIGINS_FRESH.put("Slavic", List.of(n("Wiesław", "Kowalczyk"), n("Svetlana", "Morozova"), n("Jaroslav", "Dvořák"),
                n("Dragana", "Stojanović"), n("Vasyl", "Shevchenko"), n("Bożena", "Jabłońska")));
        ORIGINS_FRESH.put("Pacific Islander", List.of(n("Manaia", "Leota"), n("Kekoa", "Palakiko"), n("Salote", "Havili"),
                n("Tamatea", "Rangihau"), n("Viliami", "Fonua"), n("Lupe", "Matagi")));
    }

    private static String[] n(String first, String last) {
        return new String[] {first, last};
    }

    /** Note templates; {F} and {L} are the first and last name. */
    private static final List<String> TEMPLATES = List.of(
            "PATIENT NAME: {L}, {F} ACCOUNT #: 12345678 ADMISSION DATE: Mar 3 2010",
            "HISTORY OF PRESENT ILLNESS: Mr. {L} is a 67-year-old man with chest pain.",
            "The patient was seen by Dr. {F} {L} in clinic.",
            "ATTENDING PHYSICIAN: {F} {L}, M.D.",
            "Her daughter, {F} {L}, was present and agreed with the plan.",
            "Electronically signed by: {F} {L} on Apr 2 2011",
            "cc: {F} {L}",
            "Ms. {F} {L} tolerated the procedure well.",
            "Discussed with {F} {L}, the patient's wife, by phone.",
            "____________________ {F} {L}, M.D. I was present for the procedure.");

    /** The same names with no title, label or relation word next to them. */
    private static final List<String> NO_CUE_TEMPLATES = List.of(
            "{F} {L} arrived for the follow-up visit.",
            "Spoke with {F} {L} about the results.",
            "{F} {L} tolerated the procedure well.",
            "Results were reviewed with {F} {L} today.",
            "{F} arrived with her daughter and was admitted.",
            "The plan was explained to {F} {L} at the bedside.",
            "{L} is doing well after the surgery.",
            "Later {F} {L} called back about the appointment.");

    @Test
    void nameRecallDoesNotDependOnOrigin() {
        Map<String, Double> recall = recallByOrigin(TEMPLATES);
        double min = recall.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = recall.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        recall.forEach((k, v) -> System.out.printf(java.util.Locale.ROOT, "name recall %-17s %.3f%n", k, v));
        assertTrue(max - min <= 0.02, "name recall by origin spread " + (max - min) + ": " + recall);
        assertTrue(min >= 0.95, "lowest name recall by origin " + min + ": " + recall);
    }

    /**
     * Without cue words recall rests on the name lexicon and the unknown-word rules; reported per origin
     * (docs/evaluation.md), for all three name sets; the spread must stay within two points, as with cues.
     */
    @Test
    void nameRecallWithoutCueWords() {
        for (Map.Entry<String, Map<String, List<String[]>>> set : Map.of("first", ORIGINS, "check", ORIGINS_CHECK,
                "fresh", ORIGINS_FRESH).entrySet()) {
            Map<String, Double> recall = recallByOrigin(set.getValue(), NO_CUE_TEMPLATES);
            recall.forEach((k, v) -> System.out.printf(java.util.Locale.ROOT, "name recall without cues (%s set) %-17s %.3f%n",
                    set.getKey(), k, v));
            double min = recall.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = recall.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(min >= MIN_NO_CUE, set.getKey() + " set: lowest name recall without cues " + min + ": " + recall);
            assertTrue(max - min <= 0.02, set.getKey() + " set: spread without cues " + (max - min) + ": " + recall);
        }
    }

    /** The second and third name sets in the cue templates: the same 2-point bound. */
    @Test
    void nameRecallOnOtherNameSetsDoesNotDependOnOrigin() {
        for (Map<String, List<String[]>> set : List.of(ORIGINS_CHECK, ORIGINS_FRESH)) {
            Map<String, Double> recall = recallByOrigin(set, TEMPLATES);
            double min = recall.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = recall.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(max - min <= 0.02 && min >= 0.95, "name recall by origin: " + recall);
        }
    }

    private static final double MIN_NO_CUE = 0.97;

    private static Map<String, Double> recallByOrigin(List<String> templates) {
        return recallByOrigin(ORIGINS, templates);
    }

    static Map<String, Double> recallByOrigin(Map<String, List<String[]>> origins, List<String> templates) {
        PhiDetector d = PhiDetector.standard();
        Map<String, Double> recall = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> e : origins.entrySet()) {
            int tokens = 0;
            int found = 0;
            for (String[] name : e.getValue()) {
                for (String t : templates) {
                    String text = t.replace("{F}", name[0]).replace("{L}", name[1]);
                    List<PhiSpan> spans = d.detect(text);
                    for (String part : name) {
                        int at = text.indexOf(part, t.indexOf('{') >= 0 ? 0 : 0);
                        if (!t.contains(part.equals(name[0]) ? "{F}" : "{L}")) {
                            continue;
                        }
                        tokens++;
                        for (PhiSpan s : spans) {
                            if (s.start() <= at && s.end() >= at + part.length()) {
                                found++;
                                break;
                            }
                        }
                    }
                }
            }
            recall.put(e.getKey(), found / (double) tokens);
        }
        return recall;
    }
}
