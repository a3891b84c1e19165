package org.medsift.io.doc;

import java.util.Locale;
import java.util.Optional;

/** Finds the document reader for a format name, a MIME type or a file's first bytes. */
public final class DocumentReaders {
    /** The DOCX MIME type. */
    public static final String DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private DocumentReaders() {
    }

    /** The reader of {@code pdf}, {@code docx} or {@code rtf}; empty for any other name. */
    public static Optional<DocumentReader> forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case PdfReader.FORMAT -> Optional.of(PdfReader.create());
            case DocxReader.FORMAT -> Optional.of(DocxReader.create());
            case RtfReader.FORMAT -> Optional.of(RtfReader.create());
            default -> Optional.empty();
        };
    }

    /**
     * The reader for a MIME type ({@code application/pdf}, the DOCX type, {@code application/rtf},
     * {@code text/rtf}; parameters such as {@code ;charset=} ignored); empty for any other type.
     */
    public static Optional<DocumentReader> forContentType(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        t = (semi >= 0 ? t.substring(0, semi) : t).trim();
        return switch (t) {
            case "application/pdf" -> forFormat(PdfReader.FORMAT);
            case DOCX_MIME -> forFormat(DocxReader.FORMAT);
            case "application/rtf", "text/rtf" -> forFormat(RtfReader.FORMAT);
            default -> Optional.empty();
        };
    }

    /** The reader whose format the content shows ({@code %PDF-}, a zip with {@code word/document.xml}, {@code {\rtf}). */
    public static Optional<DocumentReader> sniff(byte[] bytes) {
        if (PdfReader.sniff(bytes)) {
            return forFormat(PdfReader.FORMAT);
        }
        if (DocxReader.sniff(bytes)) {
            return forFormat(DocxReader.FORMAT);
        }
        if (RtfReader.sniff(bytes)) {
            return forFormat(RtfReader.FORMAT);
        }
        return Optional.empty();
    }
}
