package org.medsift.app.ingest;

import java.util.Locale;
import java.util.Optional;
import org.medsift.io.ccda.CcdaReader;
import org.medsift.io.doc.DocxReader;
import org.medsift.io.doc.PdfReader;
import org.medsift.io.doc.RtfReader;
import org.medsift.io.fhir.FhirReader;
import org.medsift.io.hl7v2.Hl7v2Reader;

/** An input format the ingest reads. */
public enum SourceFormat {
    HL7V2("hl7v2"), FHIR("fhir"), CCDA("ccda"), PDF("pdf"), DOCX("docx"), RTF("rtf");

    private final String cliName;

    SourceFormat(String cliName) {
        this.cliName = cliName;
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

    /** True for the document formats (PDF, DOCX, RTF): one text each, no patient or structured entries. */
    public boolean isDocument() {
        return this == PDF || this == DOCX || this == RTF;
    }

    /**
     * The format of a file from its content, not its name; empty when none matches. Give the whole file: a DOCX is
     * recognized by the zip's directory, at its end (the other formats look at the first 4 KiB only).
     */
    public static Optional<SourceFormat> sniff(byte[] head) {
        if (PdfReader.sniff(head)) {
            return Optional.of(PDF);
        }
        if (DocxReader.sniff(head)) {
            return Optional.of(DOCX);
        }
        if (RtfReader.sniff(head)) {
            return Optional.of(RTF);
        }
        if (Hl7v2Reader.sniff(head)) {
            return Optional.of(HL7V2);
        }
        if (CcdaReader.sniff(head)) {
            return Optional.of(CCDA);
        }
        if (FhirReader.sniff(head)) {
            return Optional.of(FHIR);
        }
        return Optional.empty();
    }
}
