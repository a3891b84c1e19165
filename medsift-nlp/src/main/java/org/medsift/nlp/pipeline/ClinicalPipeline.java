package org.medsift.nlp.pipeline;

import org.medsift.core.pipeline.Pipeline;
import org.medsift.nlp.assertion.ContextAnnotator;
import org.medsift.nlp.assertion.ContextRules;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.measure.MeasurementAnnotator;
import org.medsift.nlp.medication.ClinicalDrugIndex;
import org.medsift.nlp.medication.MedicationAnnotator;
import org.medsift.nlp.section.SectionDetector;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.temporal.TemporalAnnotator;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.vocab.Lexicon;

/** Factory of the default clinical pipeline. */
public final class ClinicalPipeline {
    private ClinicalPipeline() {
    }

    /**
     * The default stages, in order: {@code tokenizer}, {@code sentences}, {@code sections}, {@code lexicon},
     * {@code context}, {@code medications}, {@code measurements}, {@code temporal} (which reads
     * {@link org.medsift.core.text.Layers#DOCUMENT_DATE} when the caller set it). Returns the builder so callers can switch stages off or replace them before building.
     */
    public static Pipeline.Builder builder(Lexicon lexicon, ContextRules rules) {
        return Pipeline.builder()
                .add(new ClinicalTokenizer())
                .add(new SentenceSplitter())
                .add(new SectionDetector())
                .add(new LexiconMatcher(lexicon))
                .add(new ContextAnnotator(rules))
                .add(new MedicationAnnotator(ClinicalDrugIndex.of(lexicon)))
                .add(new MeasurementAnnotator())
                .add(new TemporalAnnotator());
    }

    /** The stages that prepare text for assertion alone: tokenizer, sentences, sections. */
    public static Pipeline.Builder textStages() {
        return Pipeline.builder()
                .add(new ClinicalTokenizer())
                .add(new SentenceSplitter())
                .add(new SectionDetector());
    }
}
