package org.medsift.ml.ner;

import java.io.IOException;

/** A model file that is not a Medsift NER model, or one of a format version this build cannot read. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }
}
