/**
 * Named-entity tagging: averaged structured perceptrons over BILOU tags, a second pass stacked on the first one's
 * labels across the document ({@link org.medsift.ml.ner.NerTrainer}, {@link org.medsift.ml.ner.NerModel}), the lexicon alone as a tagger for comparison
 * ({@link org.medsift.ml.ner.LexiconTagger}), and exact / overlap scoring ({@link org.medsift.ml.ner.NerScorer}).
 *
 * <p>Units: the tagger labels the {@link org.medsift.nlp.tokenize.ClinicalTokenizer}'s tokens, with each word token
 * that holds inner punctuation ({@code Famotidine-associated}, {@code 5-HT}) split further at that punctuation, so
 * that an entity can end inside a hyphenated word. Spans are half-open UTF-16 char offsets into the document text.
 * Features are hashed into a fixed-size weight array; the hot loop works on {@code int} feature ids and
 * {@code float} weights, with no boxing. Models and taggers are immutable and thread-safe; trainers are not.
 * Design and figures: {@code docs/ml.md}.
 */
package org.medsift.ml.ner;
