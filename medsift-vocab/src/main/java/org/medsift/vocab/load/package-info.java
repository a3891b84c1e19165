/**
 * What every vocabulary importer shares: the merge rule ({@link org.medsift.vocab.load.Merge}), the report of
 * what was kept and dropped ({@link org.medsift.vocab.load.ImportReport}), and a line reader that locates bad
 * rows by file and line ({@link org.medsift.vocab.load.LineReader}).
 *
 * <p>Importers report bad rows (wrong column count, empty required values, bytes that are not UTF-8) as
 * {@link org.medsift.core.problem.Problem}s with a stable code ({@code VOCAB-UMLS-0001}), located as
 * {@code FILE @ line N}, and keep reading; rows left out on purpose by a filter are counted in the report with
 * their reason, never silently. Not thread-safe: one import at a time per builder.
 */
package org.medsift.vocab.load;
