package org.medsift.app.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.medsift.io.ccda.CcdaReader;
import org.medsift.io.doc.DocxReader;
import org.medsift.io.doc.PdfReader;
import org.medsift.io.doc.RtfReader;
import org.medsift.io.fhir.FhirReader;
import org.medsift.io.hl7v2.Hl7v2Reader;

/** An input format the ingest reads. */
public enum SourceFormat {
    HL7V2("hl7v2", Hl7v2Reader::sniff), FHIR("fhir", FhirReader::sniff), CCDA("ccda", CcdaReader::sniff),
    PDF("pdf", PdfReader::sniff), DOCX("docx", DocxReader::sniff), RTF("rtf", RtfReader::sniff);

    /**
     * Binary signatures first (they cannot be mistaken for text formats); C-CDA before FHIR, whose XML test (the FHIR
     * namespace anywhere in the first 4 KiB) is the loosest.
     */
    private static final List<SourceFormat> SNIFF_ORDER = List.of(PDF, DOCX, RTF, HL7V2, CCDA, FHIR);

    private final String cliName;
    private final Predicate<byte[]> sniffer;

    SourceFormat(String cliName, Predicate<byte[]> sniffer) {
        this.cliName = cliName;
        this.sniffer = sniffer;
    }

    public String cliName() {
        return cliName;
    }

    /** The format named {@code hl7v2}, {@code fhir}, {@code ccda}, {@code pdf}, {@code docx} or {@code rtf}. */
    public static SourceFormat parse(String name) {
        for (SourceFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected hl7v2, fhir, ccda, pdf, docx "
                + "or rtf");
    }

    /**
     * The format of a file from its content, not its name; empty when none matches. Give the whole file: a DOCX is
     * recognized by the zip's directory, at its end (the other formats look at the first 4 KiB only).
     */
    public static Optional<SourceFormat> sniff(byte[] head) {
        for (SourceFormat f : SNIFF_ORDER) {
            if (f.sniffer.test(head)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
