/**
 * Test support for annotator authors.
 *
 * <p>{@link org.medsift.testkit.AnnotatorConformance} checks the invariants every annotator must keep (offsets in
 * bounds and in order, layers covering the text, no state leaking between documents, no exception on empty, huge or
 * random text), after Lucene's {@code BaseTokenStreamTestCase}. {@link org.medsift.testkit.SyntheticNotes} holds
 * short invented notes for tests; they contain no real patient data.
 *
 * <pre>{@code
 * @Test
 * void conformsToAnnotatorContract() {
 *     AnnotatorConformance.check(new ClinicalTokenizer(), new SentenceSplitter(), new MyAnnotator());
 * }
 * }</pre>
 *
 * <p>Failures are {@link AssertionError}s whose messages quote short snippets of the text under test: use the kit
 * with synthetic data only.
 */
package org.medsift.testkit;
