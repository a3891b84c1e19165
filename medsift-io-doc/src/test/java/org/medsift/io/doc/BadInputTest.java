package org.medsift.io.doc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.problem.Problem;
import org.medsift.core.record.ReadResult;

/**
 * Each malformed file in fixtures/doc/bad (written by {@link DocFixtures#main}) gives its problem with a location,
 * and the text that can be read is still read.
 */
class BadInputTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("truncated.pdf", "PDF-0003", "DISCHARGE SUMMARY"),
                Arguments.of("encrypted.pdf", "PDF-0002", null),
                Arguments.of("header-only.pdf", "PDF-0001", null),
                Arguments.of("not-a-pdf.pdf", "PDF-0001", null),
                Arguments.of("not-docx.zip", "DOCX-0002", null),
                Arguments.of("external-entity.docx", "DOCX-0003", null),
                Arguments.of("huge-entry.docx", "DOCX-0005", null),
                Arguments.of("wrong-encoding.docx", "DOCX-0004", "First paragraph is fine."),
                Arguments.of("truncated.docx", "DOCX-0001", null),
                Arguments.of("bad-entry-name.docx", "DOCX-0001", null),
                Arguments.of("not-well-formed.docx", "DOCX-0004", "Kept paragraph."),
                Arguments.of("unbalanced-close.rtf", "RTF-0002", "Text after the extra brace."),
                Arguments.of("unclosed.rtf", "RTF-0003", "Truncated here"),
                Arguments.of("unknown-codepage.rtf", "RTF-0004", "Caf\u00e9 au lait."),
                Arguments.of("bad-hex.rtf", "RTF-0007", "escape, text kept."),
                Arguments.of("not-rtf.rtf", "RTF-0001", null));
    }

    /** Random bytes behind each format's signature: problems, never an exception; pieces stay inside the text. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pdf", "docx", "rtf"})
    void survivesRandomBytesBehindTheSignature(String format) {
        java.util.Random random = new java.util.Random(7);
        DocumentReader reader = DocumentReaders.forFormat(format).orElseThrow();
        byte[] good = switch (format) {
            case "pdf" -> DocFixtures.pdf(DocFixtures.NOTE_PAGES);
            case "docx" -> DocFixtures.docx("One.", "Two.");
            default -> DocFixtures.rtf("One.", "Two.");
        };
        for (int i = 0; i < 100; i++) {
            byte[] b = good.clone();
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) {
                // keep the first bytes (the signature), damage the rest
                b[8 + random.nextInt(b.length - 8)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                b = java.util.Arrays.copyOf(b, 8 + random.nextInt(b.length - 8));
            }
            ReadResult r = reader.read("random-" + i, b);
            for (var t : r.texts()) {
                for (var p : t.pieces()) {
                    assertTrue(p.end() <= t.content().length() && p.start() <= p.end(), format + " " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsAProblemWithItsLocationAndReadsTheRest(String name, String code, String kept) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/doc/bad/" + name)) {
            bytes = in.readAllBytes();
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        DocumentReader reader = DocumentReaders.forFormat(ext.equals("zip") ? "docx" : ext).orElseThrow();
        ReadResult r = reader.read(name, bytes);
        Problem p = r.problems().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + code + " in " + r.problems()));
        // a PDF that cannot be opened at all (no offset from PDFBox) or needs a password is a whole-file problem
        boolean wholeFile = code.equals("PDF-0002") || (code.equals("PDF-0001") && name.equals("header-only.pdf"));
        assertTrue(wholeFile || !p.where().path().isEmpty(), "location of " + p);
        assertTrue(p.where().documentId().equals(name), "document of " + p);
        if (kept == null) {
            assertTrue(r.texts().isEmpty(), name + " should give no text: " + r.texts());
        } else {
            assertFalse(r.texts().isEmpty(), name + ": nothing read");
            assertTrue(r.texts().get(0).content().contains(kept), name + ": '" + kept + "' not in "
                    + r.texts().get(0).content());
        }
    }
}
