package org.medsift.io.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.TextPiece;

class PdfReaderTest {
    @Test
    void mapsEachPageToItsCharRange() {
        byte[] pdf = DocFixtures.pdf("Page one: chest pain.", "Page two: metformin 500 mg.\nSecond line.",
                "Page three.");
        ReadResult r = PdfReader.create().read("note.pdf", pdf);
        assertEquals("pdf", r.format());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        RecordText t = r.texts().get(0);
        assertEquals(3, t.pieces().size());
        String[] expected = {"Page one: chest pain.", "Page two: metformin 500 mg.\nSecond line.", "Page three."};
        for (int i = 0; i < 3; i++) {
            TextPiece p = t.pieces().get(i);
            assertEquals("page[" + (i + 1) + "]", p.source().path());
            assertEquals("note.pdf", p.source().file());
            assertEquals(expected[i], t.content().substring(p.start(), p.end()));
        }
        int at = t.content().indexOf("metformin");
        assertTrue(t.pieces().get(1).start() <= at && at < t.pieces().get(1).end(), "finding offset on page 2");
        assertEquals("PDF, 3 pages", t.title());
    }

    @Test
    void keepsAnEmptyRangeForAPageWithoutText() {
        ReadResult r = PdfReader.create().read("scan.pdf", DocFixtures.pdf("Text page.", "", "Last page."));
        RecordText t = r.texts().get(0);
        assertEquals(3, t.pieces().size());
        assertEquals(t.pieces().get(1).start(), t.pieces().get(1).end());
        assertEquals("Last page.", t.content().substring(t.pieces().get(2).start(), t.pieces().get(2).end()));
        assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("PDF-0006") && p.where().path().equals("page[2]")),
                r.problems().toString());
    }

    @Test
    void readsAPdfEncryptedWithAnOwnerPasswordOnly() {
        ReadResult r = PdfReader.create().read("owner.pdf", DocFixtures.encryptedPdf("", "Opens without a password."));
        assertEquals("Opens without a password.", r.texts().get(0).content());
        assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("PDF-0002")
                && p.severity() == org.medsift.core.problem.Severity.INFO), r.problems().toString());
    }

    @Test
    void sniffsTheHeaderNotTheName() {
        assertTrue(PdfReader.sniff(DocFixtures.pdf("x")));
        assertTrue(PdfReader.sniff("\r\n%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PdfReader.sniff("{\\rtf1 x}".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PdfReader.sniff(new byte[0]));
    }
}
