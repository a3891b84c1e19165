package org.medsift.io.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.TextPiece;

class RtfReaderTest {
    private static RecordText read(String rtf) {
        ReadResult r = RtfReader.create().read("n.rtf", rtf.getBytes(StandardCharsets.US_ASCII));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        return r.texts().get(0);
    }

    private static String piece(RecordText t, int i) {
        TextPiece p = t.pieces().get(i);
        return t.content().substring(p.start(), p.end());
    }

    @Test
    void mapsEachParagraphToItsCharRange() {
        RecordText t = RtfReader.create().read("n.rtf", DocFixtures.rtf("First line.", "", "Caf\u00e9 na\u00efve.")).texts().get(0);
        assertEquals(3, t.pieces().size());
        assertEquals("First line.", piece(t, 0));
        assertEquals("", piece(t, 1));
        assertEquals("Caf\u00e9 na\u00efve.", piece(t, 2));
        assertEquals("paragraph[3]", t.pieces().get(2).source().path());
        assertFalse(t.content().contains("Helvetica") || t.content().contains("Synthetic"), "tables and info skipped");
    }

    @Test
    void decodesUnicodeWithFallbackCodePagesAndSymbols() {
        RecordText t = read("{\\rtf1\\ansi\\ansicpg1251\\uc1 \\'c0\\'e1 \\u945?-blocker\\tab x\\line y\\~z \\{a\\}"
                + "\\emdash\\par}");
        assertEquals("\u0410\u0431 \u03b1-blocker\tx\ny\u00a0z {a}\u2014", piece(t, 0));
        RecordText two = read("{\\rtf1\\uc2\\u8364\\'80\\'80 euro\\par}");
        assertEquals("\u20ac euro", piece(two, 0));
    }

    @Test
    void keepsFieldResultsAndSkipsDestinationsAndBinaryData() {
        RecordText t = read("{\\rtf1{\\field{\\*\\fldinst HYPERLINK \"http://x\"}{\\fldrslt see chart}}"
                + "{\\*\\generator Word;}{\\pict\\bin4 {{{{} after\\par}");
        assertEquals("see chart after", piece(t, 0));
    }

    @Test
    void keepsTextAfterTheLastParAsAParagraph() {
        RecordText t = read("{\\rtf1 one\\par two}");
        assertEquals(2, t.pieces().size());
        assertEquals("two", piece(t, 1));
    }
}
