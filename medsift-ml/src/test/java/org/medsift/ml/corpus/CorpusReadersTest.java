package org.medsift.ml.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusReadersTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    @Test
    void readsPubTatorTitleSpaceAbstractWithOffsetsAndSkipsRelations() throws IOException {
        List<AnnotatedDocument> docs = CorpusFormat.PUBTATOR.read(FIXTURES.resolve("pubtator/small.txt"),
                TypeMapping.IDENTITY);
        assertEquals(2, docs.size());
        AnnotatedDocument d = docs.get(0);
        assertEquals("100", d.text().id());
        assertEquals("Famotidine-associated delirium. Aspirin causes asthma in some patients.", d.text().content());
        assertEquals(List.of(new EntitySpan(0, 10, "Chemical"), new EntitySpan(22, 30, "Disease"),
                new EntitySpan(32, 39, "Chemical"), new EntitySpan(47, 53, "Disease")), d.spans());
        assertEquals(4, docs.get(1).spans().size());
    }

    @Test
    void mapsTypesWhenReading() throws IOException {
        List<AnnotatedDocument> docs = PubTatorReader.read(FIXTURES.resolve("pubtator/small.txt"),
                TypeMapping.parse("Chemical=Drug"));
        assertEquals("Drug", docs.get(0).spans().get(0).type());
        assertEquals("Disease", docs.get(0).spans().get(1).type());
    }

    @Test
    void readsBratTextBoundSpansWithMappingAndSkipsOtherLines() throws IOException {
        List<AnnotatedDocument> docs = CorpusFormat.BRAT.read(FIXTURES.resolve("brat/note.ann"),
                TypeMapping.parse("Drug=Chemical,Condition=Disease"));
        assertEquals(1, docs.size());
        assertEquals(List.of(new EntitySpan(0, 7, "Chemical"), new EntitySpan(15, 21, "Disease")),
                docs.get(0).spans());
    }

    @Test
    void readsBratDiscontinuousSpansAsTheirExtent() throws IOException {
        List<EntitySpan> spans = BratReader.parse(List.of("T1\tDisease 0 7;15 21\tAspirin asthma"),
                "Aspirin causes asthma.", "x.ann", TypeMapping.IDENTITY);
        assertEquals(List.of(new EntitySpan(0, 21, "Disease")), spans);
    }

    @Test
    void readsBioCPassagesAtTheirDocumentOffsetsWithInfonTypes() throws IOException {
        List<AnnotatedDocument> docs = CorpusFormat.BIOC.read(FIXTURES.resolve("bioc/small.xml"),
                TypeMapping.parse("SpecificDisease=Disease"));
        assertEquals(2, docs.size());
        AnnotatedDocument d = docs.get(0);
        assertEquals("200", d.text().id());
        assertEquals("Famotidine-associated delirium. Aspirin & ibuprofen cause asthma.", d.text().content());
        assertEquals(List.of(new EntitySpan(0, 10, "Chemical"), new EntitySpan(22, 30, "Disease"),
                new EntitySpan(32, 39, "Chemical"), new EntitySpan(42, 51, "Chemical"),
                new EntitySpan(58, 64, "Disease")), d.spans());
        assertEquals("ibuprofen", d.text().content().substring(42, 51));
    }

    @Test
    void readsBioCSentencesAndMultiLocationAnnotationsAsTheirExtent() throws IOException {
        AnnotatedDocument d = CorpusFormat.BIOC.read(FIXTURES.resolve("bioc/small.xml"),
                TypeMapping.parse("SpecificDisease=Disease")).get(1);
        assertEquals("Breast and ovarian cancer.", d.text().content());
        assertEquals(List.of(new EntitySpan(0, 25, "Disease")), d.spans());
    }

    @Test
    void bioCFormatIsNamedOnTheCommandLine() {
        assertEquals(CorpusFormat.BIOC, CorpusFormat.parse("BioC"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusFormat.parse("xml"));
        assertTrue(e.getMessage().contains("bioc"), e.getMessage());
    }

    @Test
    void readsConllDocumentsRebuildingTextAndStartingEntitiesAtStrayInsideTags() throws IOException {
        List<AnnotatedDocument> docs = CorpusFormat.CONLL.read(FIXTURES.resolve("conll/small.tsv"),
                TypeMapping.IDENTITY);
        assertEquals(2, docs.size());
        AnnotatedDocument d = docs.get(0);
        assertEquals("Aspirin causes severe asthma .\nIt recurs .\n", d.text().content());
        assertEquals(List.of(new EntitySpan(0, 7, "Chemical"), new EntitySpan(15, 28, "Disease")), d.spans());
        assertEquals("severe asthma", d.text().content().substring(15, 28));
        assertEquals(List.of(new EntitySpan(0, 9, "Disease")), docs.get(1).spans());
    }

    @Test
    void typeMappingRejectsEntriesThatAreNotFromEqualsTo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TypeMapping.parse("Chemical"));
        assertTrue(e.getMessage().contains("'Chemical' is not FROM=TO"), e.getMessage());
    }

    static Stream<Path> badPubTator() throws IOException {
        return list("pubtator");
    }

    static Stream<Path> badBrat() throws IOException {
        return list("brat");
    }

    static Stream<Path> badConll() throws IOException {
        return list("conll");
    }

    static Stream<Path> badBioC() throws IOException {
        return list("bioc");
    }

    private static Stream<Path> list(String format) throws IOException {
        try (Stream<Path> s = Files.list(FIXTURES.resolve(format).resolve("bad"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badPubTator")
    void rejectsMalformedPubTatorNamingFileAndLine(Path file) {
        AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
                () -> CorpusFormat.PUBTATOR.read(file, TypeMapping.IDENTITY));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badBrat")
    void rejectsMalformedBratNamingTheFile(Path folder) {
        AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
                () -> CorpusFormat.BRAT.read(folder, TypeMapping.IDENTITY));
        assertTrue(e.getMessage().contains(folder.resolve("doc").toString()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badConll")
    void rejectsMalformedConllNamingFileAndLine(Path file) {
        AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
                () -> CorpusFormat.CONLL.read(file, TypeMapping.IDENTITY));
        assertTrue(e.getMessage().matches("\\Q" + file + "\\E:\\d+: .*"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("badBioC")
    void rejectsMalformedOrUnsafeBioCNamingFileAndLine(Path file) {
        AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
                () -> CorpusFormat.BIOC.read(file, TypeMapping.IDENTITY));
        assertTrue(e.getMessage().matches("(?s)\\Q" + file + "\\E:-?\\d+: .*"), e.getMessage());
        assertTrue(!e.getMessage().contains("root:"), "no file content leaks: " + e.getMessage());
    }
}
