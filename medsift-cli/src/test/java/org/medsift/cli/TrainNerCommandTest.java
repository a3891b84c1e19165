package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainNerCommandTest {
    private static final Path SMALL = Path.of("..", "medsift-ml", "src", "test", "resources", "fixtures",
            "pubtator", "small.txt");

    @Test
    void trainsPrintsEpochsWritesAModelAndEvalScoresIt(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("m.model");
        CliRunner.Result r = CliRunner.run("train", "ner", "--train", SMALL.toString(), "--dev", SMALL.toString(),
                "--types", "Chemical,Disease", "--format", "pubtator", "--out", model.toString(), "--epochs", "4",
                "--hash-bits", "16", "--no-lexicon-features");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("epoch    loss  train_acc  dev_F1"), r.out());
        assertTrue(r.out().matches("(?s).*\n +1 +0\\.\\d{4} +0\\.\\d{4} +\\d\\.\\d{4} .*"), r.out());
        assertTrue(Files.size(model) > 0);
        CliRunner.Result e = CliRunner.run("eval", "ner", "--model", model.toString(), "--gold", SMALL.toString(),
                "--format", "pubtator", "--errors", tmp.resolve("err.tsv").toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().matches("(?s).*\nChemical +4 +\\d+ .*\nDisease +4 .*"), e.out());
        assertTrue(e.out().contains("ovl F1"), e.out());
    }

    @Test
    void evalScoresTheLexiconAlone() {
        CliRunner.Result e = CliRunner.run("eval", "ner", "--lexicon-only", "--gold", SMALL.toString(),
                "--format", "pubtator");
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("lexicon only"), e.out());
    }

    @Test
    void anUnknownFormatOrMissingModelIsAUsageError(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("train", "ner", "--train", SMALL.toString(), "--types", "Chemical",
                "--format", "xml", "--out", tmp.resolve("m").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out());
        assertTrue(r.err().contains("unknown format 'xml'"), r.err());
        CliRunner.Result e = CliRunner.run("eval", "ner", "--model", tmp.resolve("none").toString(), "--gold",
                SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.err().contains("--model file not found"), e.err());
    }

    @Test
    void scoresTheDefaultPipelineWithAndWithoutItsEntityModels() {
        CliRunner.Result with = CliRunner.run("eval", "ner", "--pipeline", "--gold", SMALL.toString(), "--format",
                "pubtator");
        assertEquals(ExitCodes.OK, with.exitCode(), with.err());
        assertTrue(with.out().contains("entity models: bc5cdr;"), with.out());
        assertTrue(with.out().contains(",ner,abbreviations,context,"), with.out());
        CliRunner.Result without = CliRunner.run("eval", "ner", "--pipeline", "--no-ner-model", "--gold",
                SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.OK, without.exitCode(), without.err());
        assertTrue(without.out().contains("entity models: none"), without.out());
    }

    @Test
    void entityModelOptionsFailAsUsageErrorsNamingTheValue() {
        CliRunner.Result types = CliRunner.run("eval", "ner", "--pipeline", "--ner-types", "Gene", "--gold",
                SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, types.exitCode());
        assertTrue(types.err().contains("[Gene]"), types.err());
        CliRunner.Result policy = CliRunner.run("eval", "ner", "--pipeline", "--ner-policy", "Disease=first",
                "--gold", SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, policy.exitCode());
        assertTrue(policy.err().contains("unknown policy 'first'"), policy.err());
        CliRunner.Result both = CliRunner.run("eval", "ner", "--pipeline", "--no-ner-model", "--ner-types",
                "Chemical", "--gold", SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        CliRunner.Result margin = CliRunner.run("eval", "ner", "--pipeline", "--ner-min-margin", "-3", "--gold",
                SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, margin.exitCode());
        assertTrue(margin.err().contains("--ner-min-margin") && margin.err().contains("-3"), margin.err());
        CliRunner.Result noModelMargin = CliRunner.run("eval", "ner", "--pipeline", "--no-ner-model",
                "--ner-min-margin", "0", "--gold", SMALL.toString(), "--format", "pubtator");
        assertEquals(ExitCodes.USAGE, noModelMargin.exitCode());
    }

    @Test
    void aFileThatIsNotAModelFailsWithAClearMessage(@TempDir Path tmp) throws IOException {
        Path bogus = Files.writeString(tmp.resolve("bogus.model"), "not a model");
        CliRunner.Result e = CliRunner.run("eval", "ner", "--model", bogus.toString(), "--gold", SMALL.toString(),
                "--format", "pubtator");
        assertEquals(ExitCodes.FAILURE, e.exitCode());
        assertTrue(e.err().contains("not a Medsift NER model"), e.err());
    }

    @Test
    void holdoutChoosesTheEpochsWithoutDevAndRefusesBadCombinations(@TempDir Path tmp) throws IOException {
        Path model = tmp.resolve("h.model");
        CliRunner.Result r = CliRunner.run("train", "ner", "--train", SMALL.toString(), "--types", "Chemical,Disease",
                "--format", "pubtator", "--out", model.toString(), "--epochs", "3", "--hash-bits", "16",
                "--no-lexicon-features", "--holdout", "0.5", "--ensemble", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("pass 2 (final)"), r.out());
        assertTrue(r.out().contains("seed+1"), r.out());
        assertTrue(Files.size(model) > 0);
        CliRunner.Result both = CliRunner.run("train", "ner", "--train", SMALL.toString(), "--dev",
                SMALL.toString(), "--types", "Chemical", "--format", "pubtator", "--out", model.toString(),
                "--holdout", "0.2");
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.out());
        assertTrue(both.err().contains("give --dev or --holdout, not both"), both.err());
        CliRunner.Result ens = CliRunner.run("train", "ner", "--train", SMALL.toString(), "--types", "Chemical",
                "--format", "pubtator", "--out", model.toString(), "--ensemble", "0");
        assertEquals(ExitCodes.USAGE, ens.exitCode(), ens.out());
        assertTrue(ens.err().contains("--ensemble 0 outside 1..16"), ens.err());
    }
}
