/**
 * Assertion (context) of concept mentions: negated, possible, historical, hypothetical, conditional, and family or
 * other experiencer, decided by ConText-style trigger rules (Harkema et al. 2009) and section cues.
 *
 * <p>{@link org.medsift.nlp.assertion.ContextRules} holds the trigger rules, read from the bundled
 * {@code context-rules.tsv} and optional site files (format in {@code docs/context-rules.md}) and compiled once into
 * a word trie. {@link org.medsift.nlp.assertion.ContextAnnotator} applies them: in a pipeline it replaces
 * {@link org.medsift.core.text.Layers#CONCEPTS} with the same mentions carrying their
 * {@link org.medsift.core.model.Assertion}; {@link org.medsift.nlp.assertion.ContextAnnotator#assess} assesses one
 * span. Every non-default value carries an {@link org.medsift.core.model.AssertionCue} naming the trigger, its
 * scope and the rule ({@code context-rules.tsv:LINE} or {@code section:TYPE}).
 *
 * <pre>{@code
 * ContextAnnotator context = new ContextAnnotator(ContextRules.defaults());
 * Document doc = ClinicalPipeline.textStages().build().process(Text.of("n1", "Denies fever or chills."));
 * Assertion a = context.assess(doc, 7, 12);      // "fever": negated, cue NEGATED 'denies'
 * }</pre>
 *
 * <p>Offsets are UTF-16 char offsets, half-open. Rules and annotator are immutable and thread-safe; bad rule files
 * fail when loaded with a {@link org.medsift.core.pipeline.PipelineConfigurationException} naming file and line.
 */
package org.medsift.nlp.assertion;
