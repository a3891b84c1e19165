package org.medsift.io.doc;

import org.medsift.core.record.ReadResult;

/**
 * A reader of one document format. The result holds at most one {@link org.medsift.core.record.RecordText}: the
 * extracted text, whose {@link org.medsift.core.record.RecordText#pieces() pieces} are the structure map (piece
 * {@code i} = page or paragraph {@code i + 1}, path {@code page[n]} or {@code paragraph[n]}). No patients or
 * structured entries. Implementations are immutable and thread-safe; they throw only on bugs.
 */
public interface DocumentReader {
    /** {@code pdf}, {@code docx} or {@code rtf}. */
    String format();

    /** Reads one document; bad data gives problems in the result. */
    ReadResult read(String file, byte[] bytes);
}
