package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "notes");

    @Test
    void extractsExampleNotesInAllFourFormats(@TempDir Path out) throws IOException {
        CliRunner.Result r = CliRunner.run("extract", EXAMPLES.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        long notes;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            notes = s.filter(p -> p.toString().endsWith(".txt")).count();
        }
        for (String suffix : List.of(".json", ".fhir.json", ".note_nlp.csv", ".ann", ".txt")) {
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(notes, s.filter(p -> p.getFileName().toString().endsWith(suffix)
                        && !(suffix.equals(".json") && p.toString().endsWith(".fhir.json"))).count(), suffix);
            }
        }
        String json = Files.readString(out.resolve("discharge-summary-chf.json"));
        assertTrue(json.contains("\"preferredName\""), "findings in JSON");
        assertTrue(r.out().contains("documents: " + notes), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("throughput: ") && l.contains("MB/s")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("findings.disorder: ")), r.out());
    }

    @Test
    void readsStandardInputAsOneDocument(@TempDir Path out) throws IOException {
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Patient denies chest pain. History of asthma."
                    .getBytes(StandardCharsets.UTF_8)));
            CliRunner.Result r = CliRunner.run("extract", "-", "--out", out.toString(), "--format", "json");
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        } finally {
            System.setIn(old);
        }
        String json = Files.readString(out.resolve("stdin.json"));
        assertTrue(json.contains("asthma"), json);
    }

    @Test
    void reportsBadInputsAndStillProcessesTheRest(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "No fever. Diagnosed with pneumonia.");
        Files.write(in.resolve("binary.txt"), new byte[] {0x50, 0, 1, 2, 0, 0x4b, 3, 4});
        Files.write(in.resolve("latin1.txt"), "Na\u00efve patient with asthma".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(in.resolve("huge.txt").toFile(), "rw")) {
            f.setLength(50L << 20);  // 50 MB: over the default 16 MiB document limit
        }
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", in.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("TEXT-0003") && r.err().contains("binary.txt"), r.err());
        assertTrue(r.err().contains("TEXT-0002") && r.err().contains("latin1.txt"), r.err());
        assertTrue(r.err().contains("TEXT-0001") && r.err().contains("empty.txt"), r.err());
        assertTrue(r.err().contains("TEXT-0004") && r.err().contains("huge.txt"), r.err());
        assertTrue(r.out().contains("documents: 3"), r.out());
        assertTrue(r.out().contains("failed: 2"), r.out());
        assertTrue(Files.exists(out.resolve("good.json")));
        assertTrue(Files.readString(out.resolve("latin1.json")).contains("asthma"));
        String problems = Files.readString(out.resolve("problems.tsv"));
        assertTrue(problems.contains("TEXT-0004"), problems);
        assertFalse(r.err().contains("Na\u00efve"), "no document text in error output");
    }

    @Test
    void exitsWithProblemsCodeUnderStrict(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "No fever.");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        CliRunner.Result r = CliRunner.run("extract", in.toString(), "--out", dir.resolve("out").toString(),
                "--strict", "--format", "json");
        assertEquals(ExitCodes.PROBLEMS, r.exitCode(), r.err());
    }

    @Test
    void failsWhenNothingCouldBeProcessed(@TempDir Path dir) throws IOException {
        Path bin = dir.resolve("x.txt");
        Files.write(bin, new byte[] {0, 0, 0, 1});
        CliRunner.Result r = CliRunner.run("extract", bin.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode());
    }

    @Test
    void rejectsUnknownFormatNamingTheAllowedOnes(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("extract", EXAMPLES.toString(), "--out", dir.toString(), "--format",
                "json,xml");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("'xml'") && r.err().contains("note-nlp"), r.err());
    }

    @Test
    void rejectsMissingInputAsUsageError(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("extract", dir.resolve("nope").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void rejectsUnknownOptionAsUsageError() {
        CliRunner.Result r = CliRunner.run("extract", "--bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode());
    }
}
