package org.medsift.io.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.TextPiece;

class DocxReaderTest {
    private static String piece(RecordText t, int i) {
        TextPiece p = t.pieces().get(i);
        return t.content().substring(p.start(), p.end());
    }

    @Test
    void mapsEachParagraphToItsCharRange() {
        ReadResult r = DocxReader.create().read("letter.docx", DocFixtures.docx("Dear colleague,", "",
                "She has asthma & eczema.", "Caf\u00e9 \u2014 \u03b1-blocker"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        RecordText t = r.texts().get(0);
        assertEquals(4, t.pieces().size());
        assertEquals("Dear colleague,", piece(t, 0));
        assertEquals("", piece(t, 1));
        assertEquals("She has asthma & eczema.", piece(t, 2));
        assertEquals("Caf\u00e9 \u2014 \u03b1-blocker", piece(t, 3));
        assertEquals("paragraph[3]", t.pieces().get(2).source().path());
        assertEquals("Dear colleague,\n\nShe has asthma & eczema.\nCaf\u00e9 \u2014 \u03b1-blocker", t.content());
    }

    @Test
    void readsRunsTabsBreaksAndTablesButNotDeletedTextFieldCodesOrFallbacks() {
        String body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
                + "<w:r><w:t>BP</w:t></w:r><w:r><w:tab/><w:t>120/80</w:t><w:br/><w:t>HR 72</w:t></w:r>"
                + "<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>"
                + "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
                + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell A</w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:p><w:r><w:t>Cell B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                + "<w:p><w:r><w:t>Outer</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r>"
                + "<w:t>In a box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r>"
                + "<w:t>In a box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>";
        RecordText t = DocxReader.create().read("t.docx", DocFixtures.docxBody(body)).texts().get(0);
        assertEquals("BP\t120/80\nHR 72", piece(t, 0));
        assertEquals("Cell A", piece(t, 1));
        assertEquals("Cell B", piece(t, 2));
        assertEquals("Outer\nIn a box", piece(t, 3));
        assertEquals(4, t.pieces().size());
        assertFalse(t.content().contains("deleted") || t.content().contains("PAGE"), t.content());
    }

    @Test
    void sniffsAZipThatHoldsWordDocumentXml() {
        assertTrue(DocxReader.sniff(DocFixtures.docx("x")));
        assertFalse(DocxReader.sniff(DocFixtures.zip(Map.of("a.txt", new byte[] {1}))));
        assertFalse(DocxReader.sniff("word/document.xml".getBytes(StandardCharsets.US_ASCII)));
    }
}
