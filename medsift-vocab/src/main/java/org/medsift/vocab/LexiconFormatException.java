package org.medsift.vocab;

import java.io.IOException;

/**
 * A compiled lexicon could not be read: not a lexicon, another format version, truncated or inconsistent. The
 * message says what was found and what was expected.
 */
public final class LexiconFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public LexiconFormatException(String message) {
        super(message);
    }
}
