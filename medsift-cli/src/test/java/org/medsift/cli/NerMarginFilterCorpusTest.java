package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default pipeline with its shipped models on NCBI-disease train (a corpus the BC5CDR model never saw, and the
 * set the margin filter was tuned on; docs/evaluation.md), when {@code ../shared/data} has it: the models find more
 * gold diseases than the lexicon alone, precision falls by at most 2 points, and the margin filter is what keeps it
 * there. A few seconds.
 */
class NerMarginFilterCorpusTest {
    private static final Path TRAIN = Path.of("..", "..", "shared", "data", "ncbi-disease", "original-data", "train",
            "NCBItrainset_corpus.txt");
    private static final String MAP = "SpecificDisease=Disease,Modifier=Disease,DiseaseClass=Disease,"
            + "CompositeMention=Disease";

    /** Exact precision and recall of the Disease row. */
    private static double[] score(String... nerOptions) {
        String[] base = {"eval", "ner", "--pipeline", "--groups", "DISORDER=Disease", "--gold", TRAIN.toString(),
                "--format", "pubtator", "--map", MAP};
        String[] args = new String[base.length + nerOptions.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(nerOptions, 0, args, base.length, nerOptions.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].equals("Disease")) {
                return new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])};
            }
        }
        throw new AssertionError("no Disease row in " + r.out());
    }

    @Test
    void modelsFindMoreWithPrecisionWithinTwoPointsOnlyWithTheFilter() {
        assumeTrue(Files.isRegularFile(TRAIN), "NCBI-disease not in ../shared/data");
        double[] lexicon = score("--no-ner-model");
        double[] filtered = score();
        double[] unfiltered = score("--ner-min-margin", "0");
        assertTrue(filtered[1] > lexicon[1] + 0.03, "recall " + filtered[1] + " vs lexicon " + lexicon[1]);
        assertTrue(filtered[0] >= lexicon[0] - 0.02, "precision " + filtered[0] + " vs lexicon " + lexicon[0]);
        assertTrue(unfiltered[0] < lexicon[0] - 0.02,
                "without the filter precision falls more than 2 points: " + unfiltered[0] + " vs " + lexicon[0]);
        assertTrue(unfiltered[1] >= filtered[1], "the filter only removes spans");
    }
}
