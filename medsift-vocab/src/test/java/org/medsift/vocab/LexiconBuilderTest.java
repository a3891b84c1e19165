package org.medsift.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;

class LexiconBuilderTest {
    private final LexiconBuilder b = new LexiconBuilder("t", "1").addSource("s", "test source");

    @Test
    void firstCallFixesPreferredNameAndGroup() {
        LexiconBuilder.ConceptEntry a = b.concept("medsift:x", "Asthma", SemanticGroup.DISORDER, "s");
        LexiconBuilder.ConceptEntry again = b.concept("medsift:x", "Other", SemanticGroup.FINDING, "s");
        assertSame(a, again);
        assertEquals("Asthma", again.preferredName());
        assertEquals(SemanticGroup.DISORDER, again.group());
        assertEquals(1, b.conceptCount());
        assertEquals(1, b.termCount()); // the preferred name
    }

    @Test
    void ignoresTermsWithSameNormalizedWordsAndKind() {
        b.concept("medsift:x", "Asthma", SemanticGroup.DISORDER, "s")
                .addTerm("ASTHMA", TermKind.NAME, "s")
                .addTerm("asthma (disorder)", TermKind.NAME, "s")
                .addTerm("Asthma", TermKind.BRAND, "s");
        assertEquals(2, b.termCount());
    }

    @Test
    void findsConceptsByCodeAndByNormalizedTerm() {
        LexiconBuilder.ConceptEntry c = b.concept("SNOMEDCT:195967001", "Asthma", SemanticGroup.DISORDER, "s")
                .addCode(new Code(CodeSystems.SNOMED_CT, "195967001", "Asthma"))
                .addTerm("bronchial asthmas", TermKind.NAME, "s");
        assertSame(c, b.findByCode(CodeSystems.SNOMED_CT, "195967001").orElseThrow());
        assertTrue(b.findByCode(CodeSystems.LOINC, "195967001").isEmpty());
        assertEquals(List.of(c), b.findByTerm("Bronchial-Asthma"));
        assertEquals(List.of(), b.findByTerm("asthma attack"));
    }

    @Test
    void rejectsUnknownSourceNamingTheRegisteredOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.concept("medsift:x", "Asthma", SemanticGroup.DISORDER, "nope"));
        assertEquals("unknown source 'nope'; registered: [s] (call addSource first)", e.getMessage());
    }

    @Test
    void rejectsTermsWithoutWords() {
        LexiconBuilder.ConceptEntry c = b.concept("medsift:x", "Asthma", SemanticGroup.DISORDER, "s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.addTerm("--", TermKind.NAME, "s"));
        assertEquals("term '--' of concept medsift:x has no words after normalization", e.getMessage());
    }

    @Test
    void buildsAnEmptyLexicon() {
        Lexicon lex = new LexiconBuilder("empty", "0").build();
        assertEquals(0, lex.conceptCount());
        assertEquals(0, lex.termCount());
        assertEquals(Lexicon.NONE, lex.wordId("asthma", 0, 6));
        assertEquals(0, lex.maxReorderWindow());
    }
}
