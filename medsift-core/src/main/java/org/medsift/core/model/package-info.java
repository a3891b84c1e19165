/**
 * Finding records: what extraction reports about a text ({@link org.medsift.core.model.ConceptMention} with its
 * {@link org.medsift.core.model.Assertion}), and the code and group types they carry. Records are immutable;
 * offsets are half-open UTF-16 char offsets into the document text (see {@code org.medsift.core.text}), checked
 * in the compact constructors.
 */
package org.medsift.core.model;
