package org.medsift.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.fhir.FhirMapper;
import org.medsift.fhir.FhirValidation;

/** Medications and measurements through every output: JSON schema 1.2, FHIR (zero errors) and brat relations. */
class MedicationOutputTest {
    static final String NOTE = "MEDICATIONS:\n"
            + "1. Metoprolol 25 mg po bid, lisinopril 10 mg daily.\n"
            + "2. Oxycodone 5 mg 1 tab by mouth every 4-6 hours as needed for pain x 7 days.\n"
            + "3. Albuterol 2 puffs inhaled q4h prn wheezing.\n"
            + "4. Heparin 5,000 units SC q12h. Stop aspirin.\n"
            + "VITALS: BP 132/84, HR 88, T 100.4 F, RR 18, SpO2 96% on RA, Weight 80 kg, pain 7/10.\n"
            + "LABS: potassium 3.1 mmol/L (L), creatinine 1.89 mg/dL (ref 0.6-1.2), troponin <0.01 ng/mL, "
            + "hemoglobin 10.9 g/dL, WBC 12.5 K/uL H.\n";
    private static Extraction extraction;
    private static Document doc;

    @BeforeAll
    static void build() {
        extraction = Extraction.builder().build();
        doc = extraction.extract(Text.of("meds-note", NOTE));
    }

    @Test
    void fhirBundleHasDosagesAndValuedObservationsAndValidates() {
        Bundle b = FhirMapper.create().toBundle(doc);
        FhirValidation.Report r = FhirValidation.shared().validate(b);
        assertEquals(List.of(), r.errors());
        MedicationStatement meto = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x instanceof MedicationStatement).map(x -> (MedicationStatement) x)
                .filter(x -> x.getMedicationCodeableConcept().getText().toLowerCase().contains("metoprolol"))
                .findFirst().orElseThrow();
        Timing.TimingRepeatComponent rep = meto.getDosageFirstRep().getTiming().getRepeat();
        assertEquals(2, rep.getFrequency());
        assertEquals(Timing.UnitsOfTime.D, rep.getPeriodUnit());
        assertEquals("26643006", meto.getDosageFirstRep().getRoute().getCodingFirstRep().getCode());
        Quantity dose = meto.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertEquals("mg", dose.getCode());
        assertEquals("http://unitsofmeasure.org", dose.getSystem());
        List<Observation> obs = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x instanceof Observation).map(x -> (Observation) x).toList();
        Observation k = obs.stream().filter(o -> o.getCode().getText().toLowerCase().contains("potassium")
                && o.hasValueQuantity())
                .findFirst().orElseThrow();
        assertEquals("mmol/L", k.getValueQuantity().getCode());
        assertEquals("L", k.getInterpretationFirstRep().getCodingFirstRep().getCode());
        Observation bp = obs.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("85354-9"))
                .findFirst().orElseThrow();
        assertEquals(2, bp.getComponent().size());
        assertEquals("vital-signs", bp.getCategoryFirstRep().getCodingFirstRep().getCode());
        Observation cr = obs.stream().filter(o -> o.getCode().getText().toLowerCase().contains("creatinine"))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("1.2"), cr.getReferenceRangeFirstRep().getHigh().getValue());
        assertEquals("H", cr.getInterpretationFirstRep().getCodingFirstRep().getCode());
    }

    @Test
    void fhirTakesTheDateOfTheSentenceAsEffectiveAndValidates() {
        String note = "Potassium 5.9 mmol/L on 03/14/2024. Metoprolol 25 mg po bid was started on 2024-03-01.\n"
                + "Lisinopril 10 mg daily, stopped 3 days ago. Sodium 138 mmol/L last week. Aspirin 81 mg daily.\n";
        Document dated = Extraction.builder().documentDate(java.time.LocalDate.of(2024, 3, 20)).build()
                .extract(Text.of("dated-note", note));
        Bundle b = FhirMapper.create().toBundle(dated);
        assertEquals(List.of(), FhirValidation.shared().validate(b).errors());
        List<org.hl7.fhir.r4.model.Resource> rs = b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).toList();
        Observation k = rs.stream().filter(x -> x instanceof Observation).map(x -> (Observation) x)
                .filter(o -> o.getCode().getText().toLowerCase().contains("potassium")).findFirst().orElseThrow();
        assertEquals("2024-03-14", k.getEffectiveDateTimeType().getValueAsString());
        MedicationStatement meto = statement(rs, "metoprolol");
        assertEquals("2024-03-01", meto.getEffectivePeriod().getStartElement().getValueAsString());
        // "3 days ago" resolved against the document date; a stop ends the period
        MedicationStatement lis = statement(rs, "lisinopril");
        assertEquals("2024-03-17", lis.getEffectivePeriod().getEndElement().getValueAsString());
        // no date in its sentence: no effective[x]
        assertTrue(!statement(rs, "aspirin").hasEffective());
        // without a document date a relative date has no value and sets nothing
        Bundle undated = FhirMapper.create().toBundle(extraction.extract(Text.of("undated-note", note)));
        assertTrue(!statement(undated.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList(),
                "lisinopril").hasEffective());
    }

    private static MedicationStatement statement(List<org.hl7.fhir.r4.model.Resource> rs, String name) {
        return rs.stream().filter(x -> x instanceof MedicationStatement).map(x -> (MedicationStatement) x)
                .filter(x -> x.getMedicationCodeableConcept().getText().toLowerCase().contains(name))
                .findFirst().orElseThrow();
    }

    @Test
    void jsonConformsToSchemaOneTwo() throws IOException {
        Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(Files.readString(
                Path.of("..", "docs", "medsift-1.2.schema.json"), StandardCharsets.UTF_8));
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(
                JsonWriter.pretty(extraction.provenance(java.time.Instant.EPOCH)).toJson(doc));
        assertEquals(List.of(), SchemaCheck.check(schema, json));
        assertTrue(((List<?>) json.get("medications")).size() >= 6);
        assertTrue(((List<?>) json.get("measurements")).size() >= 12, () -> "" + json.get("measurements"));
    }

    @Test
    void bratLinksEachAttributeToItsDrug() throws IOException {
        StringBuilder b = new StringBuilder();
        BratWriter.create().write(doc, b);
        String ann = b.toString();
        String drug = id(ann, "Drug", "Metoprolol");
        String strength = id(ann, "Strength", "25 mg");
        assertTrue(ann.contains("\tStrengthOf Arg1:" + strength + " Arg2:" + drug + "\n"), ann);
        String lis = id(ann, "Drug", "lisinopril");
        assertTrue(ann.contains("\tFrequencyOf Arg1:" + id(ann, "Frequency", "daily") + " Arg2:" + lis + "\n"));
        String hr = id(ann, "Vital", "HR");
        assertTrue(ann.contains("\tValueOf Arg1:" + id(ann, "Value", "88") + " Arg2:" + hr + "\n"));
    }

    private static String id(String ann, String type, String text) {
        for (String line : ann.split("\n")) {
            String[] c = line.split("\t");
            if (c.length == 3 && c[1].startsWith(type + " ") && c[2].equals(text)) {
                return c[0];
            }
        }
        throw new AssertionError("no " + type + " " + text + " in\n" + ann);
    }
}
