package org.medsift.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermNormalizerTest {
    private final TermNormalizer n = TermNormalizer.standard();

    @ParameterizedTest(name = "{0} and {1} share a key")
    @CsvSource({
        "disease, diseases", "Diseases, DISEASE", "therapy, therapies", "allergy, allergies",
        "abscess, abscesses", "virus, viruses", "rash, rashes", "patch, patches", "headache, headaches",
        "reflex, reflexes", "diagnosis, diagnoses", "metastasis, metastases", "stenosis, stenoses",
        "vertebra, vertebrae", "bronchus, bronchi", "embolus, emboli", "appendix, appendices",
        "index, indices", "varix, varices", "foot, feet", "tooth, teeth", "woman, women", "child, children",
        "bacterium, bacteria", "node, nodes", "knee, knees", "bleed, bleeding", "bleeds, bleeding",
        "cough, coughing", "cough, coughed", "vomit, vomiting", "swell, swelling", "wheeze, wheezing",
        "wheeze, wheezed", "stop, stopped", "deny, denies", "deny, denied", "deny, denying", "finding, findings",
        "dilate, dilated", "Crohn, Crohn's", "crohns, Crohn’s", "Parkinson's, parkinsons", "patients', patient",
        "café, cafe", "Sjögren, sjogren", "Ménière, meniere", "β, beta", "b.i.d., bid",
    })
    void mapsInflectionsToOneKey(String a, String b) {
        assertEquals(n.normalizeWord(a), n.normalizeWord(b));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "diabetes, diabetes", "herpes, herpes", "series, series", "pancreas, pancreas", "AIDS, aids",
        "morning, morning", "pelvis, pelvis", "status, status", "gas, gas", "its, its", "ms, ms", "bed, bed",
        "CHF, chf", "T2DM, t2dm", "covid19, covid19", "Straße, strass", "Ærø, aero", "ГРИПП, грипп",
    })
    void keepsWordsThatMustNotBeStemmed(String word, String key) {
        assertEquals(key, n.normalizeWord(word));
    }

    @Test
    void splitsTermsOnHyphensSlashesAndPunctuation() {
        assertEquals(List.of("non", "small", "cell", "lung", "cancer"), n.words("non-small cell lung cancer"));
        assertEquals(List.of("non", "small", "cell", "lung", "cancer"), n.words("Non-Small-Cell Lung Cancer"));
        assertEquals(List.of("acetaminophen", "hydrocodon"), n.words("acetaminophen/hydrocodone"));
        assertEquals(List.of("cancer", "of", "the", "breast"), n.words("cancer of the breast"));
    }

    @Test
    void removesTrailingSnomedSemanticTagOnly() {
        assertEquals(List.of("asthma"), n.words("Asthma (disorder)"));
        assertEquals(List.of("structur", "of", "heart"), n.words("Structure of heart (body structure)"));
        assertEquals(List.of("hepatitis", "viral"), n.words("Hepatitis (viral)"));
    }

    @Test
    void returnsNothingForSeparatorsOnly() {
        assertEquals(List.of(), n.words(" -- / () "));
        assertEquals("", n.normalizeWord("'"));
    }

    @Test
    void normalizesInsideLargerTextWithoutAllocatingStrings() {
        String text = "Hx of CORONARY-arteries disease.";
        char[] out = new char[TermNormalizer.maxNormalizedLength(8)];
        int len = n.normalize(text, 15, 8, out);
        assertEquals("arteri", new String(out, 0, len));
    }

    @Test
    void rejectsTooSmallScratchBuffer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> n.normalize("pneumonia", 0, 9, new char[9]));
        assertEquals("scratch buffer of 9 chars, need 45 for a word of 9", e.getMessage());
    }

    @Test
    void marksStopWords() {
        assertEquals(true, n.isStopWord("of"));
        assertEquals(false, n.isStopWord("and"));
        assertEquals(false, n.isStopWord("without"));
    }
}
