/**
 * Rule-based sentence splitting for clinical notes ({@link org.medsift.nlp.sentence.SentenceSplitter}, producing
 * {@link org.medsift.core.text.Layers#SENTENCES} as token ranges that cover every token once) and the line shapes
 * it shares with section detection ({@link org.medsift.nlp.sentence.LineShapes}: headers, list items).
 *
 * <p>Clinical notes break lines for layout as often as for meaning: dictation software wraps sentences, lists have
 * no final periods, and headers have no punctuation at all. The splitter therefore reads line breaks as well as
 * punctuation; see the class documentation for the rules. Immutable and thread-safe.
 */
package org.medsift.nlp.sentence;
