package org.medsift.app.batch;

import java.io.IOException;
import java.nio.file.Path;
import org.medsift.core.text.Document;

/** Writes one processed document in one format. Implementations are thread-safe. */
@FunctionalInterface
public interface DocumentWriter {
    /**
     * Writes {@code doc} to {@code base + suffix} (and any companion files).
     *
     * @param doc  the frozen document
     * @param base the output path without suffix (folders exist)
     */
    void write(Document doc, Path base) throws IOException;
}
