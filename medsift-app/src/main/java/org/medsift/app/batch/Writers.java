package org.medsift.app.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.medsift.app.output.BratWriter;
import org.medsift.app.output.ExplanationWriter;
import org.medsift.app.output.JsonWriter;
import org.medsift.app.output.NoteNlpWriter;
import org.medsift.app.output.OutputProvenance;
import org.medsift.core.problem.Problem;
import org.medsift.fhir.FhirMapper;
import org.medsift.fhir.FhirOutput;

/** The per-document file writers of batch extraction, one per {@link OutputFormat}. */
public final class Writers {
    private Writers() {
    }

    /** Writers for the given formats, all stamped with the same provenance. */
    public static Map<OutputFormat, DocumentWriter> forFormats(List<OutputFormat> formats, OutputProvenance provenance) {
        Map<OutputFormat, DocumentWriter> out = new EnumMap<>(OutputFormat.class);
        for (OutputFormat f : formats) {
            out.put(f, create(f, provenance));
        }
        return out;
    }

    private static DocumentWriter create(OutputFormat format, OutputProvenance provenance) {
        switch (format) {
            case JSON: {
                JsonWriter json = JsonWriter.pretty(provenance);
                return (doc, base) -> {
                    StringBuilder b = new StringBuilder(BUFFER);
                    json.write(doc, b);
                    writeFile(base, format.suffix(), b);
                };
            }
            case FHIR: {
                FhirMapper mapper = FhirMapper.builder().timestamp(provenance.timestamp()).build();
                return (doc, base) -> {
                    try (Writer w = open(base, format.suffix())) {
                        FhirOutput.writeJson(mapper.toBundle(doc), w, true);
                    }
                };
            }
            case NOTE_NLP: {
                NoteNlpWriter notes = NoteNlpWriter.builder(provenance).build();
                return (doc, base) -> {
                    StringBuilder b = new StringBuilder(BUFFER);
                    notes.writeHeader(b);
                    notes.write(doc, b);
                    writeFile(base, format.suffix(), b);
                };
            }
            case BRAT: {
                BratWriter brat = BratWriter.create();
                return (doc, base) -> {
                    StringBuilder b = new StringBuilder(BUFFER);
                    brat.write(doc, b);
                    writeFile(base, format.suffix(), b);
                    // brat needs the text beside the annotations, with the same offsets
                    Files.writeString(sibling(base, ".txt"), doc.text().content(), StandardCharsets.UTF_8);
                };
            }
            case EXPLAIN: {
                ExplanationWriter explain = ExplanationWriter.create();
                return (doc, base) -> {
                    StringBuilder b = new StringBuilder(BUFFER);
                    explain.write(doc, b);
                    writeFile(base, format.suffix(), b);
                };
            }
            default:
                throw new IllegalStateException("no writer for " + format);
        }
    }

    /** Initial size of a document's output buffer; a note's JSON is typically 10-60 kB. */
    private static final int BUFFER = 16 * 1024;

    /**
     * Writes a whole output at once. The writers emit many small appends; into a {@code StringBuilder} they cost
     * nothing, while each {@code append} on a {@code BufferedWriter} takes its lock (a fifth of the JSON run's
     * samples in a profile).
     */
    private static void writeFile(Path base, String suffix, CharSequence content) throws IOException {
        Files.writeString(sibling(base, suffix), content, StandardCharsets.UTF_8);
    }

    private static Writer open(Path base, String suffix) throws IOException {
        return Files.newBufferedWriter(sibling(base, suffix), StandardCharsets.UTF_8);
    }

    private static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    /**
     * Writes problems as TSV ({@code document, location, code, severity, message}); the raw value is left out of
     * this summary file (it stays in each document's JSON).
     */
    public static void writeProblems(Path file, List<Problem> problems) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("document\tlocation\tcode\tseverity\tmessage\n");
            for (Problem p : problems) {
                w.write(clean(p.where().documentId()) + "\t" + clean(p.where().path()) + "\t" + p.code() + "\t"
                        + p.severity() + "\t" + clean(p.message()) + "\n");
            }
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
