package org.medsift.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.testkit.HandBuiltDocument;

class FhirMapperTest {
    private static Document doc;
    private static FhirMapping mapping;

    @BeforeAll
    static void map() {
        doc = Fixtures.everyKind();
        mapping = FhirMapper.create().map(doc, PatientRef.inBundle("p1"));
    }

    private static <T extends Resource> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : mapping.bundle().getEntry()) {
            if (type.isInstance(e.getResource())) {
                out.add(type.cast(e.getResource()));
            }
        }
        return out;
    }

    private static <T extends Resource> T named(Class<T> type, String text) {
        for (T r : all(type)) {
            if (code(r).getText().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + text);
    }

    private static CodeableConcept code(Resource r) {
        if (r instanceof Condition) {
            return ((Condition) r).getCode();
        } else if (r instanceof MedicationStatement) {
            return ((MedicationStatement) r).getMedicationCodeableConcept();
        } else if (r instanceof Procedure) {
            return ((Procedure) r).getCode();
        } else if (r instanceof Observation) {
            return ((Observation) r).getCode();
        } else if (r instanceof AllergyIntolerance) {
            return ((AllergyIntolerance) r).getCode();
        }
        throw new AssertionError(r.fhirType());
    }

    private static String clinical(Condition c) {
        return c.hasClinicalStatus() ? c.getClinicalStatus().getCodingFirstRep().getCode() : "";
    }

    private static String verification(Condition c) {
        return c.getVerificationStatus().getCodingFirstRep().getCode();
    }

    private static List<int[]> ranges(DomainResource r) {
        List<int[]> out = new ArrayList<>();
        for (Extension e : r.getExtensionsByUrl(MedsiftFhir.SOURCE_TEXT_RANGE)) {
            out.add(new int[] {((IntegerType) e.getExtensionByUrl("start").getValue()).getValue(),
                    ((IntegerType) e.getExtensionByUrl("end").getValue()).getValue()});
        }
        return out;
    }

    @Test
    void bundleIsCollectionWithDocumentReferenceFirstThenPatient() {
        Bundle b = mapping.bundle();
        assertEquals(Bundle.BundleType.COLLECTION, b.getType());
        assertTrue(b.getEntry().get(0).getResource() instanceof DocumentReference);
        assertTrue(b.getEntry().get(1).getResource() instanceof Patient);
        assertEquals("p1", b.getEntry().get(1).getResource().getIdElement().getIdPart());
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            assertTrue(e.getFullUrl().startsWith("urn:uuid:"), e.getFullUrl());
        }
    }

    @Test
    void documentReferenceHoldsTheExactTextAsBase64() {
        DocumentReference d = all(DocumentReference.class).get(0);
        assertEquals("current", d.getStatus().toCode());
        assertEquals("text/plain", d.getContentFirstRep().getAttachment().getContentType());
        byte[] data = d.getContentFirstRep().getAttachment().getData();
        assertEquals(doc.text().content(), new String(data, StandardCharsets.UTF_8));
        assertEquals(doc.text().id(), d.getIdentifierFirstRep().getValue());
    }

    @Test
    void mapsConditionAssertionsToStatuses() {
        Condition fever = named(Condition.class, "Fever");
        assertEquals("refuted", verification(fever));
        assertEquals("", clinical(fever));
        Condition pneumonia = named(Condition.class, "Pneumonia");
        assertEquals("unconfirmed", verification(pneumonia));
        assertEquals("active", clinical(pneumonia));
        Condition mi = named(Condition.class, "Myocardial infarction");
        assertEquals("confirmed", verification(mi));
        assertEquals("inactive", clinical(mi));
        Condition chestPain = named(Condition.class, "Chest pain");
        assertEquals("confirmed", verification(chestPain));
        assertEquals("active", clinical(chestPain));
    }

    @Test
    void deduplicatesByConceptAndAssertionKeepingEveryRange() {
        Condition chestPain = named(Condition.class, "Chest pain");
        List<int[]> ranges = ranges(chestPain);
        assertEquals(2, ranges.size(), "the chief complaint and the HPI mention");
        for (int[] r : ranges) {
            assertEquals("chest pain", doc.text().cover(r[0], r[1]).toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(2, code(chestPain).getCoding().size(), "SNOMED CT and ICD-10-CM");
        long chestPainConditions = all(Condition.class).stream()
                .filter(c -> c.getCode().getText().equals("Chest pain")).count();
        assertEquals(1, chestPainConditions, "the conditional mention makes no Condition");
    }

    @Test
    void everyFindingResourcePointsBackToTheDocumentAndPatient() {
        String docUrl = mapping.bundle().getEntry().get(0).getFullUrl();
        String patientUrl = mapping.bundle().getEntry().get(1).getFullUrl();
        for (Bundle.BundleEntryComponent e : mapping.bundle().getEntry()) {
            Resource r = e.getResource();
            assertEquals("https://medsift.org/medsift", r.getMeta().getSource());
            if (r instanceof DocumentReference || r instanceof Patient) {
                continue;
            }
            List<Extension> ext = ((DomainResource) r).getExtensionsByUrl(MedsiftFhir.SOURCE_TEXT_RANGE);
            assertFalse(ext.isEmpty(), r.fhirType());
            for (Extension x : ext) {
                assertEquals(docUrl, ((Reference) x.getExtensionByUrl("document").getValue()).getReference());
            }
            Reference subject = r instanceof FamilyMemberHistory ? ((FamilyMemberHistory) r).getPatient()
                    : r instanceof AllergyIntolerance ? ((AllergyIntolerance) r).getPatient()
                    : (Reference) r.getNamedProperty("subject").getValues().get(0);
            assertEquals(patientUrl, subject.getReference(), r.fhirType());
        }
    }

    @Test
    void mapsMedicationStatusesFromAssertions() {
        assertEquals("active", named(MedicationStatement.class, "metformin").getStatus().toCode());
        assertEquals("not-taken", named(MedicationStatement.class, "aspirin").getStatus().toCode());
        assertEquals("completed", named(MedicationStatement.class, "lisinopril").getStatus().toCode());
        assertEquals("intended", named(MedicationStatement.class, "atorvastatin").getStatus().toCode());
        assertEquals("unknown", named(MedicationStatement.class, "ibuprofen").getStatus().toCode());
        assertEquals("intended", named(MedicationStatement.class, "ondansetron").getStatus().toCode());
        assertEquals(1, all(MedicationStatement.class).stream()
                .filter(m -> code(m).getText().equals("metformin")).count(), "the brother's metformin is omitted");
    }

    @Test
    void mapsAllergyListDrugsAndSubstancesToAllergyIntolerance() {
        AllergyIntolerance pen = named(AllergyIntolerance.class, "penicillin");
        assertEquals("confirmed", pen.getVerificationStatus().getCodingFirstRep().getCode());
        assertEquals("active", pen.getClinicalStatus().getCodingFirstRep().getCode());
        assertEquals("medication", pen.getCategory().get(0).getValue().toCode());
        AllergyIntolerance latex = named(AllergyIntolerance.class, "Latex");
        assertTrue(latex.getCategory().isEmpty());
        assertEquals("refuted", named(AllergyIntolerance.class, "sulfamethoxazole").getVerificationStatus()
                .getCodingFirstRep().getCode());
        assertEquals("unconfirmed", named(AllergyIntolerance.class, "codeine").getVerificationStatus()
                .getCodingFirstRep().getCode());
        assertEquals("inactive", named(AllergyIntolerance.class, "amoxicillin").getClinicalStatus()
                .getCodingFirstRep().getCode());
        assertTrue(all(MedicationStatement.class).stream().noneMatch(m -> code(m).getText().equals("penicillin")));
    }

    @Test
    void mapsProcedureAndLabStatuses() {
        assertEquals("completed", named(Procedure.class, "Appendectomy").getStatus().toCode());
        assertEquals("not-done", named(Procedure.class, "Colonoscopy").getStatus().toCode());
        assertEquals("preparation", named(Procedure.class, "MRI of brain").getStatus().toCode());
        assertEquals("unknown", named(Procedure.class, "Biopsy").getStatus().toCode());
        assertEquals("completed", named(Procedure.class, "Cholecystectomy").getStatus().toCode());
        Observation a1c = named(Observation.class, "Hemoglobin A1c");
        assertEquals("unknown", a1c.getStatus().toCode());
        assertFalse(a1c.hasValue());
        assertEquals(1, all(Observation.class).size(), "negated and hypothetical labs are omitted");
    }

    @Test
    void groupsFamilyFindingsByRelativeNamedInTheCue() {
        Map<String, List<String>> byRelative = new TreeMap<>();
        for (FamilyMemberHistory f : all(FamilyMemberHistory.class)) {
            List<String> names = new ArrayList<>();
            f.getCondition().forEach(c -> names.add(c.getCode().getText()));
            byRelative.put(f.getRelationship().getCodingFirstRep().getCode(), names);
        }
        assertEquals(Map.of(
                "MTH", List.of("Breast cancer", "Hypertension"),
                "FAMMEMB", List.of("Asthma"),
                "SIS", List.of("Systemic lupus erythematosus"),
                "FTH", List.of("Fracture of neck of femur")), byRelative);
        FamilyMemberHistory sister = all(FamilyMemberHistory.class).stream()
                .filter(f -> f.getRelationship().getCodingFirstRep().getCode().equals("SIS")).findFirst().get();
        assertTrue(sister.getConditionFirstRep().hasNote(), "possible is noted");
    }

    @Test
    void usesTheMedsiftSystemForConceptsWithoutCodes() {
        Condition swelling = named(Condition.class, "Swelling");
        assertEquals(CodeSystems.MEDSIFT, swelling.getCode().getCodingFirstRep().getSystem());
        assertEquals("medsift:fnd_swelling", swelling.getCode().getCodingFirstRep().getCode());
    }

    @Test
    void listsEveryUnmappedMentionWithItsReason() {
        Map<String, FhirMapping.Reason> byText = new TreeMap<>();
        for (FhirMapping.Omission o : mapping.omissions()) {
            byText.put(doc.text().cover(o.mention().start(), o.mention().end()), o.reason());
        }
        assertEquals(FhirMapping.Reason.HYPOTHETICAL, byText.get("vomiting"));
        assertEquals(FhirMapping.Reason.CONDITIONAL, byText.get("Chest pain"));
        assertEquals(FhirMapping.Reason.OTHER_EXPERIENCER, byText.get("influenza"));
        assertEquals(FhirMapping.Reason.NEGATED_FAMILY_HISTORY, byText.get("colon cancer"));
        assertEquals(FhirMapping.Reason.FAMILY_NOT_CONDITION, byText.get("metformin"));
        assertEquals(FhirMapping.Reason.NEGATED_LAB, byText.get("troponin"));
        assertEquals(FhirMapping.Reason.HYPOTHETICAL, byText.get("lipid panel"));
        for (String unmapped : List.of("left arm", "Pacemaker", "tobacco", "Blood pressure", "great")) {
            assertEquals(FhirMapping.Reason.UNMAPPED_GROUP, byText.get(unmapped), unmapped);
        }
        int resources = mapping.bundle().getEntry().size() - 2;
        int mentions = doc.require(org.medsift.core.text.Layers.CONCEPTS).size();
        int ranges = 0;
        for (Bundle.BundleEntryComponent e : mapping.bundle().getEntry()) {
            if (e.getResource() instanceof FamilyMemberHistory) {
                for (FamilyMemberHistory.FamilyMemberHistoryConditionComponent c
                        : ((FamilyMemberHistory) e.getResource()).getCondition()) {
                    ranges += c.getExtensionsByUrl(MedsiftFhir.SOURCE_TEXT_RANGE).size();
                }
            } else if (!(e.getResource() instanceof DocumentReference || e.getResource() instanceof Patient)) {
                ranges += ranges((DomainResource) e.getResource()).size();
            }
        }
        assertTrue(resources > 0);
        assertEquals(mentions, ranges + mapping.omissions().size(), "every mention is mapped or omitted");
    }

    @Test
    void sameDocumentGivesTheSameBundle() {
        String a = FhirOutput.toJson(FhirMapper.create().toBundle(Fixtures.everyKind()), false);
        String b = FhirOutput.toJson(FhirMapper.create().toBundle(Fixtures.everyKind()), false);
        assertEquals(a, b);
        String other = FhirOutput.toJson(FhirMapper.create().toBundle(
                HandBuiltDocument.note("another-note", Fixtures.NOTE).sentencesEndAtLineBreaks().build()), false);
        assertNotEquals(a.substring(0, 200), other.substring(0, 200));
    }

    @Test
    void externalPatientIsReferencedNotIncluded() {
        Bundle b = FhirMapper.create().toBundle(doc, PatientRef.external("Patient/123"));
        assertTrue(b.getEntry().stream().noneMatch(e -> e.getResource() instanceof Patient));
        Condition c = (Condition) b.getEntry().stream().filter(e -> e.getResource() instanceof Condition)
                .findFirst().get().getResource();
        assertEquals("Patient/123", c.getSubject().getReference());
    }

    @Test
    void documentWithoutConceptsGivesDocumentAndPatientOnly() {
        Document empty = new Document(Text.of("empty-1", ""));
        empty.freeze();
        FhirMapping m = FhirMapper.create().map(empty, PatientRef.inBundle("p2"));
        assertEquals(2, m.bundle().getEntry().size());
        assertTrue(m.omissions().isEmpty());
    }

    @Test
    void defaultPatientIdIsItsFullUrlUuid() {
        Bundle b = FhirMapper.create().toBundle(doc);
        Bundle.BundleEntryComponent p = b.getEntry().get(1);
        assertEquals("urn:uuid:" + p.getResource().getIdElement().getIdPart(), p.getFullUrl());
    }

    @Test
    void patientIdMustBeAFhirId() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PatientRef.inBundle("John Smith"));
    }
}
