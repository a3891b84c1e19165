package org.medsift.nlp.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MatchKind;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.testkit.AnnotatorConformance;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermKind;

class LexiconMatcherTest {
    static final Lexicon LEXICON = lexicon();

    static Lexicon lexicon() {
        LexiconBuilder b = new LexiconBuilder("test", "1.0")
                .addSource("curated", "test terms")
                .addSource("synthea", "Synthea excerpt");
        b.concept("SNOMEDCT:254837009", "Breast cancer", SemanticGroup.DISORDER, "synthea")
                .addCode(new Code(CodeSystems.SNOMED_CT, "254837009", "Malignant neoplasm of breast"))
                .addTerm("carcinoma of breast", TermKind.NAME, "curated");
        b.concept("medsift:ana_breast", "Breast", SemanticGroup.ANATOMY, "curated");
        b.concept("medsift:dis_nsclc", "Non-small cell lung cancer", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:dis_sclc", "Small cell lung cancer", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:dis_chf", "Congestive heart failure", SemanticGroup.DISORDER, "curated")
                .addTerm("CHF", TermKind.ABBREVIATION, "curated");
        b.concept("medsift:lab_a1c", "Hemoglobin A1c", SemanticGroup.LAB, "curated")
                .addTerm("HbA1c", TermKind.ABBREVIATION, "curated");
        b.concept("medsift:dis_ms", "Multiple sclerosis", SemanticGroup.DISORDER, "curated")
                .addTerm("MS", TermKind.AMBIGUOUS, "curated");
        b.concept("medsift:drug_ms", "Morphine sulfate", SemanticGroup.DRUG, "curated")
                .addTerm("MS", TermKind.AMBIGUOUS, "curated");
        b.concept("medsift:dis_pneumonia", "Pneumonia", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:dis_asthma", "Asthma", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:fnd_rectal_bleeding", "Rectal bleeding", SemanticGroup.FINDING, "curated");
        b.concept("medsift:fnd_lymphadenopathy", "Swollen lymph nodes", SemanticGroup.FINDING, "curated");
        b.concept("medsift:dis_crohn", "Crohn's disease", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:dis_sjogren", "Sjögren syndrome", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:fnd_chest_pain", "Chest pain", SemanticGroup.FINDING, "curated");
        b.concept("medsift:fnd_allergy_pcn", "Penicillin allergy", SemanticGroup.FINDING, "curated");
        b.concept("medsift:dis_allergy", "Allergy", SemanticGroup.DISORDER, "curated");
        b.concept("medsift:dis_md", "Muscular dystrophy", SemanticGroup.DISORDER, "curated")
                .addTerm("MD", TermKind.ABBREVIATION, "curated");
        b.concept("medsift:lab_complement", "C3 and C4", SemanticGroup.LAB, "curated");
        b.concept("medsift:drg_tacrolimus", "Tacrolimus", SemanticGroup.DRUG, "curated")
                .addTerm("Prograf", TermKind.BRAND, "curated");
        b.concept("medsift:fnd_vertigo", "Vertigo", SemanticGroup.FINDING, "curated");
        b.concept("medsift:drg_cisplatin", "Cisplatin", SemanticGroup.DRUG, "curated");
        b.concept("medsift:drg_methotrexate", "Methotrexate", SemanticGroup.DRUG, "curated")
                .addTerm("MTX", TermKind.ABBREVIATION, "curated");
        b.concept("medsift:drg_fluorouracil", "Fluorouracil", SemanticGroup.DRUG, "curated")
                .addTerm("5-FU", TermKind.ABBREVIATION, "curated");
        b.concept("medsift:drg_insulin", "Insulin", SemanticGroup.DRUG, "curated");
        b.concept("medsift:drg_bifidobacterium", "Bifidobacterium infantis", SemanticGroup.DRUG, "curated")
                .addTerm("Align", TermKind.BRAND, "curated");
        return b.build();
    }

    private static List<ConceptMention> match(String text) {
        return match(new LexiconMatcher(LEXICON), text);
    }

    private static List<ConceptMention> match(LexiconMatcher matcher, String text) {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter()).add(matcher).build();
        return p.process(Text.of("test-note", text)).require(Layers.CONCEPTS);
    }

    /** Mentions as {@code covered text=concept id/match kind}. */
    private static List<String> found(String text) {
        return describe(text, match(text));
    }

    private static List<String> describe(String text, List<ConceptMention> mentions) {
        return mentions.stream()
                .map(m -> text.substring(m.start(), m.end()) + "=" + m.conceptId() + "/" + m.matchKind())
                .collect(Collectors.toList());
    }

    @Test
    void matchesAcrossCaseInflectionAndHyphenation() {
        assertEquals(List.of("BREAST CANCERS=SNOMEDCT:254837009/EXACT"), found("Family: BREAST CANCERS."));
        assertEquals(List.of("rectal bleeds=medsift:fnd_rectal_bleeding/EXACT"), found("Has rectal bleeds."));
        assertEquals(List.of("swollen lymph node=medsift:fnd_lymphadenopathy/EXACT"),
                found("One swollen lymph node."));
        assertEquals(List.of("Crohns disease=medsift:dis_crohn/EXACT"), found("Crohns disease."));
        assertEquals(List.of("CROHN'S DISEASE=medsift:dis_crohn/EXACT"), found("CROHN'S DISEASE"));
        assertEquals(List.of("Non-small-cell lung cancer=medsift:dis_nsclc/EXACT"),
                found("Non-small-cell lung cancer, stage 3."));
        assertEquals(List.of("non small cell lung-cancer=medsift:dis_nsclc/EXACT"),
                found("non small cell lung-cancer"));
    }

    @Test
    void dropsMentionsInsideSectionHeaders() {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
                .add(new org.medsift.nlp.section.SectionDetector()).add(new LexiconMatcher(LEXICON)).build();
        String text = "ALLERGIES:\nAllergy to penicillin.\n";
        List<String> f = describe(text, p.process(Text.of("n", text)).require(Layers.CONCEPTS));
        assertEquals(List.of("Allergy to penicillin=medsift:fnd_allergy_pcn/REORDERED"), f);
    }

    @Test
    void doesNotReadADottedTitleAsAShortForm() {
        assertEquals(List.of(), found("Seen by John Smith, M.D. today."));
        assertEquals(List.of("MD=medsift:dis_md/ABBREVIATION"), found("Known MD since childhood."));
    }

    @Test
    void doesNotReorderTermsWithNumbersOrConnectives() {
        assertEquals(List.of("C3 and C4=medsift:lab_complement/EXACT"), found("C3 and C4 were low."));
        assertEquals(List.of(), found("Fusion at C3-C4 and C5."));
    }

    @Test
    void neverMatchesInsideAHyphenatedToken() {
        // "small cell lung cancer" is a different disease from "non-small-cell lung cancer"
        List<String> f = found("Known non-small-cell lung cancer.");
        assertEquals(List.of("non-small-cell lung cancer=medsift:dis_nsclc/EXACT"), f);
    }

    @Test
    void matchesADrugNameInsideAHyphenatedToken() {
        // case reports name the drug inside a compound: "cisplatin-induced", "HD-MTX", "5-FU-based"
        assertEquals(List.of("cisplatin=medsift:drg_cisplatin/EXACT"), found("Severe cisplatin-induced vomiting."));
        assertEquals(List.of("MTX=medsift:drg_methotrexate/ABBREVIATION"), found("The second course of HD-MTX."));
        assertEquals(List.of("5-FU=medsift:drg_fluorouracil/ABBREVIATION"), found("Given 5-FU-based therapy."));
        // other groups stay whole-token only, and so do compounds that say the drug is not taken
        assertEquals(List.of(), found("Two asthma-related visits."));
        assertEquals(List.of(), found("She is insulin-resistant, non-insulin treated and insulin-naive."));
        assertEquals(List.of(), found("An insulin-dependent diabetic."));
        // only as written, without inflection: the brand Align is not in "well-aligned"
        assertEquals(List.of(), found("The well-aligned fragments."));
        // a drug name must fill its part of the compound
        assertEquals(List.of(), found("Seen for cisplatinx-induced vomiting."));
    }

    @Test
    void matchesMultiWordTermsInAnotherWordOrderIgnoringStopWords() {
        assertEquals(List.of("cancer of the breast=SNOMEDCT:254837009/REORDERED"), found("cancer of the breast"));
        assertEquals(List.of("carcinoma of the breast=SNOMEDCT:254837009/REORDERED"),
                found("carcinoma of the breast"));
        assertEquals(List.of("allergy to penicillin=medsift:fnd_allergy_pcn/REORDERED"),
                found("allergy to penicillin"));
        assertEquals(0.85, match("pain in the chest").get(0).confidence());
    }

    @Test
    void reordersOnlyOverStopWordsWithinTheWindow() {
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("cancer near the breast"));
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("cancer of the of the of the breast"));
    }

    @Test
    void matchesAbbreviationsOnlyAsWrittenOrInCapitals() {
        assertEquals(List.of("CHF=medsift:dis_chf/ABBREVIATION"), found("Hx of CHF."));
        assertEquals(List.of(), found("hx of chf."));
        assertEquals(List.of(), found("Chf exacerbation"));
        assertEquals(List.of("HbA1c=medsift:lab_a1c/ABBREVIATION"), found("HbA1c 7.2%"));
        assertEquals(List.of("HBA1C=medsift:lab_a1c/ABBREVIATION"), found("HBA1C 7.2%"));
        assertEquals(List.of(), found("hba1c 7.2%"));
        assertEquals(0.9, match("CHF").get(0).confidence());
    }

    @Test
    void firesAmbiguousAbbreviationOnlyWithSupportingContext() {
        assertEquals(List.of("MS=medsift:dis_ms/AMBIGUOUS_ABBREVIATION"),
                found("MS diagnosed in 2010. Last relapse in May."));
        assertEquals(List.of("MS=medsift:dis_ms/AMBIGUOUS_ABBREVIATION"),
                found("Followed for MS. Prior workup. Multiple lesions consistent with sclerosis."));
        assertEquals(List.of("MS=medsift:drug_ms/AMBIGUOUS_ABBREVIATION"), found("Given MS 4 mg IV q4h prn."));
        assertEquals(0.7, match("Given MS 4 mg IV q4h prn.").get(0).confidence());
    }

    @Test
    void reportsNothingForAmbiguousAbbreviationWithoutContext() {
        assertEquals(List.of(), found("Seen by MS today."));
        assertEquals(List.of(), found("ms 4 mg iv given."), "never in lower case");
        assertEquals(List.of(), found("MS relapse, 4 mg."), "equal support for two senses");
        assertEquals(List.of(), found("MS. One. Two. Three. Relapse 2010."), "cue more than 2 sentences away");
    }

    @Test
    void toleratesOneEditInLongWordsOnly() {
        List<ConceptMention> m = match("Right lower lobe pneumonai.");
        assertEquals(List.of("pneumonai=medsift:dis_pneumonia/FUZZY"), describe("Right lower lobe pneumonai.", m));
        assertEquals(0.6, m.get(0).confidence());
        assertEquals(List.of("Pnuemonia=medsift:dis_pneumonia/FUZZY"), found("Pnuemonia."));
        assertEquals(List.of(), found("astma and asthmma"), "words under 8 letters need an exact spelling");
        assertEquals(List.of(), found("pnaumomia"), "two edits");
    }

    @Test
    void toleratesOneTranspositionInSevenLetterDrugNamesOnly() {
        assertEquals(List.of("porgraf=medsift:drg_tacrolimus/FUZZY"), found("porgraf 1 mg bid"));
        assertEquals(List.of("Prgoraf=medsift:drg_tacrolimus/FUZZY"), found("Prgoraf."));
        assertEquals(List.of(), found("prograd"), "substitution in 7 letters");
        assertEquals(List.of(), found("vetrigo"), "7-letter spellings only for drugs");
        assertEquals(List.of("vertigo=medsift:fnd_vertigo/EXACT"), found("vertigo"));
    }

    @Test
    void keepsOnlyTheLongestOfOverlappingMatches() {
        assertEquals(List.of("breast cancer=SNOMEDCT:254837009/EXACT"), found("breast cancer"));
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("breast"));
    }

    @Test
    void keepsNestedMatchesOfOtherGroupsWhenAsked() {
        String text = "left breast cancer";
        List<ConceptMention> m = match(new LexiconMatcher(LEXICON, true), text);
        assertEquals(List.of("breast cancer=SNOMEDCT:254837009/EXACT", "breast=medsift:ana_breast/EXACT"),
                describe(text, m));
    }

    @Test
    void neverMatchesAcrossSentenceBoundariesOrPunctuation() {
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("Left breast. Cancer screening negative."));
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("breast, cancer"));
        assertEquals(List.of("breast=medsift:ana_breast/EXACT"), found("breast (cancer)"));
    }

    @Test
    void producesNothingForEmptyOrBlankText() {
        assertEquals(List.of(), match(""));
        assertEquals(List.of(), match(" \n\t "));
    }

    @Test
    void matchesNonAsciiTextWithCorrectOffsets() {
        String text = "Dx: SJÖGREN'S SYNDROME 😀 and Sjogren syndrome; 乳腺癌 breast";
        List<ConceptMention> m = match(text);
        assertEquals(List.of("SJÖGREN'S SYNDROME=medsift:dis_sjogren/EXACT",
                "Sjogren syndrome=medsift:dis_sjogren/EXACT", "breast=medsift:ana_breast/EXACT"), describe(text, m));
    }

    @Test
    void describesEachMentionWithConceptCodesTermAndProvenance() {
        String text = "Pt with carcinoma of breast.";
        ConceptMention m = match(text).get(0);
        assertEquals(8, m.start());
        assertEquals(27, m.end());
        assertEquals(2, m.firstToken());
        assertEquals(5, m.endToken());
        assertEquals("Breast cancer", m.preferredName());
        assertEquals(SemanticGroup.DISORDER, m.group());
        assertEquals(List.of(new Code(CodeSystems.SNOMED_CT, "254837009", "Malignant neoplasm of breast")), m.codes());
        assertEquals("carcinoma of breast", m.matchedTerm());
        assertEquals(MatchKind.EXACT, m.matchKind());
        assertEquals(0.95, m.confidence());
        assertEquals("lexicon:test@1.0/curated", m.source());
        assertEquals("lexicon:test@1.0/synthea", match("breast cancer").get(0).source());
    }

    @Test
    void sortsMentionsByStartThenLongestFirst() {
        List<ConceptMention> m = match(new LexiconMatcher(LEXICON, true), "breast cancer and asthma and chest pain");
        for (int i = 1; i < m.size(); i++) {
            ConceptMention a = m.get(i - 1);
            ConceptMention b = m.get(i);
            assertTrue(a.start() < b.start() || (a.start() == b.start() && a.end() >= b.end()), m.toString());
        }
        assertEquals(4, m.size());
    }

    @Test
    void setsVocabularyIdsOnSingleWordTokens() {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
                .add(new LexiconMatcher(LEXICON)).build();
        Document doc = p.process(Text.of("n", "Asthma xyzzy"));
        TokenTable tokens = doc.require(Layers.TOKENS);
        assertEquals(LEXICON.wordId("asthma", 0, 6), tokens.normId(0));
        assertNotEquals(TokenTable.NO_NORM, tokens.normId(0));
        assertEquals(TokenTable.NO_NORM, tokens.normId(1));
    }

    @Test
    void rejectsLexiconBuiltWithAnotherNormalizerVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.mslx");
        LexiconBuilder b = new LexiconBuilder("old", "0.9");
        b.write(file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int meta = buf.getInt(20); // offset of the META array (the directory follows the 5-int header)
        buf.putInt(meta + 16, 99); // normalizer version
        Files.write(file, bytes);
        Lexicon old = Lexicon.open(file);
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> new LexiconMatcher(old));
        assertEquals("lexicon old@0.9 was built with term normalizer version 99, but this matcher normalizes with "
                + "version 1; rebuild the lexicon", e.getMessage());
    }

    @Test
    void conformsToAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(), new LexiconMatcher(LEXICON, true));
    }
}
