package org.medsift.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;

/**
 * The hand-annotated medication, lab and vital-sign notes (src/test/resources/fixtures/medication, synthetic text,
 * brat gold written to the clinical reading; docs/evaluation.md): per-attribute precision and recall >= 0.95,
 * strict (exact span and type, attached to the gold's drug or test). Also the scorer's own rules.
 */
class MedicationScorerTest {
    private static final Path GOLD = Path.of("src", "test", "resources", "fixtures", "medication");

    @Test
    void annotatedNotesReachTheIssueBarPerAttribute() throws IOException {
        assertTrue(Files.isDirectory(GOLD), "fixtures missing: " + GOLD.toAbsolutePath());
        MedicationScorer scorer = new MedicationScorer();
        scorer.scoreFolder(Extraction.builder().build(), GOLD);
        System.out.print(scorer.table());
        scorer.errors().forEach(e -> System.out.println("  " + e));
        assertTrue(scorer.documents() >= 8, "documents: " + scorer.documents());
        for (Map.Entry<String, MedicationScorer.Counts> e : scorer.counts().entrySet()) {
            MedicationScorer.Counts c = e.getValue();
            assertTrue(c.gold() > 0, () -> "no gold " + e.getKey() + " annotation: the notes must cover every type");
            assertTrue(c.precision() >= 0.95, () -> e.getKey() + " precision " + c.precision() + "\n"
                    + String.join("\n", scorer.errors()));
            assertTrue(c.recall() >= 0.95, () -> e.getKey() + " recall " + c.recall() + "\n"
                    + String.join("\n", scorer.errors()));
        }
    }

    @Test
    void attributesCountOnlyOnTheirDrugAndAssertionsOnlyOnDrugs() {
        List<String> gold = List.of("T1\tDrug 0 10\tmetoprolol", "T2\tStrength 11 16\t25 mg",
                "R1\tStrengthOf Arg1:T2 Arg2:T1", "T3\tDrug 20 30\tlisinopril", "A1\tNegated T3");
        // the system puts the strength on the other drug; its Negated sits on a concept line with the drug's span
        List<String> system = List.of("T1\tDRUG 20 30\tlisinopril", "A1\tNegated T1", "T2\tDrug 0 10\tmetoprolol",
                "T3\tStrength 11 16\t25 mg", "T4\tDrug 20 30\tlisinopril", "R1\tStrengthOf Arg1:T3 Arg2:T4",
                "T5\tDISORDER 40 45\tcough", "A2\tNegated T5");
        MedicationScorer s = new MedicationScorer();
        s.score("d", "metoprolol 25 mg to lisinopril ..... cough", gold, system);
        assertEquals(2, s.counts().get("Drug").truePositives());
        assertEquals(1, s.counts().get("Negated").truePositives());
        assertEquals(0, s.counts().get("Negated").falsePositives(), "a negated disorder is not scored");
        MedicationScorer.Counts strength = s.counts().get("Strength");
        assertEquals(0, strength.truePositives());
        assertEquals(1, strength.falsePositives());
        assertEquals(1, strength.falseNegatives());
        Set<MedicationScorer.Item> items = MedicationScorer.parse(gold);
        assertTrue(items.contains(new MedicationScorer.Item("Strength", "11 16", "Drug 0 10")));
    }
}
