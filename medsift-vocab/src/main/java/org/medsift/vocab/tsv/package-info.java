/**
 * Importer for simple tab-separated term lists ({@code code, term, system, group[, kind]}) into a
 * {@link org.medsift.vocab.LexiconBuilder}. Bad lines are reported as
 * {@link org.medsift.core.problem.Problem}s with codes {@code VOCAB-TSV-0001..0009}, the line number, the value
 * found and the value expected; none is skipped silently. Importers are immutable; builders and sinks are used
 * from one thread. Arguments are non-null.
 */
package org.medsift.vocab.tsv;
