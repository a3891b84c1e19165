package org.medsift.ml.corpus;

import java.io.IOException;

/** A corpus file that does not follow its format; the message names the file, the line and what was expected. */
public final class AnnotationFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public AnnotationFormatException(String message) {
        super(message);
    }

    static AnnotationFormatException at(Object file, int line, String message) {
        return new AnnotationFormatException(file + ":" + line + ": " + message);
    }
}
