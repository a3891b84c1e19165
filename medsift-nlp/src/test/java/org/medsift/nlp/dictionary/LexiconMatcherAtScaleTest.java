package org.medsift.nlp.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.problem.ProblemSink;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.synth.SyntheticUmls;
import org.medsift.vocab.umls.UmlsImporter;

/**
 * Matching quality at scale (issue 6): the {@link LexiconMatcher} rules pinned on a lexicon of 100,000 synthetic
 * UMLS concepts ({@link SyntheticUmls}, seed 42, through {@link UmlsImporter}, the same path as
 * {@code medsift lexicon build --umls}) plus a handful of real terms with ids {@code real:*}. The synthetic
 * vocabulary holds the 330 common clinical words and 250,000 pseudo-words, so every rule is checked with many
 * near neighbours around: longest match and the overlap rule, word order, inflections, stop words inside terms,
 * and a spelling tolerance that stays bounded over ordinary English.
 */
class LexiconMatcherAtScaleTest {
    /** Synthetic concepts in the lexicon. */
    static final int SYNTHETIC_CONCEPTS = 100_000;
    /**
     * At most this many FUZZY mentions over {@link #ENGLISH}, a paragraph of 92 ordinary English words, 49 of them
     * of eight letters or more and so candidates for edit-distance matching against 250,000 pseudo-words (seen: 0).
     */
    static final int MAX_FUZZY_IN_ENGLISH = 1;
    /** At most this many mentions of any kind over {@link #ENGLISH} (seen: 1, "children's" as a synthetic name). */
    static final int MAX_MENTIONS_IN_ENGLISH = 3;

    static final String ENGLISH = "Yesterday afternoon the committee discussed several interesting proposals about"
            + " neighbourhood transportation, community gardening and the renovation of the library. Everybody"
            + " agreed that the weather had been unusually pleasant throughout September, although occasional"
            + " thunderstorms interrupted the outdoor concerts. The treasurer presented a straightforward summary"
            + " of expenses, and volunteers described their experiences organising the children's reading"
            + " programme. Afterwards, participants enjoyed homemade sandwiches, chocolate biscuits and strawberry"
            + " lemonade while photographers documented the celebration for the newsletter. Nobody remembered"
            + " exactly when the tradition started, but grandparents insisted it was considerably older than the"
            + " building itself.";

    @TempDir
    static Path dir;
    static Lexicon lexicon;
    static long buildMillis;

    @BeforeAll
    static void build() throws Exception {
        long t0 = System.nanoTime();
        new SyntheticUmls(42L, 250_000).write(dir, SYNTHETIC_CONCEPTS);
        LexiconBuilder b = new LexiconBuilder("scale-test", "1");
        new UmlsImporter(UmlsImporter.Options.defaults()).importDir(dir, b,
                new ProblemSink(ProblemSink.Policy.LENIENT, 100), null);
        b.addSource("real", "known clinical terms");
        b.concept("real:nsclc", "Non-small cell lung cancer", SemanticGroup.DISORDER, "real");
        b.concept("real:sclc", "Small cell lung cancer", SemanticGroup.DISORDER, "real");
        b.concept("real:lung", "Lung", SemanticGroup.ANATOMY, "real");
        b.concept("real:breast_cancer", "Breast cancer", SemanticGroup.DISORDER, "real")
                .addTerm("Carcinoma of breast", TermKind.NAME, "real");
        b.concept("real:chf", "Congestive heart failure", SemanticGroup.DISORDER, "real")
                .addTerm("CHF", TermKind.ABBREVIATION, "real");
        b.concept("real:sob", "Shortness of breath", SemanticGroup.FINDING, "real");
        b.concept("real:loc", "Loss of consciousness", SemanticGroup.FINDING, "real");
        b.concept("real:rectal_bleeding", "Rectal bleeding", SemanticGroup.FINDING, "real");
        b.concept("real:femur_fracture", "Fracture of femur", SemanticGroup.DISORDER, "real");
        b.concept("real:pneumonia", "Pneumonia", SemanticGroup.DISORDER, "real");
        b.concept("real:discharge_finding", "Discharge", SemanticGroup.FINDING, "real");
        b.concept("real:discharge_procedure", "Discharge", SemanticGroup.PROCEDURE, "real");
        b.concept("real:aspiration_pneumonia", "Aspiration pneumonia", SemanticGroup.DISORDER, "real");
        b.concept("real:aspiration", "Aspiration", SemanticGroup.PROCEDURE, "real");
        b.concept("real:breast_carcinoma", "Breast carcinoma", SemanticGroup.DISORDER, "real");
        b.concept("real:tacrolimus", "Tacrolimus", SemanticGroup.DRUG, "real")
                .addTerm("Prograf", TermKind.BRAND, "real");
        lexicon = b.build();
        buildMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    private static List<ConceptMention> match(LexiconMatcher matcher, String text) {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter()).add(matcher).build();
        return p.process(Text.of("scale-note", text)).require(Layers.CONCEPTS);
    }

    private static List<String> all(String text) {
        return describe(text, match(new LexiconMatcher(lexicon), text));
    }

    /** Mentions of the real concepts only, as {@code covered text=id/kind}. */
    private static List<String> real(String text) {
        return real(new LexiconMatcher(lexicon), text);
    }

    private static List<String> real(LexiconMatcher matcher, String text) {
        return describe(text, match(matcher, text).stream().filter(m -> m.conceptId().startsWith("real:"))
                .collect(Collectors.toList()));
    }

    private static List<String> describe(String text, List<ConceptMention> mentions) {
        List<String> out = new ArrayList<>();
        for (ConceptMention m : mentions) {
            out.add(text.substring(m.start(), m.end()) + "=" + m.conceptId() + "/" + m.matchKind());
        }
        return out;
    }

    /** With the default matcher, two mentions either have the same span or do not overlap at all. */
    private static void assertNoOverlap(String text) {
        List<ConceptMention> ms = match(new LexiconMatcher(lexicon), text);
        for (ConceptMention a : ms) {
            for (ConceptMention b : ms) {
                boolean sameSpan = a.start() == b.start() && a.end() == b.end();
                boolean overlap = a.start() < b.end() && b.start() < a.end();
                assertTrue(sameSpan || !overlap, text + ": " + describe(text, List.of(a, b)));
            }
        }
    }

    @Test
    void buildsAHundredThousandConceptLexiconInMemory() {
        assertTrue(lexicon.conceptCount() >= SYNTHETIC_CONCEPTS, "concepts: " + lexicon.conceptCount());
        assertTrue(lexicon.termCount() > 250_000, "terms: " + lexicon.termCount());
        // about 5 s on two shared cores (generate RRF, import, compile); a generous ceiling, not a benchmark
        assertTrue(buildMillis < 60_000, "built in " + buildMillis + " ms");
    }

    @Test
    void longestMatchWinsAndOverlapsFollowTheDocumentedRule() {
        // covered length first: the longest name, none of the shorter names inside it
        assertEquals(List.of("Non-small-cell lung cancer=real:nsclc/EXACT"),
                real("Non-small-cell lung cancer was staged."));
        assertEquals(List.of("Small cell lung cancer=real:sclc/EXACT"), real("Small cell lung cancer."));
        // ... even when the longer one is a fuzzy match and the shorter one exact
        assertEquals(List.of("aspiration pneumonai=real:aspiration_pneumonia/FUZZY"), real("aspiration pneumonai"));
        // same span: confidence decides (EXACT "breast carcinoma" over REORDERED "carcinoma of breast")
        assertEquals(List.of("breast carcinoma=real:breast_carcinoma/EXACT"), real("breast carcinoma"));
        // same span and match kind for two concepts: both reported
        assertEquals(List.of("discharge=real:discharge_finding/EXACT", "discharge=real:discharge_procedure/EXACT"),
                real("discharge today"));
        // keepNested: a nested mention of another group stays, one of the same group does not
        LexiconMatcher nested = new LexiconMatcher(lexicon, true);
        assertEquals(List.of("Non-small-cell lung cancer=real:nsclc/EXACT", "lung=real:lung/EXACT"),
                real(nested, "Non-small-cell lung cancer was staged."));
        assertEquals(List.of("aspiration pneumonai=real:aspiration_pneumonia/FUZZY",
                "aspiration=real:aspiration/EXACT"), real(nested, "aspiration pneumonai"));
        for (String t : List.of("Non-small-cell lung cancer was staged.", "aspiration pneumonai",
                "carcinoma of the breast", "fracture of the left femur", "Tacrolimus 1 mg daily", ENGLISH)) {
            assertNoOverlap(t);
        }
    }

    @Test
    void matchesWordOrderVariantsWithinTheWindowOnly() {
        assertEquals(List.of("femur fracture=real:femur_fracture/REORDERED"), real("femur fracture"));
        assertEquals(List.of("fractures of the femur=real:femur_fracture/REORDERED"), real("fractures of the femur"));
        assertEquals(List.of("consciousness loss=real:loc/REORDERED"), real("consciousness loss"));
        assertEquals(List.of("cancer of the breast=real:breast_cancer/REORDERED"), real("cancer of the breast"));
        // a content word that is not the term's ("left") breaks the variant
        assertEquals(List.of(), real("fracture of the left femur"));
    }

    @Test
    void matchesInflectionsAndCase() {
        assertEquals(List.of("rectal bleeds=real:rectal_bleeding/EXACT"), real("rectal bleeds"));
        assertEquals(List.of("BREAST CANCERS=real:breast_cancer/EXACT"), real("BREAST CANCERS"));
        assertEquals(List.of("congestive heart failures=real:chf/EXACT"), real("congestive heart failures"));
        assertEquals(List.of("fractured femurs=real:femur_fracture/REORDERED"), real("fractured femurs"));
        // abbreviations are case-sensitive, at scale too
        assertEquals(List.of("CHF=real:chf/ABBREVIATION"), real("CHF"));
        assertEquals(List.of(), real("chf"));
    }

    @Test
    void toleratesStopWordsInsideTerms() {
        assertEquals(List.of("shortness of breath=real:sob/EXACT"), real("shortness of breath"));
        assertEquals(List.of("shortness of the breath=real:sob/REORDERED"), real("shortness of the breath"));
        assertEquals(List.of("shortness breath=real:sob/REORDERED"), real("shortness breath"));
        assertEquals(List.of("loss of the consciousness=real:loc/REORDERED"), real("loss of the consciousness"));
        assertEquals(List.of("carcinoma of the breast=real:breast_cancer/REORDERED",
                "carcinoma of the breast=real:breast_carcinoma/REORDERED"), real("carcinoma of the breast"));
    }

    @Test
    void spellingToleranceFindsMisspellingsWithoutFloodingOrdinaryEnglish() {
        assertEquals(List.of("pneumonai=real:pneumonia/FUZZY"), real("pneumonai"));
        assertEquals(List.of("pnemonia=real:pneumonia/FUZZY"), real("pnemonia"));
        assertEquals(List.of("porgraf=real:tacrolimus/FUZZY"), real("porgraf"));

        long longWords = Arrays.stream(ENGLISH.split("[^A-Za-z]+")).filter(w -> w.length() >= 8).count();
        assertTrue(longWords >= 45, "the paragraph should hold many fuzzy candidates: " + longWords);
        List<ConceptMention> ms = match(new LexiconMatcher(lexicon), ENGLISH);
        long fuzzy = ms.stream().filter(m -> m.matchKind() == MatchKind.FUZZY).count();
        assertTrue(fuzzy <= MAX_FUZZY_IN_ENGLISH, "fuzzy hits in plain English: " + describe(ENGLISH, ms));
        assertTrue(ms.size() <= MAX_MENTIONS_IN_ENGLISH, "hits in plain English: " + describe(ENGLISH, ms));
    }
}
