package org.medsift.app.ingest;

import java.util.Locale;
import java.util.Optional;
import org.medsift.io.ccda.CcdaReader;
import org.medsift.io.fhir.FhirReader;
import org.medsift.io.hl7v2.Hl7v2Reader;

/** An input format the ingest reads. */
public enum SourceFormat {
    HL7V2("hl7v2"), FHIR("fhir"), CCDA("ccda");

    private final String cliName;

    SourceFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format named {@code hl7v2}, {@code fhir} or {@code ccda}. */
    public static SourceFormat parse(String name) {
        for (SourceFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected hl7v2, fhir or ccda");
    }

    /** The format of a file from its first bytes (content, not the name); empty when none matches. */
    public static Optional<SourceFormat> sniff(byte[] head) {
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
