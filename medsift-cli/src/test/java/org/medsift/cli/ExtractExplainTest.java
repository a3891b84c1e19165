package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractExplainTest {
    @Test
    void writesExplanationPerDocumentNamingTriggerScopeAndRule(@TempDir Path dir) throws IOException {
        Path note = dir.resolve("note1.txt");
        Files.writeString(note, "The patient denies chest pain. Mother had breast cancer.\n");
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", note.toString(), "--out", out.toString(), "--format", "json",
                "--explain", "--no-progress", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        String explain = Files.readString(out.resolve("note1.explain.txt"));
        assertTrue(explain.startsWith("# note1"), explain);
        assertTrue(explain.contains("\"chest pain\""), explain);
        assertTrue(explain.contains(" negated/recent/patient"), explain);
        assertTrue(explain.contains("    NEGATED 'denies' [12,18) scope [18,29) \" chest pain\" context-rules.tsv:"),
                explain);
        assertTrue(explain.contains("/family"), explain);
        assertTrue(explain.contains("    FAMILY 'mother' "), explain);
    }

    @Test
    void writesNoExplanationWithoutTheOption(@TempDir Path dir) throws IOException {
        Path note = dir.resolve("note1.txt");
        Files.writeString(note, "The patient denies chest pain.\n");
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("extract", note.toString(), "--out", out.toString(), "--format", "json",
                "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".explain.txt")));
        }
    }
}
