package org.medsift.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medsift.app.Extraction;
import org.medsift.core.record.TextPiece;
import org.medsift.fhir.MedsiftFhir;

/** PDF, DOCX and RTF files (and a FHIR PDF attachment) through ingest: sniffed, extracted, mapped, valid. */
class DocumentIngestTest {
    private static Ingest ingest;

    @BeforeAll
    static void setUp() {
        ingest = Ingest.create(Extraction.builder().build());
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(IngestGoldenTest.DIR.resolve(name));
    }

    @ParameterizedTest
    @CsvSource({"discharge-note.pdf,PDF", "clinic-letter.docx,DOCX", "progress-note.rtf,RTF", "oru-note.hl7,HL7V2",
            "ccd-small.xml,CCDA", "fhir-bundle.json,FHIR"})
    void sniffsTheFormatFromTheContentNotTheName(String name, SourceFormat format) throws IOException {
        assertEquals(Optional.of(format), SourceFormat.sniff(fixture(name)));
    }

    @Test
    void aPdfFindingsRangeNamesItsPage() throws IOException {
        Ingest.Read read = ingest.read("discharge-note.pdf", fixture("discharge-note.pdf"), Optional.empty());
        List<TextPiece> pages = read.result().texts().get(0).pieces();
        Bundle b = ingest.assemble(List.of(read)).get(0).bundle();
        DocumentReference doc = null;
        AllergyIntolerance allergy = null;
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof DocumentReference d) {
                doc = d;
            } else if (e.getResource() instanceof AllergyIntolerance a) {
                allergy = a;
            }
        }
        assertTrue(doc != null && allergy != null, "a DocumentReference and the penicillin allergy");
        assertTrue(doc.getDescription().contains("structure: page[1]=[0," + pages.get(0).end() + ") page[2]=["
                + pages.get(1).start() + "," + pages.get(1).end() + ")"), doc.getDescription());
        Extension range = allergy.getCode().getExtensionByUrl(MedsiftFhir.SOURCE_TEXT_RANGE);
        if (range == null) {
            range = allergy.getExtensionByUrl(MedsiftFhir.SOURCE_TEXT_RANGE);
        }
        int start = ((IntegerType) range.getExtensionByUrl("start").getValue()).getValue();
        int end = ((IntegerType) range.getExtensionByUrl("end").getValue()).getValue();
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertEquals("penicillin", text.substring(start, end).toLowerCase(java.util.Locale.ROOT));
        assertTrue(pages.get(1).start() <= start && end <= pages.get(1).end(), "on page 2: " + start);
    }

    @Test
    void aForcedFormatThatDoesNotFitGivesAProblemNotACrash() throws IOException {
        Ingest.Read read = ingest.read("clinic-letter.docx", fixture("clinic-letter.docx"), Optional.of(SourceFormat.PDF));
        assertEquals("PDF-0001", read.result().problems().get(0).code());
        assertTrue(read.result().texts().isEmpty());
    }

    @Test
    void documentBundlesValidateWithZeroErrors() throws IOException {
        List<String> errors = new ArrayList<>();
        for (String name : List.of("discharge-note.pdf", "clinic-letter.docx", "progress-note.rtf", "fhir-bundle.json")) {
            Ingest.Read read = ingest.read(name, fixture(name), Optional.empty());
            errors.addAll(IngestValidationTest.errors(ingest.assemble(List.of(read))));
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }
}
