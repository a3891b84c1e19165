package org.medsift.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offline validation of mapped bundles: zero errors is the bar (DESIGN.md section 7). */
class FhirValidationTest {
    private static FhirValidation validator;

    @BeforeAll
    static void load() {
        validator = FhirValidation.shared();
    }

    @Test
    void bundleWithEveryFindingKindHasNoErrors() {
        Bundle bundle = FhirMapper.create().map(Fixtures.everyKind(), PatientRef.inBundle("p1")).bundle();
        FhirValidation.Report report = validator.validate(bundle);
        assertEquals("", String.join("\n", report.errors().stream().map(Object::toString).toList()));
        // the warnings left are those docs/fhir-mapping.md lists: code systems that cannot be checked offline
        // and the Observation best-practice recommendations
        Set<String> kinds = new TreeSet<>();
        for (FhirValidation.Issue w : report.warnings()) {
            String m = w.message();
            if (m.startsWith("CodeSystem is unknown and can't be validated: ")) {
                kinds.add("unknown-system " + m.substring(46, m.indexOf(" for ")));
            } else if (m.contains("should have a performer")) {
                kinds.add("observation-performer");
            } else if (m.contains("should have an effective[x]")) {
                kinds.add("observation-effective");
            } else {
                kinds.add("UNEXPECTED " + w);
            }
        }
        assertEquals(Set.of("unknown-system http://hl7.org/fhir/sid/icd-10-cm",
                "unknown-system http://www.nlm.nih.gov/research/umls/rxnorm", "unknown-system http://loinc.org",
                "observation-performer", "observation-effective"), kinds);
        assertTrue(validator.validate(FhirOutput.toJson(bundle, false)).isValid(), "the JSON form too");
    }

    @Test
    void defaultPatientBundleAndExternalPatientBundleHaveNoErrors() {
        assertTrue(validator.validate(FhirMapper.create().toBundle(Fixtures.everyKind())).isValid());
        assertTrue(validator.validate(FhirMapper.create().toBundle(Fixtures.everyKind(),
                PatientRef.external("Patient/123"))).isValid());
    }

    @Test
    void reportsErrorsForAnInvalidResource() {
        Condition c = new Condition();
        c.getCode().setText("Fever");
        // subject is required
        assertFalse(validator.validate(c).isValid());
    }

    @Test
    void checksTheSourceTextRangeExtensionAgainstItsDefinition() {
        Bundle bundle = FhirMapper.create().toBundle(Fixtures.everyKind());
        Condition c = (Condition) bundle.getEntry().stream().filter(e -> e.getResource() instanceof Condition)
                .findFirst().get().getResource();
        Extension range = c.getExtensionsByUrl(MedsiftFhir.SOURCE_TEXT_RANGE).get(0);
        range.getExtension().removeIf(x -> x.getUrl().equals("end"));
        range.addExtension("length", new IntegerType(3));
        FhirValidation.Report report = validator.validate(bundle);
        assertFalse(report.isValid(), "a missing 'end' and an unknown 'length' are errors");
    }

    @Test
    void rejectsUnknownExtensions() {
        Bundle bundle = FhirMapper.create().toBundle(Fixtures.everyKind());
        bundle.getEntry().get(2).getResource().getMeta()
                .addExtension(new Extension("https://example.org/unknown", new IntegerType(1)));
        assertFalse(validator.validate(bundle).isValid());
    }
}
