/**
 * The default clinical pipeline: normalize and tokenize, sentences, sections, lexicon match, context (assertion).
 *
 * <pre>{@code
 * Lexicon lexicon = DefaultLexicon.get();                  // or Lexicon.open(Path.of("umls.lex"))
 * Pipeline pipeline = ClinicalPipeline.builder(lexicon, ContextRules.defaults()).build();
 * Document doc = pipeline.process(Text.of("note-1", "Denies chest pain. History of MI."));
 * for (ConceptMention m : doc.require(Layers.CONCEPTS)) {
 *     // m.start(), m.end(), m.preferredName(), m.assertion().negated(), m.assertion().cues() ...
 * }
 * }</pre>
 *
 * <p>Each stage can be switched off or replaced on the returned builder ({@code without("context")},
 * {@code replace("lexicon", myMatcher)}) before {@code build()}, which checks the wiring. Pipelines are immutable and
 * thread-safe: build one and call it from all threads.
 */
package org.medsift.nlp.pipeline;
