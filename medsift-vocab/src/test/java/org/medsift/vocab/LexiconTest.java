package org.medsift.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;

class LexiconTest {
    @TempDir
    Path dir;

    static LexiconBuilder sample(boolean reversed) {
        LexiconBuilder b = new LexiconBuilder("test-lex", "1.2.3")
                .addSource("curated", "hand-written test terms")
                .addSource("synthea", "Synthea 3.0.0 modules (test excerpt)");
        Runnable[] steps = {
            () -> b.concept("SNOMEDCT:254837009", "Breast cancer", SemanticGroup.DISORDER, "synthea")
                    .addCode(new Code(CodeSystems.SNOMED_CT, "254837009", "Malignant neoplasm of breast"))
                    .addTerm("Malignant neoplasm of breast (disorder)", TermKind.NAME, "synthea")
                    .addTerm("cancer of the breast", TermKind.NAME, "curated"),
            () -> b.concept("SNOMEDCT:24700007", "Multiple sclerosis", SemanticGroup.DISORDER, "synthea")
                    .addCode(new Code(CodeSystems.SNOMED_CT, "24700007", "Multiple sclerosis"))
                    .addTerm("MS", TermKind.AMBIGUOUS, "curated"),
            () -> b.concept("medsift:drug_morphine", "Morphine sulfate", SemanticGroup.DRUG, "curated")
                    .addCode(new Code(CodeSystems.RXNORM, "7052", "morphine"))
                    .addTerm("MS", TermKind.AMBIGUOUS, "curated")
                    .addTerm("MS Contin", TermKind.BRAND, "curated"),
            () -> b.concept("medsift:dis_chf", "Congestive heart failure", SemanticGroup.DISORDER, "curated")
                    .addTerm("CHF", TermKind.ABBREVIATION, "curated")
                    .addTerm("congestive heart failures", TermKind.NAME, "curated"),
            () -> b.concept("medsift:ana_breast", "Breast", SemanticGroup.ANATOMY, "curated"),
            () -> b.concept("medsift:dis_pneumonia", "Pneumonia", SemanticGroup.DISORDER, "curated"),
        };
        List<Runnable> order = Arrays.asList(steps);
        if (reversed) {
            java.util.Collections.reverse(order);
        }
        order.forEach(Runnable::run);
        return b;
    }

    private static byte[] bytes(LexiconBuilder b, Path file) throws IOException {
        b.write(file);
        return Files.readAllBytes(file);
    }

    @Test
    void roundTripsThroughMemoryMappedFile() throws IOException {
        LexiconBuilder b = sample(false);
        Path file = dir.resolve("test.mslx");
        b.write(file);
        Lexicon mapped = Lexicon.open(file);
        Lexicon inMemory = b.build();

        assertEquals("test-lex", mapped.name());
        assertEquals("1.2.3", mapped.version());
        assertEquals(TermNormalizer.VERSION, mapped.normalizerVersion());
        assertEquals(List.of(new LexiconSource("curated", "hand-written test terms"),
                new LexiconSource("synthea", "Synthea 3.0.0 modules (test excerpt)")), mapped.sources());
        assertEquals(6, mapped.conceptCount());
        assertEquals(b.termCount(), mapped.termCount());
        assertEquals(inMemory.stats(), mapped.stats());
        assertEquals(Files.size(file), mapped.sizeInBytes());

        LexiconStats s = mapped.stats();
        assertEquals(Map.of(SemanticGroup.DISORDER, 4, SemanticGroup.DRUG, 1, SemanticGroup.ANATOMY, 1),
                s.conceptsByGroup());
        assertEquals(Map.of(CodeSystems.SNOMED_CT, 2, CodeSystems.RXNORM, 1), s.conceptsWithCode());
        assertEquals(Map.of("curated", 4, "synthea", 2), s.conceptsBySource());
        assertEquals(Map.of(TermKind.NAME, 8, TermKind.ABBREVIATION, 1, TermKind.AMBIGUOUS, 2, TermKind.BRAND, 1),
                s.termsByKind());
        assertEquals(12, s.terms());
    }

    @Test
    void readsFromStreamLikeFromFile() throws IOException {
        Path file = dir.resolve("a.mslx");
        byte[] bytes = bytes(sample(false), file);
        Lexicon fromStream = Lexicon.read(new ByteArrayInputStream(bytes));
        assertEquals(Lexicon.open(file).stats(), fromStream.stats());
    }

    @Test
    void buildsByteIdenticalFilesWhateverTheInsertionOrder() throws IOException {
        byte[] a = bytes(sample(false), dir.resolve("a.mslx"));
        byte[] b = bytes(sample(false), dir.resolve("b.mslx"));
        byte[] c = bytes(sample(true), dir.resolve("c.mslx"));
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
    }

    @Test
    void rejectsUnknownFormatVersionNamingBothVersions() throws IOException {
        Path file = dir.resolve("v.mslx");
        byte[] bytes = bytes(sample(false), file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 99);
        Files.write(file, bytes);
        LexiconFormatException e = assertThrows(LexiconFormatException.class, () -> Lexicon.open(file));
        assertEquals("lexicon format version 99 is not supported: this reader reads version 2; rebuild the lexicon"
                + " with this Medsift version", e.getMessage());
    }

    @Test
    void detectsCorruptedBytesThroughTheChecksum() throws IOException {
        Path file = dir.resolve("c.mslx");
        byte[] bytes = bytes(sample(false), file);
        Lexicon.open(file).verifyChecksum();
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        Lexicon opened = Lexicon.open(file); // opening reads the header only
        LexiconFormatException e = assertThrows(LexiconFormatException.class, opened::verifyChecksum);
        assertTrue(e.getMessage().startsWith("lexicon checksum mismatch: header says "), e.getMessage());
        assertThrows(LexiconFormatException.class, () -> Lexicon.read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void writesTheSameBytesToAFileAsInMemory() throws IOException {
        Path file = dir.resolve("m.mslx");
        LexiconBuilder b = sample(false);
        b.write(file);
        Lexicon inMemory = b.build();
        assertEquals(Lexicon.open(file).checksum(), inMemory.checksum());
        assertEquals(Files.size(file), inMemory.sizeInBytes());
    }

    @Test
    void rejectsFilesThatAreNotLexicons() throws IOException {
        Path file = dir.resolve("x.mslx");
        Files.writeString(file, "hello, this is not a lexicon");
        LexiconFormatException e = assertThrows(LexiconFormatException.class, () -> Lexicon.open(file));
        assertEquals("not a Medsift lexicon: magic bytes are 68656C6C, expected 4D534C58 (\"MSLX\")",
                e.getMessage());
    }

    @Test
    void rejectsTruncatedFiles() throws IOException {
        byte[] bytes = bytes(sample(false), dir.resolve("t.mslx"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 8);
        LexiconFormatException e = assertThrows(LexiconFormatException.class,
                () -> Lexicon.read(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().startsWith("lexicon is " + cut.length + " bytes but its header says "),
                e.getMessage());
    }

    @Test
    void findsConceptsByIdWithCodesAndTerms() {
        Lexicon lex = sample(false).build();
        ConceptInfo c = lex.findConcept("SNOMEDCT:254837009").orElseThrow();
        assertEquals("Breast cancer", c.preferredName());
        assertEquals(SemanticGroup.DISORDER, c.group());
        assertEquals(List.of(new Code(CodeSystems.SNOMED_CT, "254837009", "Malignant neoplasm of breast")),
                c.codes());
        assertEquals("synthea", c.sourceId());
        List<TermInfo> terms = lex.conceptTerms(c.index());
        assertEquals("Breast cancer", terms.get(0).text());
        assertEquals("Malignant neoplasm of breast", terms.get(1).text());
        assertEquals(List.of("cancer", "of", "the", "breast"), terms.get(2).words());
        assertTrue(lex.findConcept("SNOMEDCT:0").isEmpty());
    }

    @Test
    void looksUpNormalizedWordsWithoutAllocation() {
        Lexicon lex = sample(false).build();
        char[] scratch = new char[64];
        int id = lex.lookupWord("...FAILURES...", 3, 8, scratch);
        assertNotEquals(Lexicon.NONE, id);
        assertEquals("failur", lex.word(id));
        assertEquals(id, lex.wordId("xfailurx", 1, 6));
        assertEquals(Lexicon.NONE, lex.wordId("failu", 0, 5));
        assertTrue(lex.isStopWord(lex.wordId("of", 0, 2)));
        assertFalse(lex.isStopWord(id));
    }

    @Test
    void walksTermsInOrderThroughTheTrie() {
        Lexicon lex = sample(false).build();
        int node = Lexicon.ROOT;
        for (String w : List.of("breast", "cancer")) {
            node = lex.childNode(node, lex.wordId(w, 0, w.length()));
        }
        assertEquals(1, lex.nodeTermCount(node));
        assertEquals("Breast cancer", lex.termText(lex.nodeTerm(node, 0)));
        assertEquals(Lexicon.NONE, lex.childNode(node, lex.wordId("of", 0, 2)));
    }

    @Test
    void indexesMultiWordNamesByTheirContentWords() {
        Lexicon lex = sample(false).build();
        int breast = lex.wordId("breast", 0, 6);
        int cancer = lex.wordId("cancer", 0, 6);
        int[] key = {Math.min(breast, cancer), Math.max(breast, cancer)};
        int k = lex.reorderKey(key, 2);
        assertNotEquals(Lexicon.NONE, k);
        assertEquals(2, lex.reorderTermCount(k)); // "Breast cancer" and "cancer of the breast"
        assertTrue(lex.isReorderWord(breast));
        assertEquals(4 + 3, lex.maxReorderWindow());
    }

    @Test
    void findsTheOneLongWordWithinOneEdit() {
        Lexicon lex = sample(false).build();
        int pneumonia = lex.wordId("pneumonia", 0, 9);
        assertEquals(pneumonia, lex.fuzzyWordId("pneumonai".toCharArray(), 0, 9));  // transposition
        assertEquals(pneumonia, lex.fuzzyWordId("pneumoni".toCharArray(), 0, 8));   // deletion
        assertEquals(pneumonia, lex.fuzzyWordId("pneumonija".toCharArray(), 0, 10)); // insertion
        assertEquals(pneumonia, lex.fuzzyWordId("pnuemonia".toCharArray(), 0, 9));  // transposition
        assertEquals(pneumonia, lex.fuzzyWordId("pneumomia".toCharArray(), 0, 9));  // substitution
        assertEquals(Lexicon.NONE, lex.fuzzyWordId("pnaumomia".toCharArray(), 0, 9));
        assertEquals(Lexicon.NONE, lex.fuzzyWordId("breasts".toCharArray(), 0, 7));
        int sulfate = lex.wordId("sulfate", 0, 7);
        assertEquals(sulfate, lex.fuzzyWordId("sulfaet".toCharArray(), 0, 7)); // 7 letters: transposition only
        assertEquals(sulfate, lex.fuzzyWordId("uslfate".toCharArray(), 0, 7));
        assertEquals(Lexicon.NONE, lex.fuzzyWordId("sulfote".toCharArray(), 0, 7)); // substitution
        assertEquals(Lexicon.NONE, lex.fuzzyWordId("sulfat".toCharArray(), 0, 6)); // deletion
        assertEquals(Lexicon.NONE, lex.fuzzyWordId("sulfates".toCharArray(), 0, 8), "8 letters never match 7");
    }

    @Test
    void storesWrittenFormOfAbbreviations() {
        Lexicon lex = sample(false).build();
        int chf = lex.findConcept("medsift:dis_chf").orElseThrow().index();
        TermInfo abbrev = lex.conceptTerms(chf).get(1);
        assertEquals(TermKind.ABBREVIATION, abbrev.kind());
        assertEquals(3, lex.termFormLength(abbrev.index()));
        assertEquals('H', lex.termFormChar(abbrev.index(), 1));
        assertEquals(0, lex.termFormLength(abbrev.index() - 1));
    }

    @Test
    void keepsCueWordsForAmbiguousConcepts() {
        Lexicon lex = sample(false).build();
        int ms = lex.findConcept("SNOMEDCT:24700007").orElseThrow().index();
        int morphine = lex.findConcept("medsift:drug_morphine").orElseThrow().index();
        assertTrue(lex.isConceptCue(ms, lex.wordId("sclerosis", 0, 9)));
        assertFalse(lex.isConceptCue(ms, lex.lookupWord("morphine", 0, 8, new char[64])));
        assertTrue(lex.isConceptCue(morphine, lex.wordId("contin", 0, 6)));
        assertTrue(lex.isGroupCue(SemanticGroup.DRUG, lex.wordId("mg", 0, 2)));
        assertFalse(lex.isGroupCue(SemanticGroup.DISORDER, lex.wordId("mg", 0, 2)));
    }
}
