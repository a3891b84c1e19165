package org.medsift.io.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ReadResult;

/**
 * Reads the text layer of a PDF with Apache PDFBox, page by page. Immutable and thread-safe (one PDFBox document
 * per read).
 *
 * <pre>{@code
 * ReadResult r = PdfReader.create().read("discharge.pdf", bytes);
 * RecordText t = r.texts().get(0);   // pages joined by '\n'
 * t.pieces().get(1);                 // page 2: [start, end) in t.content(), path "page[2]"
 * }</pre>
 *
 * <p>Pages are extracted in content-stream order with {@code \n} line ends; trailing white space of a page is
 * dropped. A page without text (a scan) is reported ({@code PDF-0006}, no OCR) and keeps an empty range, so piece
 * {@code i} is always page {@code i + 1}.
 */
public final class PdfReader implements DocumentReader {
    public static final String FORMAT = "pdf";
    /** Largest file read, in bytes (64 MiB). */
    public static final int MAX_BYTES = 64 << 20;
    /** Most pages read; later pages are reported, not read. */
    public static final int MAX_PAGES = 5_000;
    /** Most chars of text kept (16 Mi chars). */
    public static final int MAX_CHARS = 16 << 20;

    private PdfReader() {
    }

    public static PdfReader create() {
        return new PdfReader();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** True when {@code %PDF-} starts the file or appears in its first 1024 bytes (PDF 32000-1, 7.5.2 allows it). */
    public static boolean sniff(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1);
        return s.contains("%PDF-");
    }

    @Override
    public ReadResult read(String file, byte[] bytes) {
        TextBlocks out = new TextBlocks(FORMAT, file, MAX_CHARS);
        if (bytes.length > MAX_BYTES) {
            out.problem("PDF-0005", Severity.ERROR, "", "file of " + bytes.length + " bytes is larger than "
                    + MAX_BYTES + "; not read");
            return out.failed();
        }
        if (!sniff(bytes)) {
            out.problem("PDF-0001", Severity.ERROR, "byte 0", "no '%PDF-' header in the first 1024 bytes (found '"
                    + printable(bytes, 8) + "'); not read");
            return out.failed();
        }
        String tail = new String(bytes, Math.max(0, bytes.length - 1024), Math.min(bytes.length, 1024),
                StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            out.problem("PDF-0003", Severity.WARNING, "byte " + bytes.length, "no '%%EOF' in the last 1024 bytes: the "
                    + "file is truncated; pages are read as far as PDFBox can recover them");
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (doc.isEncrypted()) {
                out.problem("PDF-0002", Severity.INFO, "", "encrypted with an owner password only (no password to "
                        + "open); text extracted");
            }
            if (pages > MAX_PAGES) {
                out.problem("PDF-0007", Severity.ERROR, "page[" + (MAX_PAGES + 1) + "]", "the document has " + pages
                        + " pages; only the first " + MAX_PAGES + " are read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            int n = Math.min(pages, MAX_PAGES);
            for (int p = 1; p <= n && !out.isFull(); p++) {
                String path = "page[" + p + "]";
                String text;
                try {
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    text = stripper.getText(doc).stripTrailing();
                } catch (IOException | RuntimeException e) {
                    // PDFBox signals a broken content stream with IOException or a runtime exception of its
                    // parser; the page is reported (with the exception's type, no content) and the next one read
                    out.problem("PDF-0004", Severity.ERROR, path, "page " + p + " of " + pages + " could not be "
                            + "extracted (" + e.getClass().getSimpleName() + "); it keeps an empty range");
                    text = "";
                }
                if (text.isBlank()) {
                    out.problem("PDF-0006", Severity.INFO, path, "page " + p + " has no text layer (a scanned "
                            + "image?); no OCR is done");
                    text = "";
                }
                out.add(text, path, "PDF-0007");
            }
            return out.result("PDF, " + pages + (pages == 1 ? " page" : " pages"));
        } catch (InvalidPasswordException e) {
            out.problem("PDF-0002", Severity.ERROR, "", "encrypted: a password is needed to open it; not read");
            return out.failed();
        } catch (IOException | RuntimeException e) {
            out.problem("PDF-0001", Severity.ERROR, "", "not readable as PDF (" + e.getClass().getSimpleName() + ": "
                    + shortMessage(e) + "); not read");
            return out.failed();
        }
    }

    static String shortMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.length() > 160 ? m.substring(0, 160) : m;
    }

    /** The first {@code n} bytes with non-printable ones as '.', for problem messages. */
    static String printable(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, bytes.length); i++) {
            int b = bytes[i] & 0xff;
            sb.append(b >= 32 && b < 127 ? (char) b : '.');
        }
        return sb.toString();
    }
}
