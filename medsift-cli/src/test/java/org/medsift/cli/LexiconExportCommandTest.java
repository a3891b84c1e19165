package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsDefaultLexiconAsCtakesBsv() throws IOException {
        Path bsv = dir.resolve("medsift.bsv");
        Path codes = dir.resolve("codes.tsv");
        CliRunner.Result r = CliRunner.run("lexicon", "export", "--bsv", bsv.toString(), "--codes", codes.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(bsv).stream().filter(l -> !l.startsWith("//")).toList();
        assertTrue(lines.size() > 1000, "lines: " + lines.size());
        for (String l : lines) {
            String[] f = l.split("\\|", -1);
            assertEquals(4, f.length, l);
            assertTrue(f[0].matches("C\\d{7}"), l);
            assertTrue(f[1].matches("T\\d{3}"), l);
            assertTrue(!f[2].isEmpty() && !f[3].isEmpty(), l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.toLowerCase().contains("|asthma|")), "asthma missing");
        assertTrue(r.out().contains("lines: " + lines.size()), r.out());
        assertEquals("cui\ttui\tconcept\tgroup\tcodes", Files.readAllLines(codes).get(0));
    }
}
