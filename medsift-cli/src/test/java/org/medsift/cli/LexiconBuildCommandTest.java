package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.vocab.Lexicon;

class LexiconBuildCommandTest {
    private static Map<String, String> keyValues(String out) {
        Map<String, String> kv = new LinkedHashMap<>();
        out.lines().forEach(l -> {
            int colon = l.indexOf(": ");
            assertTrue(colon > 0, "not key: value: " + l);
            kv.put(l.substring(0, colon), l.substring(colon + 2));
        });
        return kv;
    }

    @Test
    void buildsALexiconFromSyntheticRrfWithProgressAndSummary(@TempDir Path dir) throws Exception {
        CliRunner.Result synth = CliRunner.run("lexicon", "synth", "--out", dir.resolve("umls").toString(),
                "--concepts", "500");
        assertEquals(ExitCodes.OK, synth.exitCode(), synth.err());
        Path tsv = dir.resolve("site.tsv");
        Files.writeString(tsv, "X1\tWard frailty score\tMEDSIFT\tOBSERVATION\n");
        Path out = dir.resolve("big.lex");
        CliRunner.Result r = CliRunner.run("lexicon", "build", "--umls", dir.resolve("umls").toString(), "--tsv",
                tsv.toString(), "--name", "test-lex", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Map<String, String> kv = keyValues(r.out());
        assertEquals("501", kv.get("concepts"));
        assertTrue(Long.parseLong(kv.get("source.umls.dropped.lat_not_in_eng")) > 0, r.out());
        assertEquals("1", kv.get("source.tsv.terms"));
        assertEquals("0", kv.get("problems"));
        assertTrue(r.err().contains("[build] umls done"), r.err());
        Lexicon lex = Lexicon.open(out);
        assertEquals("test-lex", lex.name());
        assertEquals(501, lex.conceptCount());
    }

    @Test
    void reportsInputProblemsAndExitsThreeUnderStrict(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("site.tsv");
        Files.writeString(tsv, "X1\tWard frailty score\tMEDSIFT\tOBSERVATION\nX2\tbad\tICD9\tDISORDER\n");
        CliRunner.Result r = CliRunner.run("lexicon", "build", "--tsv", tsv.toString(), "--strict", "--out",
                dir.resolve("x.lex").toString());
        assertEquals(ExitCodes.PROBLEMS, r.exitCode(), r.err());
        assertTrue(r.err().contains("VOCAB-TSV-0003 site.tsv @ line 2"), r.err());
    }

    @Test
    void refusesABuildWithoutSources(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("lexicon", "build", "--out", dir.resolve("x.lex").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("no source given"), r.err());
    }
}
