/**
 * Section detection ({@link org.medsift.nlp.section.SectionDetector}, producing
 * {@link org.medsift.core.text.Layers#SECTIONS}): header lines and run-in headers mapped to
 * {@link org.medsift.core.text.SectionType} through the table {@code org/medsift/nlp/section/sections.tsv}.
 * Sections cover the whole text in order; docs/sections.md documents the taxonomy, the LOINC codes and the rules.
 * Immutable and thread-safe.
 */
package org.medsift.nlp.section;
