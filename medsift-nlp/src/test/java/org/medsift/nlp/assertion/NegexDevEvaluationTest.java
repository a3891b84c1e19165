package org.medsift.nlp.assertion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Assertion;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.nlp.section.SectionDetector;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;

/**
 * Accuracy on the development half of the NegEx / ConText test kit (Chapman et al.; reports 1 to 60, see
 * {@code shared/data/negex/SOURCE.md}): each row's sentence goes through tokenizer, sentences and sections, and
 * {@link ContextAnnotator#assess} labels the given concept span. Prints negation P/R/F1 (class negated), P/R/F1 per
 * temporality class and experiencer accuracy, writes the disagreements to {@code target/negex-dev-errors.tsv}, and
 * fails when a figure drops below its floor (set a little under the figures in docs/evaluation.md). Skipped when
 * the shared data folder is absent.
 */
class NegexDevEvaluationTest {
    private static final Path DEV = Path.of("..", "..", "shared", "data", "negex", "dev.tsv");

    // floors: a little under the figures reported in docs/evaluation.md, so that regressions fail
    private static final double NEGATION_F1_FLOOR = 0.975;
    private static final double HISTORICAL_F1_FLOOR = 0.80;
    private static final double HYPOTHETICAL_F1_FLOOR = 0.94;
    private static final double RECENT_F1_FLOOR = 0.965;
    private static final double EXPERIENCER_ACCURACY_FLOOR = 0.995;

    @Test
    void meetsAccuracyFloorsOnNegexDevRows() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEV), "NegEx dev set not found at " + DEV.toAbsolutePath()
                + " (the shared data folder is a sibling of the repository); skipping the evaluation");
        Pipeline text = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
                .add(new SectionDetector()).build();
        ContextAnnotator context = new ContextAnnotator(ContextRules.defaults());
        List<String> lines = Files.readAllLines(DEV, StandardCharsets.UTF_8);
        String[] temporalities = {"recent", "historical", "hypothetical"};
        Counts negation = new Counts();
        Counts[] temporal = {new Counts(), new Counts(), new Counts()};
        int rows = 0;
        int experiencerRight = 0;
        Path errors = Path.of("target", "negex-dev-errors.tsv");
        Files.createDirectories(errors.getParent());
        try (PrintWriter err = new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
            err.println("row\tgold\tsystem\tcues\tbefore\tconcept\tafter");
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t", -1);
                if (c.length < 9) {
                    continue;
                }
                rows++;
                String sentence = c[3];
                int start = Integer.parseInt(c[4]);
                int end = Integer.parseInt(c[5]);
                Document doc = text.process(Text.of("row-" + c[0], sentence));
                Assertion a = context.assess(doc, start, end);
                String negated = a.negated() ? "negated" : "affirmed";
                String temporality = a.temporality().name().toLowerCase(Locale.ROOT);
                String experiencer = a.experiencer().name().toLowerCase(Locale.ROOT);
                negation.add(c[6].equals("negated"), a.negated());
                for (int t = 0; t < temporalities.length; t++) {
                    temporal[t].add(c[7].equals(temporalities[t]), temporality.equals(temporalities[t]));
                }
                if (c[8].equals(experiencer)) {
                    experiencerRight++;
                }
                String gold = c[6] + "/" + c[7] + "/" + c[8];
                String system = negated + "/" + temporality + "/" + experiencer;
                if (!gold.equals(system)) {
                    StringBuilder cues = new StringBuilder();
                    a.cues().forEach(q -> cues.append(q.category()).append(" '").append(q.trigger()).append("' ")
                            .append(q.rule()).append("; "));
                    err.println(c[0] + "\t" + gold + "\t" + system + "\t" + cues + "\t"
                            + flat(sentence.substring(Math.max(0, start - 100), start)) + "\t"
                            + flat(sentence.substring(start, end)) + "\t"
                            + flat(sentence.substring(end, Math.min(sentence.length(), end + 60))));
                }
            }
        }
        double experiencerAccuracy = experiencerRight / (double) rows;
        System.out.printf(Locale.ROOT, "NegEx dev (%d rows): negation P %.3f R %.3f F1 %.3f%n", rows,
                negation.precision(), negation.recall(), negation.f1());
        for (int t = 0; t < temporalities.length; t++) {
            System.out.printf(Locale.ROOT, "  temporality %-12s P %.3f R %.3f F1 %.3f (gold %d)%n", temporalities[t],
                    temporal[t].precision(), temporal[t].recall(), temporal[t].f1(), temporal[t].gold());
        }
        System.out.printf(Locale.ROOT, "  experiencer accuracy %.4f; disagreements in %s%n", experiencerAccuracy,
                errors.toAbsolutePath());
        assertTrue(negation.f1() >= NEGATION_F1_FLOOR, "negation F1 " + negation.f1());
        assertTrue(temporal[0].f1() >= RECENT_F1_FLOOR, "recent F1 " + temporal[0].f1());
        assertTrue(temporal[1].f1() >= HISTORICAL_F1_FLOOR, "historical F1 " + temporal[1].f1());
        assertTrue(temporal[2].f1() >= HYPOTHETICAL_F1_FLOOR, "hypothetical F1 " + temporal[2].f1());
        assertTrue(experiencerAccuracy >= EXPERIENCER_ACCURACY_FLOOR, "experiencer accuracy " + experiencerAccuracy);
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** True/false positives and negatives of one class. */
    private static final class Counts {
        int tp;
        int fp;
        int fn;

        void add(boolean gold, boolean system) {
            if (gold && system) {
                tp++;
            } else if (system) {
                fp++;
            } else if (gold) {
                fn++;
            }
        }

        int gold() {
            return tp + fn;
        }

        double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
