package org.medsift.app.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;

/**
 * Short-form decisions of the default pipeline on own annotated notes ({@code fixtures/abbreviation}: synthetic,
 * written for this project). Each {@code .ann} line marks one occurrence of an ambiguous or text-defined short form
 * with the concept a clinician reads there ({@code T1<TAB>dis_b_multiple_sclerosis 60 62<TAB>MS}), or {@code NONE}
 * when the text does not say and nothing should be reported. A decision is <i>kept</i> when the pipeline reports a
 * mention with exactly that span; precision = kept with the gold concept / kept, recall = kept with the gold
 * concept / gold occurrences with a concept. Figures: docs/evaluation.md, "Short forms".
 */
class AbbreviationDecisionTest {
    private static final String CURATED = "https://medsift.org/fhir/CodeSystem/concept";
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "abbreviation");

    record Gold(String doc, int start, int end, String concept, String form) {
    }

    record Score(int kept, int keptRight, int goldKeep, int goldDrop, int dropRight, List<String> errors) {
        double precision() {
            return kept == 0 ? 0 : (double) keptRight / kept;
        }

        double recall() {
            return goldKeep == 0 ? 0 : (double) keptRight / goldKeep;
        }
    }

    static Score score(Extraction x) throws IOException {
        int kept = 0;
        int keptRight = 0;
        int goldKeep = 0;
        int goldDrop = 0;
        int dropRight = 0;
        List<String> errors = new ArrayList<>();
        List<Path> anns;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            anns = s.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
        }
        for (Path ann : anns) {
            String name = ann.getFileName().toString().replace(".ann", "");
            String text = Files.readString(FIXTURES.resolve(name + ".txt"), StandardCharsets.UTF_8);
            List<ConceptMention> ms = x.extract(Text.of(name, text)).require(Layers.CONCEPTS);
            for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t");
                String[] tse = c[1].split(" ");
                Gold g = new Gold(name, Integer.parseInt(tse[1]), Integer.parseInt(tse[2]), tse[0], c[2]);
                if (!text.substring(g.start, g.end).equals(g.form)) {
                    throw new IllegalStateException(ann + ": '" + g.form + "' is not at " + g.start);
                }
                List<String> found = new ArrayList<>();
                boolean right = false;
                for (ConceptMention m : ms) {
                    if (m.start() == g.start && m.end() == g.end) {
                        found.add(m.conceptId());
                        // a curated concept coded from Synthea takes the code as its id and keeps its local id
                        right |= m.conceptId().equals("medsift:" + g.concept) || m.codes().stream()
                                .anyMatch(k -> k.system().equals(CURATED) && k.code().equals(g.concept));
                    }
                }
                boolean none = g.concept.equals("NONE");
                if (none) {
                    goldDrop++;
                } else {
                    goldKeep++;
                }
                if (!found.isEmpty()) {
                    kept++;
                    if (!none && right) {
                        keptRight++;
                    } else {
                        errors.add(name + " " + g.form + "@" + g.start + ": gold " + g.concept + ", found " + found);
                    }
                } else if (none) {
                    dropRight++;
                } else {
                    errors.add(name + " " + g.form + "@" + g.start + ": gold " + g.concept + ", dropped");
                }
            }
        }
        return new Score(kept, keptRight, goldKeep, goldDrop, dropRight, errors);
    }

    static String describe(String what, Score s) {
        return String.format(Locale.ROOT, "%s: kept %d (right %d), gold keep %d, gold drop %d (dropped %d): "
                + "P %.3f R %.3f%n  %s", what, s.kept, s.keptRight, s.goldKeep, s.goldDrop, s.dropRight,
                s.precision(), s.recall(), String.join("\n  ", s.errors));
    }

    @Test
    void defaultPipelineDecidesShortFormsByContextAndByTheTextsOwnDefinitions() throws IOException {
        Score lexiconOnly = score(Extraction.builder().withoutNerModels().without("abbreviations").build());
        Score withDefinitions = score(Extraction.builder().withoutNerModels().build());
        Score full = score(Extraction.builder().build());
        System.out.println(describe("lexicon context gating only", lexiconOnly));
        System.out.println(describe("+ text-defined abbreviations", withDefinitions));
        System.out.println(describe("default pipeline (models + definitions)", full));
        assertTrue(withDefinitions.precision() > lexiconOnly.precision(), "definitions must fix wrong readings");
        assertTrue(full.precision() >= 0.85 && full.recall() >= 0.80, describe("default", full));
    }
}
