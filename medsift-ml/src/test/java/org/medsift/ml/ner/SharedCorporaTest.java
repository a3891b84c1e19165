package org.medsift.ml.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.CorpusFormat;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.corpus.TypeMapping;

/**
 * Reads the public corpora in {@code ../shared/data} when they are there (skipped otherwise) and checks the counts
 * their SOURCE.md files state; trains briefly on the BC5CDR sample set. A few seconds.
 */
class SharedCorporaTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data");

    private static int count(List<AnnotatedDocument> docs, String type) {
        int n = 0;
        for (AnnotatedDocument d : docs) {
            for (EntitySpan s : d.spans()) {
                n += s.type().equals(type) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void bc5cdrSampleHasItsStatedMentionsAndTrainsAboveTheFloor() throws IOException {
        Path sample = DATA.resolve("bc5cdr/CDR_sample.PubTator.txt");
        assumeTrue(Files.isRegularFile(sample), "BC5CDR not in ../shared/data");
        List<AnnotatedDocument> docs = CorpusFormat.PUBTATOR.read(sample, TypeMapping.IDENTITY);
        assertEquals(50, docs.size());
        assertEquals(502, count(docs, "Chemical"));
        assertEquals(423, count(docs, "Disease"));
        List<AnnotatedDocument> train = new ArrayList<>(docs.subList(0, 40));
        List<AnnotatedDocument> test = docs.subList(40, 50);
        NerModel m = new NerTrainer(new NerTrainer.Settings(5, 2, 1L, new FeatureSettings(18, true, false)))
                .train(train, List.of(), List.of("Chemical", "Disease"), null,
                        new NerTrainer.Sources(List.of("sample"), "", "", "test"), r -> { });
        NerScorer s = new NerScorer();
        NerTagger tagger = m.tagger(null);
        for (AnnotatedDocument d : test) {
            s.add(d.text().id(), d.text().content(), d.spans(), tagger.tag(d.text()));
        }
        // 40 abstracts are little; the floor only catches a broken pipeline (a working one gives about 0.6)
        assertTrue(s.total().exactF1() > 0.3, s.table());
    }

    @Test
    void ncbiDiseaseTrainingSetHasItsStatedMentionsAfterTypeMapping() throws IOException {
        Path train = DATA.resolve("ncbi-disease/original-data/train/NCBItrainset_corpus.txt");
        assumeTrue(Files.isRegularFile(train), "NCBI-disease not in ../shared/data");
        List<AnnotatedDocument> docs = CorpusFormat.PUBTATOR.read(train, TypeMapping.parse(
                "SpecificDisease=Disease,Modifier=Disease,DiseaseClass=Disease,CompositeMention=Disease"));
        assertEquals(593, docs.size());
        assertEquals(5145, count(docs, "Disease"));
    }

    @Test
    void ncbiDiseaseConllAndStandoffReadWithoutErrors() throws IOException {
        Path conll = DATA.resolve("ncbi-disease/conll/devel.tsv");
        Path standoff = DATA.resolve("ncbi-disease/standoff/devel");
        assumeTrue(Files.isRegularFile(conll) && Files.isDirectory(standoff), "NCBI-disease not in ../shared/data");
        assertEquals(787, count(CorpusFormat.BRAT.read(standoff, TypeMapping.parse(
                "SpecificDisease=Disease,Modifier=Disease,DiseaseClass=Disease,CompositeMention=Disease")), "Disease"));
        assertTrue(count(CorpusFormat.CONLL.read(conll, TypeMapping.IDENTITY), "Disease") > 700);
    }
}
