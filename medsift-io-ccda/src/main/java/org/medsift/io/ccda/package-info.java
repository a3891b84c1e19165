/**
 * C-CDA R2.1 reader on the JDK's XML parser: {@link org.medsift.io.ccda.CcdaReader} reads the header (patient,
 * author, document date, encompassing encounter), coded entries recognized by template id (problems, allergies,
 * medications, results, vital signs, procedures, immunizations, encounters) and the narrative {@code text} of
 * every section (and of {@code nonXMLBody} for unstructured documents) as a
 * {@link org.medsift.core.record.RecordText}.
 *
 * <p>Narrative text: character data in document order; a line break after each block ({@code paragraph},
 * {@code br}, {@code item}, table row, caption, section title) and a tab between table cells; offsets are char
 * offsets into that text; each section's text has one {@link org.medsift.core.record.TextPiece} naming the
 * section's XPath. Safety: DOCTYPE declarations are refused (so no external or recursive entities), element depth
 * is limited to {@link org.medsift.io.ccda.CcdaReader#MAX_DEPTH}, and files above
 * {@link org.medsift.io.ccda.CcdaReader#MAX_BYTES} are not read. Problem codes {@code CCDA-*}: docs/problems.md.
 * Thread-safe.
 */
package org.medsift.io.ccda;
