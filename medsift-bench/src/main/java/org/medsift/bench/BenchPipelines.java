package org.medsift.bench;

import org.medsift.core.pipeline.Pipeline;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.nlp.assertion.ContextRules;
import org.medsift.nlp.pipeline.ClinicalPipeline;

/** The pipeline under test: the same one {@code org.medsift.app.Extraction.builder().build()} runs. */
final class BenchPipelines {
    private BenchPipelines() {
    }

    /** The default clinical pipeline over the embedded default lexicon and the default context rules. */
    static Pipeline defaultPipeline() {
        return ClinicalPipeline.builder(DefaultLexicon.get(), ContextRules.defaults()).build();
    }
}
