package org.medsift.nlp.tokenize;

import java.util.Set;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.TokenTable;

/**
 * Splits clinical text into tokens ({@link Layers#TOKENS}) with the rules of {@link TokenCursor}: abbreviations
 * with periods, numbers and numeric patterns, units split from numbers, de-identification placeholders, and line
 * break counts for the sentence and section annotators.
 *
 * <p>Requires only {@link Layers#TEXT}. Immutable and thread-safe; the cursor comes from the thread's
 * {@link Workspace}, and the token table is sized from the text length, so a document costs one allocation of
 * arrays (plus doublings on unusually dense text) and none per token.
 */
public final class ClinicalTokenizer implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "tokenizer";

    private static final Workspace.Key<TokenCursor> CURSOR = Workspace.Key.of(TokenCursor::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TEXT);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.TOKENS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        TokenCursor cursor = workspace.get(CURSOR);
        doc.put(Layers.TOKENS, fill(cursor, doc.text().content()));
    }

    /** Tokenizes {@code text} outside a pipeline, with a new cursor. */
    public static TokenTable tokenize(CharSequence text) {
        return fill(new TokenCursor(), text);
    }

    /**
     * A token-table capacity for a text of {@code length} chars: clinical notes average about six chars per token
     * including whitespace, so this rarely needs to grow.
     */
    public static int estimateCapacity(int length) {
        return length / 5 + 16;
    }

    private static TokenTable fill(TokenCursor cursor, CharSequence text) {
        TokenTable table = new TokenTable(estimateCapacity(text.length()));
        cursor.reset(text);
        try {
            while (cursor.advance()) {
                table.add(cursor.start(), cursor.end(), cursor.kind(), cursor.breaks());
            }
        } finally {
            cursor.clear();
        }
        return table;
    }
}
