package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeidCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/deid");

    @TempDir
    Path tmp;

    @Test
    void redactsWritesSpansAndReport() throws IOException {
        Path spans = tmp.resolve("spans.tsv");
        CliRunner.Result r = CliRunner.run("deid", FIXTURES.resolve("note.txt").toString(), "--out",
                tmp.resolve("out").toString(), "--spans", spans.toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = Files.readString(tmp.resolve("out/note.txt"));
        assertFalse(out.contains("Ruelas"));
        assertFalse(out.contains("Adeyemi"));
        assertTrue(out.contains("[NAME]") && out.contains("[DATE]") && out.contains("[AGE]"));
        String input = Files.readString(FIXTURES.resolve("note.txt"));
        for (String line : Files.readAllLines(spans)) {
            String[] c = line.split("\t");
            assertEquals("note.txt", c[0]);
            assertTrue(Integer.parseInt(c[2]) <= input.length());
        }
        assertTrue(r.out().contains("documents: 1 processed of 1"));
        assertTrue(r.out().contains("phi.NAME: "));
        assertTrue(r.out().contains("throughput: "));
        assertTrue(Files.exists(tmp.resolve("out/deid-report.txt")));
    }

    @Test
    void surrogatesWithAKeyFileAreStableAndKeyIsNotWritten() throws IOException {
        Path key = tmp.resolve("key");
        Files.writeString(key, "0123456789abcdef-secret-key-bytes", StandardCharsets.UTF_8);
        for (String run : new String[] {"a", "b"}) {
            CliRunner.Result r = CliRunner.run("deid", FIXTURES.resolve("note.txt").toString(), "--out",
                    tmp.resolve(run).toString(), "--mode", "surrogate", "--key-file", key.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("secret"));
        }
        String a = Files.readString(tmp.resolve("a/note.txt"));
        assertEquals(a, Files.readString(tmp.resolve("b/note.txt")));
        assertFalse(a.contains("Ruelas"));
        assertFalse(Files.readString(tmp.resolve("a/deid-report.txt")).contains("secret"));
    }

    @Test
    void rejectsAnUnknownModeAndAShortKey() throws IOException {
        assertEquals(2, CliRunner.run("deid", FIXTURES.resolve("note.txt").toString(), "--out", tmp.toString(),
                "--mode", "blur").exitCode());
        Path key = tmp.resolve("short");
        Files.writeString(key, "short");
        CliRunner.Result r = CliRunner.run("deid", FIXTURES.resolve("note.txt").toString(), "--out", tmp.toString(),
                "--mode", "surrogate", "--key-file", key.toString());
        assertEquals(1, r.exitCode());
        assertFalse(r.err().contains("short\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary.txt", "invalid-utf8.txt", "empty.txt"})
    void reportsBadInputAndGoesOn(String name) {
        CliRunner.Result r = CliRunner.run("deid", FIXTURES.resolve("bad").resolve(name).toString(),
                FIXTURES.resolve("note.txt").toString(), "--out", tmp.resolve("o").toString(), "--strict");
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("problem: TEXT-"), r.out());
        assertTrue(r.out().contains("documents: "), r.out());
    }
}
