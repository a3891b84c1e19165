package org.medsift.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.medsift.fhir.FhirValidation;

/** Per-patient Bundles from HL7 v2, C-CDA and Synthea FHIR validate with zero errors. */
class IngestValidationTest {
    private static Ingest ingest;

    @BeforeAll
    static void setUp() {
        ingest = Ingest.create(Extraction.builder().build());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = IngestValidationTest.class.getResourceAsStream("/fixtures/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<String> errors(List<Ingest.PatientBundle> bundles) {
        List<String> errors = new ArrayList<>();
        for (Ingest.PatientBundle b : bundles) {
            FhirValidation.Report r = FhirValidation.shared().validate(b.bundle());
            r.errors().forEach(e -> errors.add(b.fileId() + ": " + e));
        }
        return errors;
    }

    @Test
    void hl7v2ResultsAndNoteGiveOneValidBundleWithFindings() throws IOException {
        Ingest.Read read = ingest.read("oru-note.hl7", fixture("oru-note.hl7"), Optional.empty());
        assertEquals(Optional.of(SourceFormat.HL7V2), read.format());
        List<Ingest.PatientBundle> bundles = ingest.assemble(List.of(read));
        assertEquals(1, bundles.size());
        Ingest.PatientBundle b = bundles.get(0);
        assertTrue(b.findings() > 0, "text-derived findings");
        List<String> errors = errors(bundles);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void sharedSamplesValidateWithZeroErrors() throws IOException {
        Path data = Path.of("../../shared/data");
        assumeTrue(Files.isDirectory(data.resolve("ccda-examples")), "../shared/data absent: skipped");
        List<Path> files = List.of(
                data.resolve("ccda-examples/Documents/CCD/CCD 2/CCD.xml"),
                data.resolve("ccda-examples/Documents/Discharge Summary/Discharge_Summary.xml"),
                data.resolve("hl7v2-cdc-ti-examples/TN/001_TN_ORU_R01_LRI.hl7"));
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.out.println("absent: " + f);
                continue;
            }
            Ingest.Read read = ingest.read(f.getFileName().toString(), Files.readAllBytes(f), Optional.empty());
            errors.addAll(errors(ingest.assemble(List.of(read))));
        }
        assertTrue(errors.isEmpty(), errors.size() + " errors:\n" + String.join("\n", errors.subList(0, Math.min(40, errors.size()))));
    }
}
