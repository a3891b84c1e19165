/**
 * Tokenization of clinical text: {@link org.medsift.nlp.tokenize.ClinicalTokenizer} (the annotator, producing
 * {@link org.medsift.core.text.Layers#TOKENS}) and {@link org.medsift.nlp.tokenize.TokenCursor} (the scanner, usable
 * on any {@link java.lang.CharSequence} without a document).
 *
 * <p>Offsets are half-open UTF-16 char offsets, as everywhere in Medsift. The scanner is hand-written (no regular
 * expressions) and allocates nothing per token.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Number and unit are split</b> ({@code 5mg} is {@code 5} + {@code mg}) when the letters are a known unit,
 *   so that dose and measurement extraction read one value token and one unit token whatever the spacing. Other
 *   letters stay with the number as one {@code ALNUM} ({@code 3rd}, {@code 5HT}).</li>
 *   <li><b>Ages and ranges split at the dash</b>: {@code 5-year-old} is {@code 5}, {@code -}, {@code year-old};
 *   {@code 5-10} is {@code 5}, {@code -}, {@code 10}. Only dates keep their dashes ({@code 2021-03-14}).</li>
 *   <li><b>{@code .5} is one NUMBER</b> when the period does not follow a letter or digit.</li>
 *   <li><b>Periods</b> stay in an abbreviation only for chains of single letters ({@code p.o.}, {@code e.g.}) and
 *   a short list of words ({@code Dr.}, {@code vs.}, {@code etc.}, {@code wks.}); an ordinary word before a
 *   period is WORD + PUNCT. Titles match with exact case so that {@code MS.} (multiple sclerosis) stays a word.</li>
 *   <li><b>CJK and other scripts without spaces</b> are not segmented: a run of letters is one WORD.</li>
 * </ul>
 *
 * <p>Thread safety: {@code ClinicalTokenizer} is immutable and thread-safe; a {@code TokenCursor} belongs to one
 * thread.
 */
package org.medsift.nlp.tokenize;
