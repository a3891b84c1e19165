package org.medsift.ml.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.CorpusFormat;
import org.medsift.ml.corpus.TypeMapping;

/** The format-2 features, label schemes, second pass, held-out epochs and ensembles. */
class NerFeaturesTest {
    private static final String[] TYPES = {"Chemical", "Disease"};
    private static final NerTrainer.Sources SOURCES = new NerTrainer.Sources(List.of("pubtator:small.txt"), "", "",
            "test");

    private static List<AnnotatedDocument> small() throws IOException {
        return CorpusFormat.PUBTATOR.read(Path.of("src/test/resources/fixtures/pubtator/small.txt"),
                TypeMapping.IDENTITY);
    }

    /** One pass (the second is covered by the parameterized test), lexicon off, abbreviations as given. */
    private static FeatureSettings features(boolean abbreviations) {
        return new FeatureSettings(16, true, false, true, abbreviations, false, true);
    }

    @Test
    void bilouLabelsOneUnitEntitiesUAndLongerOnesBIL() {
        int[] l = new int[6];
        Labels.gold(l, 0, 0, 1, Labels.BILOU);
        Labels.gold(l, 2, 4, 0, Labels.BILOU);
        // type 1: U = 1 + 4 + 3; type 0: B 1, I 2, L 3
        assertArrayEquals(new int[] {8, 0, 1, 2, 3, 0}, l);
        assertEquals(1, Labels.entityEnd(l, 0, 6, Labels.BILOU));
        assertEquals(5, Labels.entityEnd(l, 2, 6, Labels.BILOU));
        assertEquals(1, Labels.type(8, Labels.BILOU));
        int[] bio = new int[3];
        Labels.gold(bio, 0, 1, 1, Labels.BIO);
        assertArrayEquals(new int[] {3, 4, 0}, bio);
        assertEquals(2, Labels.entityEnd(bio, 0, 3, Labels.BIO));
    }

    @Test
    void bilouForbidsLeavingAnEntityOpen() {
        int b = 1;
        int i = 2;
        int last = 3;
        int u = 4;
        assertFalse(Labels.allowed(b, 0, Labels.BILOU), "B then O");
        assertFalse(Labels.allowed(i, u, Labels.BILOU), "I then U");
        assertFalse(Labels.allowed(-1, i, Labels.BILOU), "I at the start");
        assertFalse(Labels.allowed(last, last, Labels.BILOU), "L then L");
        assertFalse(Labels.allowed(b, 2 + 4, Labels.BILOU), "B of one type, I of another");
        assertTrue(Labels.allowed(b, last, Labels.BILOU));
        assertTrue(Labels.allowed(u, b, Labels.BILOU));
        assertTrue(Labels.allowed(1, 0, Labels.BIO), "BIO: B then O");
        assertFalse(Labels.allowed(0, 2, Labels.BIO), "BIO: O then I");
        assertTrue(Labels.open(b, Labels.BILOU) && !Labels.open(b, Labels.BIO));
    }

    /** The feature ids of the units covering {@code word}'s occurrences, in text order. */
    private static List<Set<Integer>> unitFeatures(Encoder e, String text, String word) {
        List<Set<Integer>> out = new ArrayList<>();
        for (Encoded s : e.encode(Text.of("d", text), null, TYPES, null)) {
            for (int i = 0; i < s.size(); i++) {
                if (text.substring(s.start[i], s.end[i]).equals(word)) {
                    Set<Integer> f = new HashSet<>();
                    for (int p = s.featStart[i]; p < s.featStart[i + 1]; p++) {
                        f.add(s.features[p]);
                    }
                    out.add(f);
                }
            }
        }
        return out;
    }

    @Test
    void aShortFormAtItsDefinitionAndAtEachUseGetsItsLongFormsFeatures() {
        String text = "We report neuroleptic malignant syndrome (NMS) after haloperidol. NMS resolved.";
        List<Set<Integer>> with = unitFeatures(new Encoder(features(true), null), text, "NMS");
        List<Set<Integer>> without = unitFeatures(new Encoder(features(false), null), text, "NMS");
        assertEquals(2, with.size());
        for (int k = 0; k < 2; k++) {
            assertTrue(with.get(k).containsAll(without.get(k)));
        }
        Set<Integer> added0 = new HashSet<>(with.get(0));
        added0.removeAll(without.get(0));
        Set<Integer> added1 = new HashSet<>(with.get(1));
        added1.removeAll(without.get(1));
        assertTrue(added0.size() >= 3, added0.toString());
        assertEquals(added0, added1, "the definition's short form and its use share the long form's features");
        // no definition, no abbreviation features
        String plain = "We report NMS after haloperidol. NMS resolved.";
        assertEquals(unitFeatures(new Encoder(features(false), null), plain, "NMS"),
                unitFeatures(new Encoder(features(true), null), plain, "NMS"));
    }

    @Test
    void theSecondPassSeesHowTheFirstLabelledTheSameWordElsewhere() {
        Encoder e = new Encoder(features(true), null);
        EncodedDoc doc = e.encodeDoc(Text.of("d", "Aspirin helps. Then aspirin hurts."), null, TYPES, null);
        int n = doc.units();
        int second = doc.sentences.get(1).offset + 1; // "aspirin" in the second sentence
        int[] none = new int[n];
        int[] firstTagged = new int[n];
        firstTagged[0] = 4; // U-Chemical on the first "Aspirin"
        int[] a = unitIds(e.stacked(doc, none), doc, second);
        int[] b = unitIds(e.stacked(doc, firstTagged), doc, second);
        assertFalse(Arrays.equals(a, b));
        assertEquals(doc.word[0], doc.word[second], "same lower-cased word");
        assertNotEquals(doc.sameNext[0], 0, "a word seen twice points to its other occurrence");
    }

    @Test
    void theSecondPassCarriesAParenthesizedAliasOfAnEntityToItsOtherUses() {
        Encoder e = new Encoder(features(true), null);
        String text = "Ammonium acetate (NH4Ac) was given. Then NH4Ac rose.";
        EncodedDoc doc = e.encodeDoc(Text.of("d", text), null, TYPES, null);
        int later = doc.sentences.get(1).offset + 1; // "NH4Ac" in the second sentence
        assertEquals(text.lastIndexOf("NH4Ac"), doc.sentences.get(1).start[1]);
        int[] none = new int[doc.units()];
        int[] entity = new int[doc.units()];
        entity[0] = 1; // B-Chemical
        entity[1] = 3; // L-Chemical
        assertFalse(Arrays.equals(unitIds(e.stacked(doc, none), doc, later),
                unitIds(e.stacked(doc, entity), doc, later)));
        // without the parenthesis right after the entity, no alias
        EncodedDoc plain = e.encodeDoc(Text.of("d", "Ammonium acetate and NH4Ac were given. Then NH4Ac rose."), null,
                TYPES, null);
        int[] none2 = new int[plain.units()];
        int[] entity2 = new int[plain.units()];
        entity2[0] = 1;
        entity2[1] = 3;
        int later2 = plain.sentences.get(1).offset + 1;
        assertArrayEquals(unitIds(e.stacked(plain, none2), plain, later2),
                unitIds(e.stacked(plain, entity2), plain, later2));
    }

    @Test
    void theSecondPassFitsEveryCombinationOfFirstPassLabelsEvenInOneWordSentences() {
        // one-word sentences whose word is a defined short form, a parenthesized alias and repeated: each unit can get
        // every second-pass feature at once (found on HL7 v2 text, where a sentence of one unit overflowed)
        Encoder e = new Encoder(features(true), null);
        String text = "Ammonium acetate (AA) in neuroleptic malignant syndrome (NMS). AA. NMS. AA NMS. NMS AA. "
                + "Ammonium acetate. NMS.";
        EncodedDoc doc = e.encodeDoc(Text.of("d", text), null, TYPES, null);
        int n = doc.units();
        int labels = Labels.count(TYPES.length, Labels.width(features(true)));
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 3000; round++) {
            int[] first = new int[n];
            for (int u = 0; u < n; u++) {
                first[u] = random.nextInt(labels);
            }
            List<Encoded> stacked = e.stacked(doc, first);
            for (int k = 0; k < stacked.size(); k++) {
                Encoded a = doc.sentences.get(k);
                Encoded b = stacked.get(k);
                for (int i = 0; i < a.size(); i++) {
                    int added = (b.featStart[i + 1] - b.featStart[i]) - (a.featStart[i + 1] - a.featStart[i]);
                    assertTrue(added >= 3 && added <= 11, "second-pass features added: " + added);
                }
            }
        }
    }

    private static int[] unitIds(List<Encoded> sentences, EncodedDoc doc, int unit) {
        for (Encoded s : sentences) {
            if (unit >= s.offset && unit < s.offset + s.size()) {
                int i = unit - s.offset;
                return Arrays.copyOfRange(s.features, s.featStart[i], s.featStart[i + 1]);
            }
        }
        throw new AssertionError("no unit " + unit);
    }

    static List<FeatureSettings> settings() {
        return List.of(new FeatureSettings(16, true, false, false, false, false, false),
                new FeatureSettings(16, false, false, true, true, false, true),
                new FeatureSettings(16, true, false, true, true, true, false),
                new FeatureSettings(16, true, false));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everyFeatureCombinationLearnsTheTrainingDocumentsAndRoundTrips(FeatureSettings features)
            throws IOException {
        List<AnnotatedDocument> docs = small();
        NerModel m = new NerTrainer(new NerTrainer.Settings(10, 3, 7L, features)).train(docs, docs,
                List.of(TYPES), null, SOURCES, r -> { });
        for (AnnotatedDocument d : docs) {
            assertEquals(d.spans(), m.tagger(null).tag(d.text()), features.toString());
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        m.write(buf);
        NerModel back = NerModel.read(new ByteArrayInputStream(buf.toByteArray()), "mem");
        assertEquals(features, back.settings());
        Text t = Text.of("x", "Famotidine and cocaine caused delirium (D) and seizures. Delirium cleared.");
        assertEquals(m.tagger(null).tag(t), back.tagger(null).tag(t));
    }

    @Test
    void withoutDevelopmentDataAHeldOutShareChoosesTheEpochsThenAllDocumentsTrain() throws IOException {
        List<AnnotatedDocument> docs = small();
        List<EpochReport> reports = new ArrayList<>();
        NerModel m = new NerTrainer(new NerTrainer.Settings(6, 2, 3L, features(true), 0.5, 1))
                .train(docs, List.of(), List.of(TYPES), null, SOURCES, reports::add);
        assertTrue(m.provenance().devData().startsWith("held out: "), m.provenance().devData());
        assertTrue(m.provenance().bestEpoch() >= 1 && m.provenance().bestEpoch() <= 6);
        assertTrue(reports.stream().anyMatch(r -> r.stage().endsWith("(final)")), reports.toString());
        assertTrue(reports.stream().anyMatch(r -> !Double.isNaN(r.devF1())), "held-out share is scored");
    }

    @Test
    void anEnsembleAveragesPerceptronsOfSeveralSeeds() throws IOException {
        List<AnnotatedDocument> docs = small();
        List<EpochReport> reports = new ArrayList<>();
        NerModel m = new NerTrainer(new NerTrainer.Settings(8, 3, 3L, features(true), 0, 2))
                .train(docs, docs, List.of(TYPES), null, SOURCES, reports::add);
        assertTrue(reports.stream().anyMatch(r -> r.stage().contains("seed+1")), reports.toString());
        assertTrue(m.provenance().trainerSettings().contains("ensemble=2"), m.provenance().trainerSettings());
        // the reported F1 is that of the averaged weights that were kept, scored again here
        EpochReport last = reports.get(reports.size() - 1);
        assertTrue(last.stage().equals("pass 1 ensemble of 2"), last.stage());
        NerScorer scorer = new NerScorer();
        for (AnnotatedDocument d : docs) {
            scorer.add(d.text().id(), d.text().content(), d.spans(), m.tagger(null).tag(d.text()));
        }
        assertEquals(last.devF1(), scorer.total().exactF1(), 1e-9);
        assertEquals(last.devF1(), m.provenance().devF1(), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> new NerTrainer.Settings(8, 3, 3L, features(true), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new NerTrainer.Settings(8, 3, 3L, features(true), 0.9, 1));
    }
}
