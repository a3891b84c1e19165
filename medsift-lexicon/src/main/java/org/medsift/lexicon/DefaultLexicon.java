package org.medsift.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.medsift.vocab.Lexicon;

/** The embedded default lexicon, loaded once from this jar's resources. */
public final class DefaultLexicon {
    /** Classpath resource of the compiled default lexicon. */
    public static final String RESOURCE = "/org/medsift/lexicon/medsift-default.lex";

    private DefaultLexicon() {
    }

    private static final class Holder {
        static final Lexicon INSTANCE = load();
    }

    /** The default lexicon (loaded on first call, then shared). */
    public static Lexicon get() {
        return Holder.INSTANCE;
    }

    private static Lexicon load() {
        try (InputStream in = DefaultLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default lexicon resource " + RESOURCE
                        + " is missing from the classpath; rebuild medsift-lexicon with Maven");
            }
            return Lexicon.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default lexicon " + RESOURCE, e);
        }
    }
}
