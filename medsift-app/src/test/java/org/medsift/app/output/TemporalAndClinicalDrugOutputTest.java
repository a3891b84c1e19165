package org.medsift.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.Medication;
import org.medsift.core.model.TemporalExpression;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.fhir.FhirMapper;
import org.medsift.fhir.FhirValidation;

/**
 * RxNorm clinical drugs (SCD) from the default lexicon and temporal expressions resolved against the document
 * date, through JSON (schema 1.2), FHIR (zero errors) and brat.
 */
class TemporalAndClinicalDrugOutputTest {
    static final String NOTE = "MEDICATIONS:\n"
            + "1. Lisinopril 10 mg tablet daily.\n"
            + "2. Aspirin 81 mg 1 tab po daily.\n"
            + "3. Metformin 500 mg po bid.\n"
            + "4. Lisinopril 10 mg IV daily.\n"
            + "5. Amoxicillin 500 mg capsule tid x 7 days.\n"
            + "HPI: Seen 03/14/2021. Fever started 3 days ago, now POD #2. Last seen last March.\n";
    private static Extraction extraction;
    private static Document doc;

    @BeforeAll
    static void build() {
        extraction = Extraction.builder().documentDate(LocalDate.of(2026, 3, 7)).build();
        doc = extraction.extract(Text.of("scd-note", NOTE));
    }

    private static Medication med(String text, int nth) {
        return doc.require(Layers.MEDICATIONS).stream()
                .filter(m -> NOTE.substring(m.drug().start(), m.drug().end()).equalsIgnoreCase(text)).skip(nth)
                .findFirst().orElseThrow();
    }

    @Test
    void clinicalDrugWhenIngredientStrengthAndFormMatch() {
        Medication lis = med("lisinopril", 0);
        assertEquals("314076", lis.clinicalDrug().code());
        assertEquals(CodeSystems.RXNORM, lis.clinicalDrug().system());
        assertEquals("lisinopril 10 MG Oral Tablet", lis.clinicalDrug().display());
        assertTrue(lis.drug().codes().stream().anyMatch(c -> c.system().equals(CodeSystems.RXNORM)
                && c.code().equals("29046")), "ingredient code kept");
        assertEquals("243670", med("aspirin", 0).clinicalDrug().code(), "form from the dose amount '1 tab'");
        assertNull(med("metformin", 0).clinicalDrug(), "no form written");
        assertNull(med("lisinopril", 1).clinicalDrug(), "route IV is not the SCD's oral route");
        assertNull(med("amoxicillin", 0).clinicalDrug(), "the lexicon's amoxicillin 500 MG is a tablet, not a capsule");
    }

    @Test
    void temporalExpressionsResolvedAgainstTheDocumentDate() {
        List<TemporalExpression> ts = doc.require(Layers.TEMPORALS);
        StringBuilder b = new StringBuilder();
        for (TemporalExpression t : ts) {
            b.append(NOTE, t.start(), t.end()).append('=').append(t.value()).append(';');
        }
        assertEquals("7 days=P7D;03/14/2021=2021-03-14;3 days ago=2026-03-04;POD #2=;last March=2025-03;",
                b.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonConformsToSchemaOneTwo() throws IOException {
        Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(Files.readString(
                Path.of("..", "docs", "medsift-1.2.schema.json"), StandardCharsets.UTF_8));
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(
                JsonWriter.pretty(extraction.provenance(java.time.Instant.EPOCH)).toJson(doc));
        assertEquals(List.of(), SchemaCheck.check(schema, json));
        assertEquals("2026-03-07", json.get("documentDate"));
        assertEquals(5, ((List<?>) json.get("temporals")).size());
        Map<String, Object> first = (Map<String, Object>) ((List<?>) json.get("medications")).get(0);
        assertEquals("314076", ((Map<String, Object>) first.get("clinicalDrug")).get("code"));
        Document plain = Extraction.builder().build().extract(Text.of("no-date", NOTE));
        Map<String, Object> json2 = (Map<String, Object>) MiniJson.parse(
                JsonWriter.pretty(extraction.provenance(java.time.Instant.EPOCH)).toJson(plain));
        assertEquals(List.of(), SchemaCheck.check(schema, json2));
        assertNull(json2.get("documentDate"));
    }

    @Test
    void fhirCarriesTheClinicalDrugCodingAndValidates() {
        Bundle b = FhirMapper.create().toBundle(doc);
        assertEquals(List.of(), FhirValidation.shared().validate(b).errors());
        MedicationStatement asa = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x instanceof MedicationStatement).map(x -> (MedicationStatement) x)
                .filter(x -> x.getMedicationCodeableConcept().getText().toLowerCase().contains("aspirin"))
                .findFirst().orElseThrow();
        assertEquals("243670", asa.getMedicationCodeableConcept().getCodingFirstRep().getCode());
        assertTrue(asa.getMedicationCodeableConcept().getCoding().size() >= 2, "ingredient coding kept");
    }

    @Test
    void bratWritesTemporalsWithNotes() throws IOException {
        StringBuilder b = new StringBuilder();
        BratWriter.create().write(doc, b);
        String ann = b.toString();
        assertTrue(ann.contains("\tDate ") && ann.contains("\t3 days ago\n"), ann);
        assertTrue(ann.contains("\tTemporalDuration "), ann);
        assertTrue(ann.contains("\tvalue=2026-03-04 anchor=DOCUMENT offset=-P3D\n"), ann);
        assertTrue(ann.contains("\tanchor=SURGERY offset=P2D\n"), ann);
    }
}
