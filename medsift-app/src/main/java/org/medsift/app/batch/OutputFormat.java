package org.medsift.app.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The output formats of batch extraction, with the file suffix each writes per document. */
public enum OutputFormat {
    /** Medsift JSON (docs/json-schema.md): {@code NAME.json}. */
    JSON("json", ".json"),
    /** FHIR R4 Bundle, JSON: {@code NAME.fhir.json}. */
    FHIR("fhir", ".fhir.json"),
    /** OMOP CDM v5.4 NOTE_NLP rows, CSV: {@code NAME.note_nlp.csv}. */
    NOTE_NLP("note-nlp", ".note_nlp.csv"),
    /** brat standoff: {@code NAME.ann} beside a copy of the text {@code NAME.txt}. */
    BRAT("brat", ".ann"),
    /** Assertion decisions with their cues, plain text: {@code NAME.explain.txt} ({@code --explain}). */
    EXPLAIN("explain", ".explain.txt");

    private final String cliName;
    private final String suffix;

    OutputFormat(String cliName, String suffix) {
        this.cliName = cliName;
        this.suffix = suffix;
    }

    public String cliName() {
        return cliName;
    }

    public String suffix() {
        return suffix;
    }

    /**
     * Parses a comma-separated list such as {@code json,fhir}.
     *
     * @throws IllegalArgumentException naming the unknown value and the allowed ones
     */
    public static List<OutputFormat> parseList(String list) {
        List<OutputFormat> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            OutputFormat found = null;
            for (OutputFormat f : values()) {
                if (f.cliName.equals(p) || f.name().toLowerCase(Locale.ROOT).equals(p)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown output format '" + part.trim() + "'; allowed: json, fhir, "
                        + "note-nlp, brat, explain");
            }
            if (!out.contains(found)) {
                out.add(found);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no output format given; allowed: json, fhir, note-nlp, brat, explain");
        }
        return out;
    }
}
