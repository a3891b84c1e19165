package org.medsift.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsift.app.Extraction;
import org.medsift.core.problem.Problem;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.TextPiece;
import org.medsift.fhir.FhirOutput;

/**
 * End to end, one synthetic input per format: what {@code medsift ingest} reads (format, units, records, texts with
 * their structure maps, problems) and the per-patient Bundles it writes, compared line by line with the committed
 * {@code fixtures/ingest/<case>.expected.json}. Volatile values are normalized: UUIDs become {@code uuid-N} in order
 * of first appearance (so references still have to match each other), {@code timestamp} / {@code lastUpdated}
 * become {@code <time>}.
 *
 * <p>Regenerate after an intended change (extraction, mapping), then review the diff before committing:
 * <pre>
 * mvn -o -q -pl medsift-app -am test -Dtest=IngestGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmedsift.golden.update=true
 * </pre>
 */
class IngestGoldenTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/ingest");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\"(timestamp|lastUpdated)\"\\s*:\\s*\"[^\"]*\"");
    private static Ingest ingest;

    @BeforeAll
    static void setUp() {
        ingest = Ingest.create(Extraction.builder().build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"oru-note.hl7", "fhir-bundle.json", "ccd-small.xml", "discharge-note.pdf",
            "clinic-letter.docx", "progress-note.rtf"})
    void matchesItsGoldenFile(String name) throws IOException {
        Ingest.Read read = ingest.read(name, Files.readAllBytes(DIR.resolve(name)), Optional.empty());
        String actual = render(name, read, ingest.assemble(List.of(read)));
        Path golden = DIR.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
        if (Boolean.getBoolean("medsift.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            System.out.println("golden file written: " + golden);
            return;
        }
        assertTrue(Files.isRegularFile(golden), golden + " is missing; write it with -Dmedsift.golden.update=true");
        String[] want = Files.readString(golden, StandardCharsets.UTF_8).split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            assertEquals(want[i], got[i], name + ": first difference at line " + (i + 1) + " of " + golden
                    + " (intended? regenerate with -Dmedsift.golden.update=true and review the diff)");
        }
        assertEquals(want.length, got.length, name + ": line count differs from " + golden);
    }

    static String render(String name, Ingest.Read read, List<Ingest.PatientBundle> bundles) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"file\": ").append(quote(name)).append(",\n");
        sb.append("  \"format\": ").append(quote(read.format().map(SourceFormat::cliName).orElse("unknown"))).append(",\n");
        sb.append("  \"units\": ").append(read.result().units()).append(",\n");
        sb.append("  \"records\": ").append(read.result().entries().size() + read.resources().size()).append(",\n");
        sb.append("  \"texts\": [");
        String sep = "\n";
        for (RecordText t : read.result().texts()) {
            sb.append(sep).append("    {\"id\": ").append(quote(t.id())).append(", \"chars\": ").append(t.content().length())
                    .append(", \"pieces\": [");
            String ps = "";
            for (TextPiece p : t.pieces()) {
                sb.append(ps).append(quote(p.source().path() + "=[" + p.start() + "," + p.end() + ")"));
                ps = ", ";
            }
            sb.append("]}");
            sep = ",\n";
        }
        sb.append(read.result().texts().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"problems\": [");
        sep = "\n";
        for (Problem p : read.result().problems()) {
            sb.append(sep).append("    ").append(quote(p.code() + " " + p.severity() + " " + p.where().path() + ": "
                    + p.message()));
            sep = ",\n";
        }
        sb.append(read.result().problems().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"bundles\": [");
        sep = "\n";
        for (Ingest.PatientBundle b : bundles) {
            sb.append(sep).append("    {\"structured\": ").append(b.structured()).append(", \"findings\": ")
                    .append(b.findings()).append(", \"duplicates\": ").append(b.duplicates()).append(", \"bundle\":\n")
                    .append(FhirOutput.toJson(b.bundle(), true)).append("}");
            sep = ",\n";
        }
        sb.append("\n  ]\n}\n");
        return normalize(sb.toString());
    }

    /** UUIDs to {@code uuid-N} by first appearance, generated times to {@code <time>}. */
    static String normalize(String json) {
        Map<String, String> ids = new HashMap<>();
        Matcher m = UUID.matcher(json);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, ids.computeIfAbsent(m.group(), k -> "uuid-" + (ids.size() + 1)));
        }
        m.appendTail(sb);
        return TIME.matcher(sb).replaceAll("\"$1\": \"<time>\"");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
