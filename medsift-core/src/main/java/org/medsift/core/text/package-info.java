/**
 * The text model: one immutable {@link org.medsift.core.text.Text} per document and the layers that annotators add
 * to it.
 *
 * <h2>Offsets</h2>
 * Every offset in Medsift is a UTF-16 {@code char} index into {@link org.medsift.core.text.Text#content()}, and
 * every span is half-open: {@code [start, end)}, so {@code content.substring(start, end)} is the covered text and
 * {@code end - start} its length. This is stated here once and holds for tokens, sentences, sections, findings,
 * outputs (JSON, FHIR extensions, OMOP {@code offset}, brat) and de-identification offset maps.
 *
 * <h2>Tokens are arrays, findings are records</h2>
 * Tokens live in a {@link org.medsift.core.text.TokenTable}: parallel primitive arrays indexed by token number.
 * Sentences are token ranges in a {@link org.medsift.core.text.SpanTable}; sections are few and are records
 * ({@link org.medsift.core.text.Section}). Findings (see {@code org.medsift.core.model}) are records with offsets.
 *
 * <h2>Workflow</h2>
 * <pre>{@code
 * Text text = Text.of("note-1", "Denies chest pain. BP 120/80.");
 * Document doc = pipeline.process(text);            // org.medsift.core.pipeline.Pipeline
 * TokenTable tokens = doc.require(Layers.TOKENS);
 * for (int i = 0; i < tokens.size(); i++) {
 *     CharSequence covered = text.content().subSequence(tokens.start(i), tokens.end(i));
 * }
 * for (ConceptMention m : doc.require(Layers.CONCEPTS)) {
 *     System.out.println(m.start() + "-" + m.end() + " " + m.preferredName() + " " + m.assertion());
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * {@code Text} and frozen {@code Document}s are immutable and safe to share. A {@code Document} is written by one
 * thread while a pipeline runs and frozen before it is returned.
 */
package org.medsift.core.text;
