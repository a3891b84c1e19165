package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {
    private static String row(String id, String text, String target) {
        int start = text.indexOf(target);
        return id + "\t" + text + "\t" + start + "\t" + (start + target.length());
    }

    @Test
    void writesOneRowPerInputRowInOrder(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("rows.tsv");
        Files.write(in, List.of(
                "id\ttext\tstart\tend",
                row("1", "The patient denies chest pain.", "chest pain"),
                row("2", "History of myocardial infarction in 2010.", "myocardial infarction"),
                row("3", "Her mother had breast cancer.", "breast cancer"),
                row("4", "Return if you develop fever.", "fever"),
                row("5", "Possible pneumonia in the left lower lobe.", "pneumonia"),
                row("6", "He has a cough.", "cough")));
        CliRunner.Result r = CliRunner.run("context", "--tsv", in.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "1\tnegated\trecent\tpatient",
                "2\taffirmed\thistorical\tpatient",
                "3\taffirmed\trecent\tfamily",
                "4\taffirmed\thypothetical\tpatient",
                "5\tpossible\trecent\tpatient",
                "6\taffirmed\trecent\tpatient"), lines);
    }

    @Test
    void marksMalformedRowsInvalidAndNamesTheLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("rows.tsv");
        Files.write(in, List.of(row("1", "No fever.", "fever"), "2\tshort text\t0\t99", "3\tonly three"));
        CliRunner.Result r = CliRunner.run("context", "--tsv", in.toString());
        assertEquals(ExitCodes.OK, r.exitCode());
        assertEquals(List.of("1\tnegated\trecent\tpatient", "2\tinvalid\tinvalid\tinvalid",
                "3\tinvalid\tinvalid\tinvalid"), r.out().lines().toList());
        assertTrue(r.err().contains("line 2") && r.err().contains("line 3"), r.err());
    }

    @Test
    void explainsTheTriggerWhenAsked(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("rows.tsv");
        Files.write(in, List.of(row("1", "The patient denies chest pain.", "chest pain")));
        CliRunner.Result r = CliRunner.run("context", "--tsv", in.toString(), "--explain");
        String line = r.out().lines().findFirst().orElseThrow();
        assertTrue(line.contains("NEGATED") && line.contains("denies"), line);
    }
}
