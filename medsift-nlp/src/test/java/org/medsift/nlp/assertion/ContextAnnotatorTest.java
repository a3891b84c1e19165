package org.medsift.nlp.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Assertion.Certainty;
import org.medsift.core.model.Assertion.Experiencer;
import org.medsift.core.model.Assertion.Temporality;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.PipelineConfigurationException;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.nlp.section.SectionDetector;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.testkit.AnnotatorConformance;

class ContextAnnotatorTest {
    private static final Pipeline TEXT = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
            .add(new SectionDetector()).build();
    private static final ContextAnnotator CONTEXT = new ContextAnnotator(ContextRules.defaults());

    /** The assertion of the first occurrence of {@code target} in {@code text} (after {@code from}, if given). */
    private static Assertion assess(String text, String target) {
        return assess(CONTEXT, text, target);
    }

    private static Assertion assess(ContextAnnotator context, String text, String target) {
        int start = text.indexOf(target);
        assertTrue(start >= 0, "'" + target + "' not in text");
        Document doc = TEXT.process(Text.of("t", text));
        return context.assess(doc, start, start + target.length());
    }

    private static Assertion assessLast(String text, String target) {
        int start = text.lastIndexOf(target);
        Document doc = TEXT.process(Text.of("t", text));
        return CONTEXT.assess(doc, start, start + target.length());
    }

    @Test
    void negatesFindingAfterDenies() {
        Assertion a = assess("The patient denies chest pain.", "chest pain");
        assertTrue(a.negated());
        assertEquals(Temporality.RECENT, a.temporality());
    }

    @Test
    void affirmsFindingWithoutTrigger() {
        assertSame(Assertion.DEFAULT, assess("The patient reports chest pain.", "chest pain"));
    }

    @Test
    void negatesEveryItemOfAList() {
        String text = "No fever, chills, or cough.";
        assertTrue(assess(text, "fever").negated());
        assertTrue(assess(text, "chills").negated());
        assertTrue(assess(text, "cough").negated());
    }

    @Test
    void stopsNegationAtBut() {
        String text = "She denies fever but has a productive cough.";
        assertTrue(assess(text, "fever").negated());
        assertFalse(assess(text, "cough").negated());
    }

    @Test
    void stopsNegationAtSemicolonAndSentenceEnd() {
        assertFalse(assess("No fever; cough for three days.", "cough").negated());
        assertFalse(assess("No fever. Cough for three days.", "Cough").negated());
    }

    @Test
    void doesNotNegateFindingBeforeForwardTrigger() {
        assertFalse(assess("Cough, but no fever.", "Cough").negated());
    }

    @Test
    void negatesFindingBeforeBackwardTrigger() {
        assertTrue(assess("Pneumonia was ruled out.", "Pneumonia").negated());
        assertTrue(assess("Her nausea has resolved.", "nausea").negated());
        assertTrue(assess("Fecal occult blood was negative.", "Fecal occult blood").negated());
    }

    @Test
    void blocksPseudoTriggerNoIncrease() {
        Assertion a = assess("There is no increase in the pleural effusion.", "pleural effusion");
        assertFalse(a.negated());
        assertFalse(assess("Gram negative rods grew in the blood culture.", "rods").negated());
        assertFalse(assess("This is not only pneumonia.", "pneumonia").negated());
    }

    @Test
    void stopsScopeAtClosingBracketOfAnEarlierParenthesis() {
        String text = "The report (slides not submitted) indicates a diagnosis of leukemia.";
        assertFalse(assess(text, "leukemia").negated());
        assertTrue(assess("She had no (new) rash.", "rash").negated());
    }

    @Test
    void stopsScopeAtCapitalisedFieldLabel() {
        String text = "Prior studies: Not available REFERRING DIAGNOSIS: Syncope and collapse";
        assertFalse(assess(text, "Syncope").negated());
    }

    @Test
    void marksPossibleFindings() {
        Assertion a = assess("Findings are suspicious for pneumonia.", "pneumonia");
        assertEquals(Certainty.POSSIBLE, a.certainty());
        assertFalse(a.negated());
        assertEquals(Certainty.POSSIBLE, assess("We cannot rule out pneumonia.", "pneumonia").certainty());
        assertFalse(assess("We cannot rule out pneumonia.", "pneumonia").negated());
        assertEquals(Certainty.POSSIBLE, assess("CT to rule out pulmonary embolism.", "pulmonary embolism")
                .certainty());
    }

    @Test
    void marksHistoryOfAsHistorical() {
        assertEquals(Temporality.HISTORICAL, assess("She has a history of asthma.", "asthma").temporality());
        assertEquals(Temporality.HISTORICAL, assess("He is s/p appendectomy.", "appendectomy").temporality());
        assertEquals(Temporality.RECENT, assess("She has a history of asthma.", "She").temporality());
    }

    @Test
    void keepsDayHistoryRecent() {
        assertEquals(Temporality.RECENT, assess("He has a three day history of cough.", "cough").temporality());
    }

    @Test
    void endsHistoryScopeAtNow() {
        String text = "History of asthma, now with fever.";
        assertEquals(Temporality.HISTORICAL, assess(text, "asthma").temporality());
        assertEquals(Temporality.RECENT, assess(text, "fever").temporality());
    }

    @Test
    void keepsHistoryOfPresentIllnessRecent() {
        String text = "HISTORY OF PRESENT ILLNESS: Chest pain for two days.";
        Assertion a = assess(text, "Chest pain");
        assertEquals(Temporality.RECENT, a.temporality());
        assertTrue(a.cues().isEmpty());
    }

    @Test
    void marksPastMedicalHistorySectionAsHistorical() {
        String text = "CHIEF COMPLAINT: Cough.\n\nPAST MEDICAL HISTORY:\nDiabetes.\nHypertension.\n";
        Assertion a = assess(text, "Hypertension");
        assertEquals(Temporality.HISTORICAL, a.temporality());
        assertEquals("section:PAST_MEDICAL_HISTORY", a.cues().get(0).rule());
        assertEquals(Temporality.RECENT, assess(text, "Cough").temporality());
    }

    @Test
    void marksFamilyHistorySectionAsFamily() {
        String text = "SOCIAL HISTORY: Nonsmoker.\n\nFAMILY HISTORY:\nBreast cancer.\n";
        Assertion a = assess(text, "Breast cancer");
        assertEquals(Experiencer.FAMILY, a.experiencer());
        assertEquals(Experiencer.PATIENT, assess(text, "Nonsmoker").experiencer());
    }

    @Test
    void marksRelativeAsFamily() {
        assertEquals(Experiencer.FAMILY, assess("Her mother had breast cancer.", "breast cancer").experiencer());
        assertEquals(Experiencer.FAMILY, assess("Breast cancer in her sister.", "Breast cancer").experiencer());
        assertEquals(Experiencer.PATIENT, assess("Brought in by her mother with fever.", "fever").experiencer());
    }

    @Test
    void marksOtherExperiencer() {
        assertEquals(Experiencer.OTHER, assess("The patient's wife has influenza.", "influenza").experiencer());
    }

    @Test
    void marksReturnPrecautionsHypothetical() {
        String text = "Return to the emergency department if she develops fever, vomiting, or chest pain.";
        assertEquals(Temporality.HYPOTHETICAL, assess(text, "fever").temporality());
        assertEquals(Temporality.HYPOTHETICAL, assess(text, "chest pain").temporality());
    }

    @Test
    void appliesSectionRestrictedTriggerOnlyInItsSections() {
        String plan = "DISCHARGE INSTRUCTIONS:\nCall for fever over 101.\n";
        assertEquals(Temporality.HYPOTHETICAL, assess(plan, "fever").temporality());
        String hpi = "HISTORY OF PRESENT ILLNESS:\nShe came in to call for fever.\n";
        assertEquals(Temporality.RECENT, assess(hpi, "fever").temporality());
    }

    @Test
    void marksConditionalFinding() {
        assertTrue(assess("Chest pain on exertion.", "Chest pain").conditional());
    }

    @Test
    void doesNotNegateAllergyListBySection() {
        Assertion a = assess("ALLERGIES: Penicillin.\n", "Penicillin");
        assertFalse(a.negated());
    }

    @Test
    void givesEachCategoryOfSeveralScopes() {
        Assertion a = assess("No history of asthma.", "asthma");
        assertTrue(a.negated());
        assertEquals(Temporality.HISTORICAL, a.temporality());
        assertEquals(2, a.cues().size());
    }

    @Test
    void explainsTriggerAndScope() {
        String text = "She denies fever, chills, or cough.";
        Assertion a = assess(text, "cough");
        assertEquals(1, a.cues().size());
        AssertionCue cue = a.cues().get(0);
        assertEquals("NEGATED", cue.category());
        assertEquals("denies", cue.trigger());
        assertEquals(text.indexOf("denies"), cue.start());
        assertEquals(text.indexOf("denies") + "denies".length(), cue.end());
        assertEquals(cue.end(), cue.scopeStart());
        assertEquals(text.indexOf("cough") + "cough".length(), cue.scopeEnd());
        assertTrue(cue.rule().matches("context-rules\\.tsv:\\d+"), cue.rule());
    }

    @Test
    void explainsSectionCue() {
        String text = "FAMILY HISTORY:\nDiabetes.\n";
        Assertion a = assess(text, "Diabetes");
        AssertionCue family = a.cues().stream().filter(c -> c.category().equals("FAMILY")).findFirst().orElseThrow();
        assertEquals("FAMILY_HISTORY", family.trigger());
        assertEquals("section:FAMILY_HISTORY", family.rule());
        assertEquals(0, family.start());
        assertEquals("FAMILY HISTORY".length(), family.end());
        assertEquals(text.length(), family.scopeEnd());
    }

    @Test
    void returnsDefaultForSpanInWhitespace() {
        assertSame(Assertion.DEFAULT, CONTEXT.assess(TEXT.process(Text.of("t", "No  fever")), 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> CONTEXT.assess(TEXT.process(Text.of("t", "No fever")), 3, 99));
    }

    @Test
    void failsFastOnUnknownCategoryNamingLine() {
        String rules = "# site rules\nno\tNEGATED\tFORWARD\t5\nnope\tNEGATE\tFORWARD\t5\n";
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> ContextRules.parse(new StringReader(rules), "site.tsv"));
        assertTrue(e.getMessage().contains("site.tsv:3"), e.getMessage());
        assertTrue(e.getMessage().contains("'NEGATE'"), e.getMessage());
        assertTrue(e.getMessage().contains("NEGATED, POSSIBLE"), e.getMessage());
    }

    @Test
    void failsFastOnBadDirectionScopeColumnsAndDirective() {
        assertBad("no\tNEGATED\tFORWARDS\t5\n", "direction 'FORWARDS'");
        assertBad("no\tNEGATED\tFORWARD\tfive\n", "max scope 'five'");
        assertBad("no\tNEGATED\tFORWARD\n", "found 3 tab-separated columns");
        assertBad("no\tNEGATED\tFORWARD\t5\tsections=PLANS\n", "section type in 'sections=' 'PLANS'");
        assertBad("no\tNEGATED\tFORWARD\t5\tcolour=red\n", "notes directive 'colour='");
    }

    private static void assertBad(String rules, String expected) {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> ContextRules.parse(new StringReader(rules), "x.tsv"));
        assertTrue(e.getMessage().contains("x.tsv:1") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void extendsDefaultsWithSiteRulesInOrder(@TempDir Path dir) throws IOException {
        Path site = dir.resolve("site-rules.tsv");
        Files.writeString(site, "phrase\tcategory\tdirection\tmax_scope\tnotes\n"
                + "absent from exam\tNEGATED\tBACKWARD\t5\tlocal idiom\n"
                + "denies\tPSEUDO\t-\t-\tswitched off here\n", StandardCharsets.UTF_8);
        ContextAnnotator site1 = new ContextAnnotator(ContextRules.withSiteRules(List.of(site)));
        Assertion a = assess(site1, "Edema absent from exam.", "Edema");
        assertTrue(a.negated());
        assertEquals("site-rules.tsv:2", a.cues().get(0).rule());
        assertFalse(assess(site1, "She denies fever.", "fever").negated());
        assertTrue(assess(site1, "No fever.", "fever").negated());
        assertEquals(ContextRules.defaults().size() + 1, site1.rules().size());
    }

    @Test
    void loadsDefaultsOnce() {
        assertSame(ContextRules.defaults(), ContextRules.defaults());
        assertTrue(ContextRules.defaults().size() > 300);
    }

    @Test
    void annotatesConceptLayerInPlaceOfMentions() {
        Pipeline p = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
                .add(new SectionDetector()).add(new WordListMatcher()).add(CONTEXT).build();
        Document doc = p.process(Text.of("t", "Denies fever. Has cough."));
        List<ConceptMention> concepts = doc.require(Layers.CONCEPTS);
        assertSame(concepts, doc.require(Layers.ASSERTIONS));
        assertEquals(2, concepts.size());
        assertTrue(concepts.get(0).assertion().negated());
        assertFalse(concepts.get(1).assertion().negated());
        assertEquals("context", CONTEXT.name());
        assertEquals(java.util.Set.of(Layers.CONCEPTS, Layers.ASSERTIONS), CONTEXT.produces());
    }

    @Test
    void conformsToAnnotatorContract() {
        AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(), new SectionDetector(),
                new WordListMatcher(), CONTEXT);
    }

    @Test
    void datesKnownConditionAndKnownAllergies() {
        assertEquals(Temporality.HISTORICAL, assess("Patient with known coronary artery disease.",
                "coronary artery disease").temporality());
        Assertion nkda = assess("He has no known drug allergies.", "drug allergies");
        assertTrue(nkda.negated());
        assertEquals(Temporality.HISTORICAL, nkda.temporality());
        assertEquals(Temporality.RECENT, assess("He has an unknown coagulation disorder.", "coagulation disorder")
                .temporality());
    }

    @Test
    void datesFindingsAttachedToAPastYear() {
        Assertion a = assess("She was diagnosed with diabetes in 1998.", "diabetes");
        assertEquals(Temporality.HISTORICAL, a.temporality());
        assertTrue(a.cues().stream().anyMatch(c -> c.trigger().equals("in <year>")));
        assertEquals(Temporality.HISTORICAL, assess("Since 2001 she has had hypertension.", "hypertension")
                .temporality());
        assertEquals(Temporality.RECENT, assess("She took 1998 mg of acetaminophen for headache.", "headache")
                .temporality());
    }

    @Test
    void datesOldInfarctButNotTheAge() {
        assertEquals(Temporality.HISTORICAL, assess("CT shows an old infarct in the left parietal lobe.", "infarct")
                .temporality());
        assertEquals(Temporality.RECENT, assess("A 60-year-old woman with fever.", "fever").temporality());
        assertEquals(Temporality.RECENT, assess("He is 3 years old and has fever.", "fever").temporality());
    }

    @Test
    void datesRadiologyComparisons() {
        assertEquals(Temporality.HISTORICAL, assess("The pleural effusion is unchanged from prior.",
                "pleural effusion").temporality());
        assertEquals(Temporality.HISTORICAL, assess("The nodule is again seen in the right upper lobe.", "nodule")
                .temporality());
        Assertion cysts = assess("The subchondral cysts have not changed in size.", "subchondral cysts");
        assertFalse(cysts.negated());
        assertEquals(Temporality.HISTORICAL, cysts.temporality());
        assertEquals(Temporality.HISTORICAL, assess("No interval change in the size of the nodule.", "nodule")
                .temporality());
    }

    @Test
    void datesDeniedHabitsInSocialHistoryOnly() {
        Assertion denied = assess("SOCIAL HISTORY:\nShe denies tobacco or alcohol use.", "tobacco");
        assertTrue(denied.negated());
        assertEquals(Temporality.HISTORICAL, denied.temporality());
        assertEquals(Temporality.RECENT, assess("SOCIAL HISTORY:\nShe smokes cigarettes daily.", "cigarettes")
                .temporality());
        assertEquals(Temporality.RECENT, assess("She denies tobacco use.", "tobacco").temporality());
        assertEquals(Temporality.HISTORICAL, assess("SOCIAL HISTORY:\nTobacco: quit smoking in 1990.", "Tobacco")
                .temporality());
    }
}
