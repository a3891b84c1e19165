package org.medsift.nlp.sentence;

import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Shapes of lines that the sentence splitter and the section detector both need: header lines and list items.
 * A line starts at a token with {@link TokenTable#breaks} {@code > 0} (or at token 0). All methods read the tokens
 * and chars in place and allocate nothing; all are static and thread-safe.
 *
 * <p>A <em>header shape</em> is, at line start, an optional prefix (markdown {@code #}s, or a number with
 * {@code .} or {@code )}), then one to eight header words on the same line (words, abbreviations, and the
 * connectors {@code / & , - ( )}), then either
 * <ul>
 *   <li>a colon, with the words in ALL CAPS ({@code HISTORY OF PRESENT ILLNESS:}) or Title Case
 *   ({@code Past Medical History:}; {@code of, and, the, or, for, to, in, on, with} may stay lower case); or</li>
 *   <li>the end of the line, with the words in ALL CAPS ({@code PHYSICAL EXAMINATION}) or after a markdown
 *   prefix ({@code # Chief Complaint}).</li>
 * </ul>
 */
public final class LineShapes {
    /** Header words beyond this count make a line ordinary text. */
    public static final int MAX_HEADER_WORDS = 8;
    /** Header text longer than this (in chars) makes a line ordinary text. */
    public static final int MAX_HEADER_CHARS = 60;

    private static final String[] CONNECTORS = {"of", "and", "the", "or", "for", "to", "in", "on", "with", "a", "an",
        "at"};

    private LineShapes() {
    }

    /** True when {@code token} is the first token of a line. */
    public static boolean isLineStart(TokenTable tokens, int token) {
        return token == 0 || tokens.breaks(token) > 0;
    }

    /**
     * Index of the first header word of a line starting at {@code first}, after any markdown {@code #}s or
     * numbering ({@code 1.}, {@code 2)}); {@code first} itself when there is no prefix.
     */
    public static int headerWordsStart(CharSequence text, TokenTable tokens, int first) {
        int n = tokens.size();
        if (first >= n) {
            return first;
        }
        if (isHashes(text, tokens, first)) {
            return first + 1 < n && tokens.breaks(first + 1) == 0 ? first + 1 : first;
        }
        if (tokens.kind(first) == TokenKind.NUMBER && tokens.length(first) <= 2 && first + 2 < n
                && tokens.breaks(first + 1) == 0 && tokens.breaks(first + 2) == 0
                && (isChar(text, tokens, first + 1, '.') || isChar(text, tokens, first + 1, ')'))) {
            return first + 2;
        }
        return first;
    }

    /** True when the line starting at {@code first} begins with markdown {@code #}s. */
    public static boolean isMarkdownHeader(CharSequence text, TokenTable tokens, int first) {
        return first < tokens.size() && isHashes(text, tokens, first) && headerWordsStart(text, tokens, first)
                > first;
    }

    /**
     * The exclusive end token of the header words of a header-shaped line starting at {@code first} (the colon's
     * index for colon headers), or -1 when the line is not header-shaped. {@code first} must be a line start.
     */
    public static int headerEnd(CharSequence text, TokenTable tokens, int first) {
        int n = tokens.size();
        int w = headerWordsStart(text, tokens, first);
        if (w >= n || (w > first && tokens.breaks(w) > 0)) {
            return -1;
        }
        boolean markdown = w > first && isHashes(text, tokens, first);
        boolean allCaps = true;
        boolean titleCase = true;
        int words = 0;
        int letters = 0;
        int j = w;
        while (j < n && (j == w || tokens.breaks(j) == 0)) {
            byte kind = tokens.kind(j);
            if (kind == TokenKind.WORD || kind == TokenKind.ABBREVIATION || kind == TokenKind.ALNUM) {
                if (kind == TokenKind.ALNUM && !Character.isLetter(text.charAt(tokens.start(j)))) {
                    return -1; // "3rd", "5HT": a value, not a header word
                }
                words++;
                int upper = 0;
                int lower = 0;
                for (int k = tokens.start(j); k < tokens.end(j); k++) {
                    char c = text.charAt(k);
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (Character.isLowerCase(c)) {
                        lower++;
                    }
                }
                letters += upper + lower;
                if (lower > 0) {
                    allCaps = false;
                }
                if (!Character.isUpperCase(text.charAt(tokens.start(j))) && (j == w || !isConnector(text, tokens, j))) {
                    titleCase = false;
                }
            } else if (kind == TokenKind.PUNCT && isChar(text, tokens, j, ':')) {
                break;
            } else if (!(isChar(text, tokens, j, '/') || isChar(text, tokens, j, '&') || isChar(text, tokens, j, ',')
                    || isChar(text, tokens, j, '-') || isChar(text, tokens, j, '(') || isChar(text, tokens, j, ')'))) {
                return -1;
            }
            if (words > MAX_HEADER_WORDS || tokens.end(j) - tokens.start(w) > MAX_HEADER_CHARS) {
                return -1;
            }
            j++;
        }
        if (words == 0) {
            return -1;
        }
        boolean colon = j < n && tokens.breaks(j) == 0 && j > w && isChar(text, tokens, j, ':');
        if (colon) {
            return allCaps && letters > 0 || titleCase ? j : -1;
        }
        // end of line without a colon: ALL CAPS or markdown only
        return markdown || (allCaps && letters >= 2) ? j : -1;
    }

    /** True when the header-shaped line starting at {@code first} ends its header words with a colon. */
    public static boolean hasColon(CharSequence text, TokenTable tokens, int headerEnd) {
        return headerEnd >= 0 && headerEnd < tokens.size() && tokens.breaks(headerEnd) == 0
                && isChar(text, tokens, headerEnd, ':');
    }

    /**
     * True when the line starting at {@code first} is a list item: a number of one or two digits followed by
     * {@code .} or {@code )}, or a bullet ({@code -}, {@code *}, {@code •}, {@code ·}, {@code ▪}, {@code o}
     * is not one), followed by more text on the line.
     */
    public static boolean isListItem(CharSequence text, TokenTable tokens, int first) {
        int n = tokens.size();
        if (first + 1 >= n || tokens.breaks(first + 1) > 0) {
            return false;
        }
        if (tokens.kind(first) == TokenKind.NUMBER && tokens.length(first) <= 2) {
            return (isChar(text, tokens, first + 1, '.') || isChar(text, tokens, first + 1, ')'))
                    && first + 2 < n && tokens.breaks(first + 2) == 0;
        }
        return isChar(text, tokens, first, '-') || isChar(text, tokens, first, '*')
                || isChar(text, tokens, first, '\u2022') || isChar(text, tokens, first, '\u00b7')
                || isChar(text, tokens, first, '\u25aa');
    }

    /** True when the token is exactly the one char {@code c}. */
    public static boolean isChar(CharSequence text, TokenTable tokens, int token, char c) {
        return tokens.length(token) == 1 && text.charAt(tokens.start(token)) == c;
    }

    /**
     * True when the token equals {@code word}, ignoring ASCII case. {@code word} must be lower case.
     */
    public static boolean equalsIgnoreCase(CharSequence text, TokenTable tokens, int token, String word) {
        if (tokens.length(token) != word.length()) {
            return false;
        }
        int s = tokens.start(token);
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(s + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A run of {@code #} (the tokenizer keeps a run of the same symbol together). */
    private static boolean isHashes(CharSequence text, TokenTable tokens, int token) {
        return text.charAt(tokens.start(token)) == '#' && text.charAt(tokens.end(token) - 1) == '#'
                && tokens.kind(token) == TokenKind.SYMBOL;
    }

    private static boolean isConnector(CharSequence text, TokenTable tokens, int token) {
        for (String c : CONNECTORS) {
            if (equalsIgnoreCase(text, tokens, token, c)) {
                return true;
            }
        }
        return false;
    }
}
