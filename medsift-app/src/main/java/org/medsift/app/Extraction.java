package org.medsift.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medsift.app.output.OutputProvenance;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.StageListener;
import org.medsift.core.problem.Problem;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.pipeline.DefaultNerModels;
import org.medsift.ml.pipeline.EntityModelAnnotator;
import org.medsift.ml.pipeline.DefaultNerModels.NamedModel;
import org.medsift.ml.pipeline.NerCombination;
import org.medsift.ml.pipeline.NerPipelines;
import org.medsift.nlp.abbrev.AbbreviationAnnotator;
import org.medsift.nlp.assertion.ContextRules;
import org.medsift.nlp.pipeline.ClinicalPipeline;
import org.medsift.vocab.Lexicon;

/**
 * The extraction engine: a lexicon, context rules and the clinical pipeline built over them, with the default
 * entity models (stage {@code ner} after {@code lexicon}, see {@link org.medsift.ml.pipeline.EntityModelAnnotator})
 * unless {@link Builder#withoutNerModels()} is called, and the text's own abbreviation definitions applied after
 * them (stage {@code abbreviations}, {@link AbbreviationAnnotator}). Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * Extraction extraction = Extraction.builder().build();          // embedded default lexicon and rules
 * Document doc = extraction.extract(Text.of("note-1", text));
 * }</pre>
 */
public final class Extraction {
    private final Lexicon lexicon;
    private final Pipeline pipeline;
    private final List<Path> ruleFiles;
    private final LocalDate documentDate;
    private final List<String> nerModels;

    private Extraction(Lexicon lexicon, Pipeline pipeline, List<Path> ruleFiles, LocalDate documentDate,
            List<String> nerModels) {
        this.lexicon = lexicon;
        this.pipeline = pipeline;
        this.ruleFiles = List.copyOf(ruleFiles);
        this.documentDate = documentDate;
        this.nerModels = List.copyOf(nerModels);
    }

    /** Names of the entity models the pipeline runs, in precedence order; empty when it runs none. */
    public List<String> nerModels() {
        return nerModels;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the pipeline over one text; thread-safe. Returns the frozen document. */
    public Document extract(Text text) {
        return pipeline.process(newDocument(text), StageListener.NONE);
    }

    /**
     * Runs the pipeline over a document the caller prepared, e.g. with its own {@link Layers#DOCUMENT_DATE}
     * (which then wins over the builder's {@link Builder#documentDate}). Returns it frozen.
     */
    public Document extract(Document doc) {
        if (documentDate != null && !doc.has(Layers.DOCUMENT_DATE)) {
            doc.put(Layers.DOCUMENT_DATE, documentDate);
        }
        return pipeline.process(doc, StageListener.NONE);
    }

    private Document newDocument(Text text) {
        Document doc = new Document(text);
        if (documentDate != null) {
            doc.put(Layers.DOCUMENT_DATE, documentDate);
        }
        return doc;
    }

    /** The document date given to every document, or {@code null}. */
    public LocalDate documentDate() {
        return documentDate;
    }

    /** As {@link #extract(Text)}, with problems found while reading the input attached to the document. */
    public Document extract(Text text, List<Problem> inputProblems) {
        Document doc = newDocument(text);
        for (Problem p : inputProblems) {
            doc.report(p);
        }
        return pipeline.process(doc, StageListener.NONE);
    }

    /** As {@link #extract(Text)}, reporting each stage's time. */
    public Document extract(Text text, StageListener listener) {
        return pipeline.process(newDocument(text), listener);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * What produces the results, for outputs: tool, version, lexicon, stages, rule file names (no paths) and the
     * given run start time.
     */
    public OutputProvenance provenance(Instant runStart) {
        List<String> rules = new ArrayList<>();
        for (Path p : ruleFiles) {
            rules.add(p.getFileName().toString());
        }
        return new OutputProvenance("medsift", Version.get(), lexicon.name(), lexicon.version(),
                pipeline.stageNames(), rules, runStart);
    }

    /** Configures an {@link Extraction}; configuration errors fail in {@link #build()}, naming the setting. */
    public static final class Builder {
        private Lexicon lexicon;
        private final List<Path> ruleFiles = new ArrayList<>();
        private final List<String> disabled = new ArrayList<>();
        private LocalDate documentDate;
        private List<NamedModel> models;
        private boolean noModels;
        private NerCombination combination = NerCombination.defaults();

        private Builder() {
        }

        /**
         * Runs these entity models (in precedence order) instead of the default ones. Their lexicon features use
         * the embedded default lexicon, which they must have been trained with.
         */
        public Builder nerModels(List<NamedModel> nerModels) {
            this.models = List.copyOf(nerModels);
            return this;
        }

        /** Runs no entity model: the lexicon alone finds concepts. */
        public Builder withoutNerModels() {
            this.noModels = true;
            return this;
        }

        /** Which model entity types run and how they meet lexicon mentions (default: each default model's default types, lexicon-wins). */
        public Builder nerCombination(NerCombination nerCombination) {
            this.combination = nerCombination;
            return this;
        }

        /** Uses this compiled lexicon instead of the embedded default. */
        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = lexicon;
            return this;
        }

        /** Adds a site rules file to the default context rules (format: docs/context-rules.md). */
        public Builder contextRules(Path file) {
            ruleFiles.add(file);
            return this;
        }

        /** Switches a stage off by name ({@code context}, {@code sections}, ...). */
        public Builder without(String stage) {
            disabled.add(stage);
            return this;
        }

        /**
         * The document (note) date put on every document as {@link Layers#DOCUMENT_DATE}, against which relative
         * temporal expressions ("3 days ago", "last March") are resolved; {@code null} (the default) for none.
         */
        public Builder documentDate(LocalDate date) {
            this.documentDate = date;
            return this;
        }

        public Extraction build() {
            Lexicon lex = lexicon != null ? lexicon : DefaultLexicon.get();
            ContextRules rules = ruleFiles.isEmpty() ? ContextRules.defaults() : ContextRules.withSiteRules(ruleFiles);
            Pipeline.Builder b = ClinicalPipeline.builder(lex, rules);
            List<NamedModel> ner = noModels ? List.of() : models != null ? models : DefaultNerModels.get();
            List<String> names = new ArrayList<>();
            if (!ner.isEmpty() && !disabled.contains(EntityModelAnnotator.NAME)
                    && !disabled.contains("lexicon")) {
                EntityModelAnnotator stage = NerPipelines.annotator(ner, combination, DefaultLexicon.get(), lex);
                b = NerPipelines.afterLexicon(b, stage);
                for (EntityModelAnnotator.NamedTagger t : stage.taggers()) {
                    names.add(t.name());
                }
            }
            if (!disabled.contains("lexicon")) {
                b = NerPipelines.after(b, names.isEmpty() ? "lexicon" : EntityModelAnnotator.NAME,
                        new AbbreviationAnnotator());
            }
            for (String stage : disabled) {
                if (!stage.equals(EntityModelAnnotator.NAME)) {
                    b.without(stage);
                }
            }
            return new Extraction(lex, b.build(), ruleFiles, documentDate, names);
        }
    }
}
