package org.medsift.io.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;

/** PDF and RTF attachments of DocumentReference / Binary are extracted by the document readers. */
class DocumentAttachmentTest {
    private static byte[] pdf(String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String page : pages) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    cs.newLineAtOffset(72, 720);
                    cs.showText(page);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String documentReference(String contentType, byte[] data) {
        return "{\"resourceType\":\"DocumentReference\",\"id\":\"d1\",\"status\":\"current\",\"subject\":{\"reference\":"
                + "\"Patient/p1\"},\"content\":[{\"attachment\":{\"contentType\":\"" + contentType + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\"}}]}";
    }

    @Test
    void extractsAPdfAttachmentWithPagesUnderTheAttachmentPath() throws IOException {
        String json = documentReference("application/pdf", pdf("Chest pain on exertion.", "Started aspirin."));
        ReadResult r = FhirReader.create().read("doc.json", json.getBytes(StandardCharsets.UTF_8)).result();
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        RecordText t = r.texts().get(0);
        assertEquals("Patient/p1", t.patientKey());
        assertEquals("Chest pain on exertion.\nStarted aspirin.", t.content());
        assertEquals("DocumentReference/d1.content[0].attachment/page[2]", t.pieces().get(1).source().path());
        assertEquals("Started aspirin.", t.content().substring(t.pieces().get(1).start(), t.pieces().get(1).end()));
    }

    @Test
    void extractsAnRtfBinaryAndLocatesItsProblems() {
        String rtf = "{\\rtf1\\ansi Denies fever.\\par}}";
        String json = "{\"resourceType\":\"Binary\",\"id\":\"b1\",\"contentType\":\"text/rtf\",\"data\":\""
                + Base64.getEncoder().encodeToString(rtf.getBytes(StandardCharsets.US_ASCII)) + "\"}";
        ReadResult r = FhirReader.create().read("bin.json", json.getBytes(StandardCharsets.UTF_8)).result();
        assertEquals("Denies fever.", r.texts().get(0).content());
        assertEquals("Binary/b1/1:30", r.problems().get(0).where().path());
        assertEquals("RTF-0002", r.problems().get(0).code());
    }

    @Test
    void reportsAnEncryptedOrBrokenPdfAttachmentAtItsPath() {
        String json = documentReference("application/pdf", "%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII));
        ReadResult r = FhirReader.create().read("doc.json", json.getBytes(StandardCharsets.UTF_8)).result();
        assertTrue(r.texts().isEmpty());
        assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("PDF-0001")
                && p.where().path().equals("DocumentReference/d1.content[0].attachment")), r.problems().toString());
    }
}
