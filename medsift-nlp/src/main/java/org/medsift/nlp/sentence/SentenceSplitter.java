package org.medsift.nlp.sentence;

import java.util.Set;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Splits tokens into sentences ({@link Layers#SENTENCES}) by rules tuned for clinical notes. A new sentence starts
 * before a token when:
 * <ol>
 *   <li>a blank line (two or more line breaks) precedes it;</li>
 *   <li>it starts a line that is a header ({@link LineShapes#headerEnd}) or a list item
 *   ({@link LineShapes#isListItem}), or the line before it was a header;</li>
 *   <li>it follows {@code .}, {@code !} or {@code ?} (possibly with closing quotes or brackets) and starts with an
 *   upper-case letter, a digit or a placeholder, or starts a new line; not after a name initial between two
 *   capitalised words ({@code John A. Smith});</li>
 *   <li>it follows an abbreviation token that may end a sentence ({@code etc.}, {@code p.o.}, not titles such as
 *   {@code Dr.} or Latin such as {@code e.g.}) and is a capitalised word ({@code He}, not {@code BID});</li>
 *   <li>it starts a new line, the previous line ended with {@code :}, or did not end with a continuation (a comma,
 *   hyphen, slash, or function word such as {@code of}, {@code the}, {@code with}) and the new line starts
 *   with an upper-case letter. Otherwise a single line break is taken as dictation wrapping a sentence and does
 *   not split.</li>
 * </ol>
 * Every token belongs to exactly one sentence. Requires {@link Layers#TOKENS}. Immutable and thread-safe.
 */
public final class SentenceSplitter implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "sentences";

    /** Abbreviations after which a sentence never ends (lower case, as written with their periods). */
    private static final String[] NON_TERMINAL = {"dr.", "drs.", "mr.", "mrs.", "ms.", "prof.", "st.", "mt.", "vs.",
        "cf.", "viz.", "e.g.", "e.g", "i.e.", "i.e", "approx.", "w/", "s/p", "r/o", "h/o", "c/o", "w/o", "b/l"};

    /** Words that, ending a line, show that the sentence goes on in the next line. */
    private static final String[] CONTINUATIONS = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "by",
        "with", "from", "and", "or", "but", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had",
        "his", "her", "their", "its", "that", "which", "who", "than", "without", "into", "about", "after",
        "before", "during", "per", "including", "not", "no", "denies", "very"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.SENTENCES);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        doc.put(Layers.SENTENCES, split(doc.text().content(), doc.require(Layers.TOKENS)));
    }

    /** Sentences of {@code tokens} over {@code text}, outside a pipeline. */
    public static SpanTable split(CharSequence text, TokenTable tokens) {
        int n = tokens.size();
        SpanTable sentences = new SpanTable(n / 12 + 4);
        if (n == 0) {
            return sentences;
        }
        int sentenceStart = 0;
        boolean lineIsHeader = LineShapes.headerEnd(text, tokens, 0) >= 0;
        for (int i = 1; i < n; i++) {
            int breaks = tokens.breaks(i);
            boolean split;
            if (breaks > 0) {
                boolean previousLineHeader = lineIsHeader;
                lineIsHeader = LineShapes.headerEnd(text, tokens, i) >= 0;
                split = breaks >= 2 || previousLineHeader || lineIsHeader
                        || LineShapes.isListItem(text, tokens, i) || splitsAtLineBreak(text, tokens, i);
            } else {
                split = splitsInLine(text, tokens, i);
            }
            if (split) {
                sentences.add(sentenceStart, i);
                sentenceStart = i;
            }
        }
        sentences.add(sentenceStart, n);
        return sentences;
    }

    /** A single line break before token {@code i}: split unless the line looks wrapped mid-sentence. */
    private static boolean splitsAtLineBreak(CharSequence text, TokenTable tokens, int i) {
        int prev = i - 1;
        int terminal = skipClosers(text, tokens, prev);
        if (terminal >= 0 && isTerminal(text, tokens, terminal)) {
            return true;
        }
        if (LineShapes.isChar(text, tokens, prev, ':') || LineShapes.isChar(text, tokens, prev, ';')) {
            return true;
        }
        byte kind = tokens.kind(prev);
        if (kind == TokenKind.ABBREVIATION) {
            return !isNonTerminal(text, tokens, prev) && startsUpper(text, tokens, i);
        }
        if (isContinuation(text, tokens, prev)) {
            return false;
        }
        return startsUpper(text, tokens, i) || tokens.kind(i) == TokenKind.PLACEHOLDER;
    }

    /** No line break before token {@code i}. */
    private static boolean splitsInLine(CharSequence text, TokenTable tokens, int i) {
        int prev = i - 1;
        if (isCloser(text, tokens, i) && tokens.start(i) == tokens.end(prev)) {
            return false; // the closing quote or bracket belongs to the sentence it closes
        }
        int terminal = skipClosers(text, tokens, prev);
        if (terminal >= 0 && isTerminal(text, tokens, terminal)) {
            if (isInitial(text, tokens, terminal, i) || isListMarker(text, tokens, terminal)) {
                return false;
            }
            byte kind = tokens.kind(i);
            if (isOpener(text, tokens, i) && i + 1 < tokens.size() && tokens.start(i + 1) == tokens.end(i)) {
                return startsUpper(text, tokens, i + 1); // 'Stable. "Doing well."'
            }
            return startsUpper(text, tokens, i) || kind == TokenKind.NUMBER || kind == TokenKind.NUMERIC_PATTERN
                    || kind == TokenKind.PLACEHOLDER;
        }
        if (tokens.kind(prev) == TokenKind.ABBREVIATION && text.charAt(tokens.end(prev) - 1) == '.'
                && !isNonTerminal(text, tokens, prev)) {
            return isCapitalisedWord(text, tokens, i);
        }
        return false;
    }

    /** The token before any closing quotes or brackets that end at {@code token}, or -1. */
    private static int skipClosers(CharSequence text, TokenTable tokens, int token) {
        int t = token;
        while (t > 0 && isCloser(text, tokens, t) && tokens.start(t) == tokens.end(t - 1)) {
            t--;
        }
        return t;
    }

    private static boolean isCloser(CharSequence text, TokenTable tokens, int t) {
        if (tokens.length(t) != 1) {
            return false;
        }
        char c = text.charAt(tokens.start(t));
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '\u201d' || c == '\u2019';
    }

    private static boolean isOpener(CharSequence text, TokenTable tokens, int t) {
        if (tokens.length(t) != 1) {
            return false;
        }
        char c = text.charAt(tokens.start(t));
        return c == '(' || c == '[' || c == '"' || c == '\u201c';
    }

    private static boolean isTerminal(CharSequence text, TokenTable tokens, int t) {
        if (tokens.kind(t) != TokenKind.PUNCT) {
            return false;
        }
        char c = text.charAt(tokens.start(t));
        return c == '.' || c == '!' || c == '?';
    }

    /** "John A. Smith": a single capital letter after a capitalised word, before a capitalised word. */
    private static boolean isInitial(CharSequence text, TokenTable tokens, int period, int next) {
        int letter = period - 1;
        if (letter < 1 || tokens.length(letter) != 1 || tokens.kind(letter) != TokenKind.WORD
                || !Character.isUpperCase(text.charAt(tokens.start(letter)))
                || tokens.end(letter) != tokens.start(period) || tokens.breaks(letter) > 0) {
            return false;
        }
        int before = letter - 1;
        return tokens.kind(before) == TokenKind.WORD && isCapitalisedWord(text, tokens, before)
                && isCapitalisedWord(text, tokens, next);
    }

    /** The period of a list marker such as "1." at the start of a line. */
    private static boolean isListMarker(CharSequence text, TokenTable tokens, int period) {
        int number = period - 1;
        return number >= 0 && LineShapes.isLineStart(tokens, number) && tokens.end(number) == tokens.start(period)
                && LineShapes.isListItem(text, tokens, number);
    }

    private static boolean startsUpper(CharSequence text, TokenTable tokens, int t) {
        return Character.isUpperCase(Character.codePointAt(text, tokens.start(t)));
    }

    /** Upper-case first letter followed by at least one lower-case letter ("He", "Tylenol"; not "BID"). */
    private static boolean isCapitalisedWord(CharSequence text, TokenTable tokens, int t) {
        if (tokens.kind(t) != TokenKind.WORD || tokens.length(t) < 2 || !startsUpper(text, tokens, t)) {
            return false;
        }
        return Character.isLowerCase(text.charAt(tokens.start(t) + 1));
    }

    private static boolean isNonTerminal(CharSequence text, TokenTable tokens, int t) {
        for (String a : NON_TERMINAL) {
            if (LineShapes.equalsIgnoreCase(text, tokens, t, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContinuation(CharSequence text, TokenTable tokens, int t) {
        if (tokens.length(t) == 1) {
            char c = text.charAt(tokens.start(t));
            if (c == ',' || c == '-' || c == '/' || c == '(' || c == '&' || c == '+') {
                return true;
            }
        }
        if (tokens.kind(t) != TokenKind.WORD) {
            return false;
        }
        for (String w : CONTINUATIONS) {
            if (LineShapes.equalsIgnoreCase(text, tokens, t, w)) {
                return true;
            }
        }
        return false;
    }
}
