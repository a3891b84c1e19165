package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medsift ingest} in-process: exit codes, summary lines, bundles, NDJSON and problems.tsv. */
class IngestCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/ingest");

    @TempDir
    Path tmp;

    private static List<Path> bundles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().matches("patient-[0-9a-f-]{36}\\.fhir\\.json")).sorted()
                    .toList();
        }
    }

    @Test
    void folderOfThreeFormatsGivesOneBundlePerPatientAndASummaryPerFormat() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("ingest", FIXTURES.resolve("oru-note.hl7").toString(),
                FIXTURES.resolve("ccd.xml").toString(), FIXTURES.resolve("patient.json").toString(), "--out",
                out.toString(), "--ndjson");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("hl7v2: files 1, units 1, "), r.out());
        assertTrue(r.out().contains("ccda: files 1, units 1, "), r.out());
        assertTrue(r.out().contains("fhir: files 1, "), r.out());
        assertTrue(r.out().contains("patients: 3"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("findings: [1-9]\\d*")), r.out());
        assertTrue(r.out().contains("duplicates_marked: "), r.out());
        assertTrue(r.out().contains("throughput: "), r.out());
        List<Path> files = bundles(out);
        assertEquals(3, files.size());
        String all = String.join("\n", files.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertTrue(all.contains("\"resourceType\": \"Bundle\"") || all.contains("\"resourceType\":\"Bundle\""));
        assertTrue(all.contains("38341003"), "C-CDA problem kept as a Condition");
        assertTrue(all.contains("2093-3"), "HL7 v2 OBX kept as an Observation");
        assertTrue(all.contains("195967001"), "FHIR Condition kept");
        // no patient data in file names
        files.forEach(p -> assertTrue(!p.toString().contains("Doe") && !p.toString().contains("12345")));
        assertEquals(3, Files.readAllLines(out.resolve("bundles.ndjson")).size());
        assertTrue(Files.exists(out.resolve("problems.tsv")));
    }

    @Test
    void documentsAreSniffedByContentAndCarryTheirStructureMap() throws IOException {
        // the synthetic documents of medsift-app's golden test (written by medsift-io-doc's DocFixtures)
        Path docs = Path.of("../medsift-app/src/test/resources/fixtures/ingest");
        Path out = tmp.resolve("docs");
        CliRunner.Result r = CliRunner.run("ingest", docs.resolve("discharge-note.pdf").toString(),
                docs.resolve("clinic-letter.docx").toString(), docs.resolve("progress-note.rtf").toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("pdf", "docx", "rtf")) {
            assertTrue(r.out().contains(f + ": files 1, units 1, records 0, texts 1, problems 0"), r.out());
        }
        String bundle = Files.readString(bundles(out).get(0));
        assertTrue(bundle.contains("structure: page[1]=[0,"), "PDF page map in the DocumentReference");
        assertTrue(bundle.contains("structure: paragraph[1]=[0,13) paragraph[2]="), "DOCX / RTF paragraph map");

        CliRunner.Result forced = CliRunner.run("ingest", docs.resolve("clinic-letter.docx").toString(), "--format",
                "pdf", "--out", tmp.resolve("forced").toString());
        assertTrue(forced.out().contains("problems.PDF-0001: 1"), forced.out());
        assertTrue(Files.readString(tmp.resolve("forced/problems.tsv")).contains("clinic-letter.docx"));
    }

    @Test
    void badInputIsReportedWithFileAndTheRestIsStillRead() throws IOException {
        Path out = tmp.resolve("bad");
        CliRunner.Result r = CliRunner.run("ingest", FIXTURES.resolve("bad").toString(),
                FIXTURES.resolve("oru-note.hl7").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("unknown: files 1"), r.out());
        assertTrue(r.out().contains("problems.INGEST-0001: 1"), r.out());
        assertTrue(r.err().contains("INGEST-0001") && r.err().contains("plain.txt"), r.err());
        String tsv = Files.readString(out.resolve("problems.tsv"));
        assertTrue(tsv.contains("INGEST-0001") && tsv.contains("plain.txt"), tsv);
        assertTrue(bundles(out).size() >= 2, "the truncated message's patient and the good one");

        CliRunner.Result strict = CliRunner.run("ingest", FIXTURES.resolve("bad").toString(), "--out",
                tmp.resolve("strict").toString(), "--strict");
        assertEquals(ExitCodes.PROBLEMS, strict.exitCode(), strict.out() + strict.err());
    }

    @Test
    void nothingRecognizedFailsAndForcedFormatAndUsageErrorsAreHandled() {
        CliRunner.Result none = CliRunner.run("ingest", FIXTURES.resolve("bad/plain.txt").toString(), "--out",
                tmp.resolve("none").toString());
        assertEquals(ExitCodes.FAILURE, none.exitCode(), none.out());

        CliRunner.Result forced = CliRunner.run("ingest", FIXTURES.resolve("oru-note.hl7").toString(), "--format",
                "hl7v2", "--out", tmp.resolve("forced").toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.out().contains("hl7v2: files 1"), forced.out());

        CliRunner.Result badFormat = CliRunner.run("ingest", FIXTURES.resolve("oru-note.hl7").toString(), "--format",
                "xlsx", "--out", tmp.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, badFormat.exitCode());
        CliRunner.Result missing = CliRunner.run("ingest", tmp.resolve("absent.hl7").toString(), "--out",
                tmp.resolve("y").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
    }
}
