package org.medsift.nlp.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Medication;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.measure.MeasurementAnnotator;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.testkit.AnnotatorConformance;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;

public class MedicationAnnotatorTest {
    public static final Lexicon LEXICON = lexicon();
    static final Pipeline PIPELINE = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
            .add(new LexiconMatcher(LEXICON)).add(new MedicationAnnotator()).add(new MeasurementAnnotator()).build();

    static Lexicon lexicon() {
        LexiconBuilder b = new LexiconBuilder("test", "1.0").addSource("curated", "test terms");
        for (String d : List.of("metoprolol", "lisinopril", "prograf", "lamictal", "lamotrigine", "amoxicillin",
                "albuterol", "insulin", "heparin", "ondansetron", "oxycodone", "prednisone", "acetaminophen",
                "methotrexate", "hydrocodone", "furosemide", "nitroglycerin", "amoxicillin suspension", "vitamin d3",
                "tacalcitol", "phenol", "glycerin", "marcaine", "lidocaine", "epinephrine")) {
            b.concept("medsift:drug_" + d.replace(' ', '_'), d, SemanticGroup.DRUG, "curated");
        }
        for (String l : List.of("potassium", "creatinine", "hemoglobin", "troponin", "ana titer", "wbc",
                "hba1c", "glucose", "hiv")) {
            b.concept("medsift:lab_" + l.replace(' ', '_'), l, SemanticGroup.LAB, "curated");
        }
        return b.build();
    }

    static List<Medication> meds(String text) {
        Document d = PIPELINE.process(Text.of("t", text));
        return d.require(Layers.MEDICATIONS);
    }

    /** {@code drug: KIND=text|normalized, ...} per medication. */
    static List<String> sigs(String text) {
        return meds(text).stream().map(m -> text.substring(m.drug().start(), m.drug().end()) + ": "
                + m.attributes().stream().map(a -> a.kind() + "=" + text.substring(a.start(), a.end()) + "|"
                        + a.normalized()).collect(Collectors.joining(", "))).toList();
    }

    /** The covered texts of the aliases of the {@code index}-th medication of {@code text}. */
    static List<String> aliases(String text, int index) {
        return meds(text).get(index).aliases().stream().map(a -> text.substring(a.start(), a.end())).toList();
    }

    @Test
    void givesEachDrugOfARunOnSentenceItsOwnAttributes() {
        assertEquals(List.of("metoprolol: STRENGTH=25 mg|25 mg, ROUTE=po|oral, FREQUENCY=bid|2/1 d",
                "lisinopril: STRENGTH=10 mg|10 mg, FREQUENCY=daily|1/1 d"),
                sigs("metoprolol 25 mg po bid, lisinopril 10 mg daily"));
    }

    @Test
    void readsAVolumeAsADoseAmountAndSkipsAMaximum() {
        assertEquals(List.of("amoxicillin: STRENGTH=400 mg/5 mL|400 mg/5 mL, DOSE_AMOUNT=5 mL|5 mL, "
                + "ROUTE=po|oral, FREQUENCY=bid|2/1 d"), sigs("amoxicillin 400 mg/5 mL give 5 mL po bid"));
        assertEquals(List.of("acetaminophen: STRENGTH=650 mg|650 mg, FREQUENCY=q6h|1/6 h, "
                + "PRN=as needed for mild to moderate pain|mild to moderate pain"),
                sigs("acetaminophen 650 mg q6h as needed for mild to moderate pain, not to exceed 3 g per day"));
        assertEquals(List.of("acetaminophen: STRENGTH=500 mg|500 mg"),
                sigs("acetaminophen 500 mg, max 4 g daily"));
    }

    @Test
    void givesAListOfDosesBeforeOfToThatDrug() {
        assertEquals(List.of("methotrexate: STRENGTH=190 mg|190 mg, STRENGTH=175 mg|175 mg, STRENGTH=196 mg|196 mg"),
                sigs("Three patients received respectively 190 mg, 175 mg, and 196 mg of methotrexate."));
        assertEquals(List.of("prednisone: STRENGTH=48 mg/kg|48 mg/kg"),
                sigs("ingestion of (48 mg/kg) of extended-release prednisone"));
    }

    @Test
    void readsAFullSignatureWithDoseFormRouteAndFrequency() {
        assertEquals(List.of("Prograf: STRENGTH=1 mg|1 mg, FORM=Cap|capsule, DOSE_AMOUNT=3 capsules|3 capsule, "
                + "ROUTE=by mouth|oral, FREQUENCY=twice a day|2/1 d"),
                sigs("Prograf 1 mg Cap 3 capsules by mouth twice a day"));
    }

    @Test
    void treatsAParenthesizedNameAsAnAlias() {
        List<Medication> ms = meds("Lamictal (Lamotrigine) 200mg po twice daily");
        assertEquals(1, ms.size());
        assertEquals(1, ms.get(0).aliases().size());
        assertEquals(200, ms.get(0).strength().value());
        assertEquals("mg", ms.get(0).strength().ucum());
        assertEquals("26643006", ms.get(0).route().code().code());
    }

    @Test
    void takesADrugNamedInParenthesesAsDoseOfItForAnAlias() {
        String text = "topical vitamin D3 ointment (20 micro g/g of tacalcitol) 10 g/day";
        assertEquals(1, meds(text).size());
        assertEquals(List.of("tacalcitol"), aliases(text, 0));
        assertEquals(List.of("vitamin D3: ROUTE=topical|topical, FORM=ointment|ointment, "
                + "STRENGTH=20 micro g/g|20 mcg/g, STRENGTH=10 g/day|10 g/d"), sigs(text));
        // not right after the first drug: the drug in parentheses is another medication with its dose
        assertEquals(List.of("metoprolol: STRENGTH=25 mg|25 mg", "lisinopril: STRENGTH=10 mg|10 mg"),
                sigs("metoprolol 25 mg (10 mg of lisinopril)"));
    }

    @Test
    void givesAStrengthWrittenBeforeTheNextDrugToThatDrug() {
        assertEquals(List.of("Marcaine: STRENGTH=0.5%|0.5 %", "lidocaine: STRENGTH=1%|1 %"),
                sigs("20 cc of a 1:1 mixture of 0.5% Marcaine plain and 1% lidocaine were instilled"));
        assertEquals(List.of("Marcaine: STRENGTH=0.25%|0.25 %", "epinephrine: ", "lidocaine: STRENGTH=1%|1 %"),
                sigs("a mixture of 0.25% Marcaine with epinephrine and 1% plain lidocaine"));
        // without a connector the strength still ends the phrase of the drug before it
        assertEquals(List.of("metoprolol: STRENGTH=25 mg|25 mg", "lisinopril: STRENGTH=10 mg|10 mg"),
                sigs("metoprolol 25 mg lisinopril 10 mg"));
    }

    @Test
    void keepsAStatusOnItsDrugWhenAnotherDrugFollowsAfterAConnector() {
        assertEquals(List.of("lisinopril: STATUS=continued|continue", "metoprolol: STATUS=increased|increase, "
                + "STRENGTH=50 mg|50 mg, FREQUENCY=bid|2/1 d"),
                sigs("lisinopril was continued and metoprolol was increased to 50 mg bid"));
        assertEquals(List.of("lisinopril: STATUS=stopped|stop", "metoprolol: STATUS=started|start"),
                sigs("lisinopril was stopped and started metoprolol"));
    }

    @Test
    void readsAHyphenatedStrengthBeforeDoseOf() {
        assertEquals(List.of("metoprolol: ", "oxycodone: STRENGTH=10-mg|10 mg"),
                sigs("On metoprolol; she was given a 10-mg dose of oxycodone"));
        // a range stays a range
        assertEquals(List.of("oxycodone: STRENGTH=5-10 mg|5-10 mg"), sigs("oxycodone 5-10 mg"));
    }

    @Test
    void keepsTwoStrengthsOfOneDrugOnThatDrug() {
        List<Medication> ms = meds("Local anesthetic: Marcaine 0.5%; 1%.");
        assertEquals(List.of("Marcaine: STRENGTH=0.5%|0.5 %, STRENGTH=1%|1 %"),
                sigs("Local anesthetic: Marcaine 0.5%; 1%."));
        assertEquals(0.5, ms.get(0).strength().value()); // the first is the medication's strength
        assertEquals(List.of("Marcaine: STRENGTH=0.5%|0.5 %", "lidocaine: STRENGTH=1%|1 %"),
                sigs("Marcaine 0.5%; 1% lidocaine"));
    }

    @Test
    void linksADoseToADrugInsideAHyphenatedWord() {
        String text = "injection of 0.3 ml of 10% phenol-glycerin and HD-methotrexate (8 gm/m2)";
        assertEquals(List.of("phenol: DOSE_AMOUNT=0.3 ml|0.3 mL, STRENGTH=10%|10 %",
                "methotrexate: STRENGTH=8 gm/m2|8 g/m2"), sigs(text));
        assertEquals(List.of("glycerin"), aliases(text, 0));
    }

    @Test
    void normalizesFrequenciesToFhirTiming() {
        assertEquals("1/6 h", timing("ondansetron 4 mg IV q6h prn nausea"));
        assertEquals("4/1 d", timing("prednisone 10 mg q.i.d."));
        assertEquals("1/2 d", timing("prednisone 10 mg every other day"));
        assertEquals("1/4-6 h", timing("oxycodone 5 mg q4-6h prn pain"));
        assertEquals("1/4 h", timing("oxycodone 5 mg every 4 hours as needed for pain"));
        assertEquals("HS", timing("prednisone 10 mg at bedtime"));
        assertEquals("3/1 d C", timing("insulin 10 units three times a day with meals"));
        assertEquals("1/1 wk", timing("methotrexate 15 mg po weekly"));
    }

    private static String timing(String text) {
        Medication m = meds(text).get(0);
        return MedicationAnnotator.timingText(m.timing());
    }

    @Test
    void readsStrengthShapes() {
        Medication m = meds("amoxicillin suspension 250 mg/5 mL").get(0);
        assertEquals(250, m.strength().value());
        assertEquals(5, m.strengthPer().value());
        assertEquals("mL", m.strengthPer().ucum());
        assertEquals(1000, meds("heparin 1,000 units SC").get(0).strength().value());
        assertEquals("U", meds("heparin 1,000 units SC").get(0).strength().ucum());
        assertEquals("ug", meds("nitroglycerin 0.4 mg SL").get(0).route().text().equals("sublingual") ? "ug"
                : "x");
        assertEquals("mg/m2", meds("methotrexate 1500 mg/m2").get(0).strength().ucum());
    }

    @Test
    void readsPrnWithReasonDurationAndStatus() {
        Medication m = meds("oxycodone 5 mg po q4h prn pain x 7 days").get(0);
        assertTrue(m.asNeeded());
        assertEquals("pain", m.asNeededReason());
        assertEquals(7, m.duration().value());
        assertEquals("d", m.duration().ucum());
        assertEquals("start", meds("Started metoprolol 25 mg daily.").get(0).status());
        assertEquals("discontinued", meds("lisinopril was discontinued.").get(0).status());
        assertEquals(2, meds("albuterol 2 puffs inhaled q4h prn wheezing").get(0).dose().value());
        assertEquals(14, meds("amoxicillin 500 mg tid for 2 weeks").get(0).duration().value() * 7);
    }

    @Test
    void attachesADoseWrittenBeforeTheDrugWithOf() {
        assertEquals(List.of("amoxicillin: STRENGTH=500 mg|500 mg"), sigs("She took 500 mg of amoxicillin."));
    }

    @Test
    void leavesADrugWithoutAttributesBare() {
        Medication m = meds("She is allergic to amoxicillin.").get(0);
        assertEquals(List.of(), m.attributes());
        assertNull(m.timing());
    }

    @Test
    void passesTheConformanceKit() {
        AnnotatorConformance.check(PIPELINE);
    }
}
