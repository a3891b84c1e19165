package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    private static final Path SHARED = Path.of("..", "..", "shared", "data");

    private static Path fixture(String name) {
        try {
            return Path.of(EvalCommandTest.class.getResource("/fixtures/eval/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value in column {@code column} (0 = first system) of the measure line {@code label}. */
    private static double measure(String out, String label, int column) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " +(.*)$").matcher(out);
        assertTrue(m.find(), "no line '" + label + "' in\n" + out);
        return Double.parseDouble(m.group(1).trim().split(" +")[column]);
    }

    @Test
    void scoresSyntheticGoldRowsWithConfusionMatrices() {
        CliRunner.Result r = CliRunner.run("eval", "context", "--gold", fixture("context-gold.tsv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("NegEx / ConText kit: 6 rows"), r.out());
        assertEquals(1.0, measure(r.out(), "negated F1", 0));
        assertEquals(1.0, measure(r.out(), "negation accuracy", 0));
        assertEquals(1.0, measure(r.out(), "historical F1", 0));
        assertEquals(1.0, measure(r.out(), "hypothetical F1", 0));
        assertEquals(1.0, measure(r.out(), "experiencer accuracy", 0));
        assertTrue(r.out().contains("family rows right                  1/1"), r.out());
        assertTrue(r.out().contains("confusion matrices, medsift (rows: gold, columns: system)"), r.out());
        assertTrue(r.out().matches("(?s).*\n  negated +0 +2 +0\n.*"), r.out());
    }

    @Test
    void scoresReferenceOutputsSideBySideWithTheSameScorer() {
        CliRunner.Result r = CliRunner.run("eval", "context", "--gold", fixture("context-gold.tsv").toString(),
                "--reference", fixture("context-reference.tsv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*measure +medsift +sysa +sysb\n.*"), r.out());
        // sysa marks one affirmed row negated: P 2/3, R 1; sysb misses one of two negated rows: P 1, R 1/2
        assertEquals(0.6667, measure(r.out(), "negated precision", 1), 1e-4);
        assertEquals(0.5, measure(r.out(), "negated recall", 2), 1e-4);
        assertEquals(1.0, measure(r.out(), "historical F1", 1));
        assertTrue(r.out().matches("(?s).*\nhistorical F1 +1\\.0000 +1\\.0000 +-\n.*"), "sysb has no temporality");
        assertTrue(r.out().contains("confusion matrices, sysb"), r.out());
    }

    @Test
    void appliesSiteRules(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site.tsv");
        Files.write(site, List.of("denies\tPSEUDO\t-\t-"));
        CliRunner.Result r = CliRunner.run("eval", "context", "--gold", fixture("context-gold.tsv").toString(),
                "--rules", site.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0.5, measure(r.out(), "negated recall", 0), 1e-4);
    }

    @Test
    void writesDisagreementsWithCues(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site.tsv");
        Files.write(site, List.of("denies\tPSEUDO\t-\t-"));
        Path errors = dir.resolve("errors.tsv");
        CliRunner.Result r = CliRunner.run("eval", "context", "--gold", fixture("context-gold.tsv").toString(),
                "--rules", site.toString(), "--errors", errors.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(errors);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("1\tnegated/recent/patient\taffirmed/recent/patient\t-\t"), lines.get(1));
    }

    @Test
    void scoresLctBratSpans() {
        CliRunner.Result r = CliRunner.run("eval", "context", "--lct", fixture("lct").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 documents, 3 spans"), r.out());
        assertTrue(r.out().matches("(?s).*\nnegated +1\\.0000 +1\\.0000 +1\\.0000 +1 +1 +0\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\npossible +1\\.0000 +1\\.0000 +1\\.0000 +1 +1 +0\n.*"), r.out());
    }

    @Test
    void parsesBratNegationAndAssertionEvents() {
        EvalCommand.Brat b = EvalCommand.Brat.parse(List.of(
                "T1\tCondition 0 6\tstroke", "T2\tDrug 10 15;20 25\tx y", "T3\tNegation 30 32\tno",
                "T4\tAssertion 40 45\tmaybe", "E1\tCondition:T1", "E2\tDrug:T2", "E3\tNegation:T3 Negates:E1 Negates2:E2",
                "E4\tAssertion:T4 Asserted:E2", "A1\tAssertion-Type-Value E4 hypothetical"));
        assertEquals(2, b.targets().size());
        assertEquals(new EvalCommand.Brat.Span("E1", 0, 6, true, false, false), b.targets().get(0));
        assertEquals(new EvalCommand.Brat.Span("E2", 10, 25, true, true, false), b.targets().get(1));
    }

    @Test
    void failsWithUsageErrorWithoutGoldOrLct() {
        CliRunner.Result r = CliRunner.run("eval", "context");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("give --gold FILE and/or --lct DIR"), r.err());
        CliRunner.Result missing = CliRunner.run("eval", "context", "--gold", "no-such-file.tsv");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--gold file not found"), missing.err());
    }

    /** The targets on the NegEx / ConText dev rows, through the command line (issue 3). */
    @Test
    void meetsTargetsOnNegexDevRowsThroughTheCli() {
        Path dev = SHARED.resolve("negex").resolve("dev.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(dev), "NegEx dev set not found at " + dev.toAbsolutePath()
                + " (the shared data folder is a sibling of the repository); skipping");
        CliRunner.Result r = CliRunner.run("eval", "context", "--gold", dev.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(measure(r.out(), "negated F1", 0) >= 0.98, r.out());
        assertTrue(measure(r.out(), "negation accuracy", 0) >= 0.99, r.out());
        assertTrue(measure(r.out(), "historical F1", 0) >= 0.80, r.out());
        assertTrue(measure(r.out(), "hypothetical F1", 0) >= 0.95, r.out());
        assertTrue(measure(r.out(), "recent F1", 0) >= 0.95, r.out());
        assertTrue(measure(r.out(), "experiencer accuracy", 0) >= 0.998, r.out());
        Matcher family = Pattern.compile("family rows right +(\\d+)/(\\d+)").matcher(r.out());
        assertTrue(family.find());
        assertEquals(family.group(2), family.group(1), "every family row right");
    }

    @Test
    void scoresLctDevFolderWhenPresent() {
        Path lct = SHARED.resolve("lct");
        Assumptions.assumeTrue(Files.isDirectory(lct), "LCT folder not found at " + lct.toAbsolutePath()
                + "; skipping");
        CliRunner.Result r = CliRunner.run("eval", "context", "--lct", lct.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Leaf Clinical Trials:"), r.out());
        assertTrue(measure(r.out(), "negated", 2) > 0.4, r.out()); // a floor under the figure in evaluation.md
    }
}
