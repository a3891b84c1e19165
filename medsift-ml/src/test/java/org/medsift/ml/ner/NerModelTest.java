package org.medsift.ml.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Text;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.CorpusFormat;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.corpus.TypeMapping;

class NerModelTest {
    private static final NerTrainer.Sources SOURCES = new NerTrainer.Sources(List.of("pubtator:small.txt"),
            "pubtator:small.txt", "", "test");

    private static List<AnnotatedDocument> small() throws IOException {
        return CorpusFormat.PUBTATOR.read(Path.of("src/test/resources/fixtures/pubtator/small.txt"),
                TypeMapping.IDENTITY);
    }

    private static NerModel train(FeatureSettings features, List<EpochReport> reports) throws IOException {
        List<AnnotatedDocument> docs = small();
        NerTrainer trainer = new NerTrainer(new NerTrainer.Settings(10, 3, 7L, features));
        NerModel m = trainer.train(docs, docs, List.of("Chemical", "Disease"),
                features.lexiconFeatures() ? DefaultLexicon.get() : null, SOURCES, reports::add);
        assertEquals(0, trainer.alignment().misaligned());
        return m;
    }

    @Test
    void learnsTheTrainingDocumentsIncludingAnEntityEndingInsideAHyphenatedWord() throws IOException {
        List<EpochReport> reports = new ArrayList<>();
        NerModel m = train(new FeatureSettings(16, true, false), reports);
        AnnotatedDocument d = small().get(0);
        assertEquals(d.spans(), m.tagger(null).tag(d.text()));
        assertTrue(reports.get(reports.size() - 1).devF1() == 1.0 || m.provenance().devF1() == 1.0,
                reports.toString());
        assertTrue(reports.get(0).errors() > 0, "first epoch should make mistakes");
    }

    @Test
    void lexiconFeaturesComeFromTheDefaultLexicon() throws IOException {
        NerModel m = train(new FeatureSettings(16, true, true), new ArrayList<>());
        assertTrue(m.provenance().lexicon().startsWith("medsift-default@"), m.provenance().lexicon());
        AnnotatedDocument d = small().get(1);
        assertEquals(d.spans(), m.tagger(DefaultLexicon.get()).tag(d.text()));
    }

    @Test
    void roundTripsThroughItsFileWithProvenanceAndSameTags() throws IOException {
        NerModel m = train(new FeatureSettings(16, true, false), new ArrayList<>());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        m.write(buf);
        NerModel back = NerModel.read(new ByteArrayInputStream(buf.toByteArray()), "mem");
        assertEquals(m.provenance(), back.provenance());
        assertEquals(m.settings(), back.settings());
        assertEquals(m.types(), back.types());
        Text t = Text.of("x", "Famotidine and cocaine caused delirium and seizures.");
        assertEquals(m.tagger(null).tag(t), back.tagger(null).tag(t));
    }

    @Test
    void refusesAnUnknownFormatVersionWithAClearMessage() throws IOException {
        NerModel m = train(new FeatureSettings(16, false, false), new ArrayList<>());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        m.write(buf);
        byte[] bytes = buf.toByteArray();
        bytes[7] = 99; // the low byte of the big-endian version after the 4-byte magic
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> NerModel.read(new ByteArrayInputStream(bytes), "old.model"));
        assertTrue(e.getMessage().contains("old.model: NER model format version 99; this Medsift reads version 2"),
                e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotAModel() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> NerModel.read(new ByteArrayInputStream("hello world".getBytes()), "notes.txt"));
        assertTrue(e.getMessage().contains("not a Medsift NER model"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> NerModel.read(new ByteArrayInputStream(new byte[2]), "x"));
    }

    @Test
    void scorerCountsExactAndOverlapMatchesPerType() {
        NerScorer s = new NerScorer();
        String text = "aspirin and severe asthma";
        s.add("d", text, List.of(new EntitySpan(0, 7, "Chemical"), new EntitySpan(12, 25, "Disease")),
                List.of(new EntitySpan(0, 7, "Chemical"), new EntitySpan(19, 25, "Disease"),
                        new EntitySpan(8, 11, "Chemical")));
        NerScorer.Counts chem = s.byType().get("Chemical");
        assertEquals(0.5, chem.exactPrecision());
        assertEquals(1.0, chem.exactRecall());
        NerScorer.Counts dis = s.byType().get("Disease");
        assertEquals(0.0, dis.exactF1());
        assertEquals(1.0, dis.overlapF1());
        assertEquals(3, s.errors().size());
        assertTrue(s.table().contains("(all)"), s.table());
    }
}
