/**
 * Dictionary (lexicon) matching: {@link org.medsift.nlp.dictionary.LexiconMatcher} finds the terms of a compiled
 * {@link org.medsift.vocab.Lexicon} in tokenized, sentence-split text and produces
 * {@link org.medsift.core.text.Layers#CONCEPTS}.
 *
 * <p>Matching is on normalized word sequences ({@link org.medsift.vocab.TermNormalizer}, the same function the
 * lexicon was built with): case, punctuation inside terms, plurals and inflections, word order of multi-word
 * terms, case-sensitive abbreviations, context-checked ambiguous short forms and one spelling error in long
 * words. Offsets are half-open UTF-16 char offsets; mention spans cover whole words. The matcher is immutable and
 * thread-safe, keeps its scratch arrays in the per-thread {@link org.medsift.core.pipeline.Workspace}, and
 * allocates nothing per token. Arguments are non-null.
 */
package org.medsift.nlp.dictionary;
