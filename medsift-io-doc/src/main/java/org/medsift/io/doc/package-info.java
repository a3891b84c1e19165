/**
 * Document readers: {@link org.medsift.io.doc.PdfReader} (the text layer of a PDF, Apache PDFBox, page by page),
 * {@link org.medsift.io.doc.DocxReader} (the body of a DOCX, JDK zip and a hardened SAX parser, paragraph by
 * paragraph) and {@link org.medsift.io.doc.RtfReader} (RTF, an own parser, paragraph by paragraph);
 * {@link org.medsift.io.doc.DocumentReaders} finds one by format name, MIME type or content.
 *
 * <p>Each returns a {@link org.medsift.core.record.ReadResult} with at most one
 * {@link org.medsift.core.record.RecordText}: the extracted text, blocks (pages, paragraphs) joined by one
 * {@code '\n'}, and its structure map as {@link org.medsift.core.record.TextPiece}s: piece {@code i} is block
 * {@code i + 1}, a half-open UTF-16 char range into the text with the path {@code page[n]} or
 * {@code paragraph[n]} (1-based, empty blocks included, so the map always has one piece per page / paragraph).
 * Finding offsets are offsets into that text; the piece holding a finding's start names its page or paragraph.
 * Inputs are bounded (file size, inflated size, pages, nesting, chars kept); bad input gives problems with codes
 * {@code PDF-*}, {@code DOCX-*}, {@code RTF-*} (docs/problems.md) and the rest is read. Thread-safe.
 */
package org.medsift.io.doc;
