package org.medsift.nlp.tokenize;

import org.medsift.core.text.TokenKind;

/**
 * A hand-written scanner that walks the tokens of a {@link CharSequence} one at a time, without a
 * {@link org.medsift.core.text.Document} and without allocating per token. It is the engine of
 * {@link ClinicalTokenizer}.
 *
 * <pre>{@code
 * TokenCursor cursor = new TokenCursor();
 * cursor.reset("Metoprolol 25mg p.o. b.i.d.");
 * while (cursor.advance()) {
 *     int start = cursor.start(), end = cursor.end();   // half-open UTF-16 offsets
 *     byte kind = cursor.kind();                         // a TokenKind constant
 * }
 * }</pre>
 *
 * <p>The rules (see the package documentation for the reasons):
 * <ul>
 *   <li>Whitespace ({@link Character#isWhitespace}, {@link Character#isSpaceChar}, BOM, zero-width space) separates
 *   tokens and is never part of one. {@link #breaks()} counts {@code \n}, {@code \r\n} and lone {@code \r} in the
 *   whitespace before the token.</li>
 *   <li>Letters, with inner apostrophes and hyphens ({@code Crohn's}, {@code non-tender}), are one {@code WORD};
 *   with digits ({@code q6h}, {@code B12}, {@code 3rd}) one {@code ALNUM}.</li>
 *   <li>Chains of single letters and periods ({@code p.o.}, {@code b.i.d.}, {@code e.g.}) and listed words with a
 *   period ({@code Dr.}, {@code vs.}, {@code etc.}) are one {@code ABBREVIATION}; so are single-letter slash
 *   forms ({@code s/p}, {@code r/o}, {@code w/}).</li>
 *   <li>Numbers: {@code 12}, {@code 0.125}, {@code .5}, {@code 1,000} are one {@code NUMBER}; {@code 120/80},
 *   {@code 03/14/2021}, {@code 2021-03-14}, {@code 10:30}, {@code 1:160}, {@code 1.2.3} one
 *   {@code NUMERIC_PATTERN}. A number followed by a known unit is split from it ({@code 5mg} is {@code 5} +
 *   {@code mg}); followed by other letters it is one {@code ALNUM} ({@code 3rd}, {@code 5HT}).</li>
 *   <li>De-identification placeholders ({@code **NAME[AAA, BBB M]}, {@code [**Hospital 123**]}, {@code ___},
 *   {@code XXXX}, {@code XX/XX/XXXX}) are one {@code PLACEHOLDER}.</li>
 *   <li>Punctuation and symbols are one token per char, except runs of the same char among
 *   {@code . ! ? - = * ~ # + _}, which are one token ({@code ...}, {@code --}, {@code ====}).</li>
 *   <li>Everything else (emoji, controls, unpaired surrogates) is {@code OTHER}, one code point per token; a
 *   surrogate pair is never split.</li>
 * </ul>
 *
 * <p>Not thread-safe: use one cursor per thread (the tokenizer keeps one in each
 * {@link org.medsift.core.pipeline.Workspace}).
 */
public final class TokenCursor {
    /** Placeholders longer than this are not recognised (keeps a stray {@code [**} from swallowing a note). */
    static final int MAX_PLACEHOLDER = 120;

    private CharSequence s = "";
    private int limit;
    private int pos;
    private int start;
    private int end;
    private byte kind;
    private int breaks;

    /** Starts scanning all of {@code text}. Returns this cursor. */
    public TokenCursor reset(CharSequence text) {
        return reset(text, 0, text.length());
    }

    /**
     * Starts scanning {@code text[from, to)}; offsets stay relative to the whole {@code text}.
     *
     * @throws IndexOutOfBoundsException when the range is outside the text
     */
    public TokenCursor reset(CharSequence text, int from, int to) {
        if (from < 0 || to > text.length() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside [0, " + text.length()
                    + "]");
        }
        this.s = text;
        this.limit = to;
        this.pos = from;
        this.start = from;
        this.end = from;
        this.kind = 0;
        this.breaks = 0;
        return this;
    }

    /** Drops the reference to the text, so a pooled cursor does not keep a document alive. */
    public void clear() {
        reset("");
    }

    /** Moves to the next token; false when there is none. */
    public boolean advance() {
        int n = 0;
        int i = pos;
        final CharSequence s = this.s;
        final int limit = this.limit;
        while (i < limit) {
            char c = s.charAt(i);
            if (c == '\n') {
                n++;
            } else if (c == '\r') {
                if (i + 1 >= limit || s.charAt(i + 1) != '\n') {
                    n++;
                }
            } else if (!isSpace(c)) {
                break;
            }
            i++;
        }
        if (i >= limit) {
            pos = limit;
            return false;
        }
        breaks = n;
        start = i;
        scan(i);
        pos = end;
        return true;
    }

    /** Char offset of the current token (inclusive). */
    public int start() {
        return start;
    }

    /** Char offset after the current token (exclusive). */
    public int end() {
        return end;
    }

    /** {@link TokenKind} of the current token. */
    public byte kind() {
        return kind;
    }

    /** Line breaks between the previous token (or the start of the range) and the current token. */
    public int breaks() {
        return breaks;
    }

    // ------------------------------------------------------------------------------------------ scanning

    private void scan(int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            if (isAsciiLetter(c)) {
                if ((c == 'X' || c == 'x') && xPlaceholder(i)) {
                    return;
                }
                word(i);
            } else if (c >= '0' && c <= '9') {
                number(i);
            } else if (c == '.' && i + 1 < limit && isDigit(s.charAt(i + 1)) && !(i > 0 && isLetterOrDigitAt(i - 1))) {
                // a leading-dot decimal such as ".5"; unsafe in orders but it occurs in text
                number(i);
            } else if ((c == '*' || c == '[') && placeholder(i)) {
                return;
            } else if (c == '_') {
                int j = run(i, '_');
                set(j, j - i >= 3 ? TokenKind.PLACEHOLDER : TokenKind.SYMBOL);
            } else {
                punctuation(i, c);
            }
            return;
        }
        int cp = Character.codePointAt(s, i);
        if (Character.isLetterOrDigit(cp)) {
            word(i); // non-ASCII digits too: number() reads ASCII digits only
        } else {
            nonAsciiOther(i, cp);
        }
    }

    private void set(int tokenEnd, byte tokenKind) {
        end = tokenEnd;
        kind = tokenKind;
    }

    // ---------------------------------------------------------------- words, abbreviations

    private void word(int i) {
        int chain = letterPeriodChain(i);
        if (chain > 0) {
            set(chain, TokenKind.ABBREVIATION);
            return;
        }
        int slash = letterSlashChain(i);
        if (slash > 0) {
            set(slash, TokenKind.ABBREVIATION);
            return;
        }
        boolean digits = false;
        boolean letters = false;
        boolean joined = false;
        int j = i;
        while (j < limit) {
            char c = s.charAt(j);
            if (isAsciiLetter(c)) {
                letters = true;
                j++;
            } else if (c >= '0' && c <= '9') {
                digits = true;
                j++;
            } else if (c < 0x80) {
                if ((c == '\'' || c == '-') && j + 1 < limit && isWordCharAt(j + 1)
                        && (c == '-' || isLetterAt(j + 1))) {
                    joined = true;
                    j++;
                } else {
                    break;
                }
            } else if (c == '\u2019' || c == '\u2010' || c == '\u2011') {
                // typographic apostrophe and hyphens join like their ASCII forms
                if (j + 1 < limit && isWordCharAt(j + 1) && (c != '\u2019' || isLetterAt(j + 1))) {
                    joined = true;
                    j++;
                } else {
                    break;
                }
            } else {
                int cp = Character.codePointAt(s, j);
                if (Character.isLetter(cp) || isMark(cp)) {
                    letters = true;
                    j += Character.charCount(cp);
                } else if (Character.isDigit(cp)) {
                    digits = true;
                    j += Character.charCount(cp);
                } else {
                    break;
                }
            }
        }
        if (!digits && !joined && j < limit && s.charAt(j) == '.' && Abbreviations.isPeriodAbbreviation(s, i, j)) {
            set(j + 1, TokenKind.ABBREVIATION);
            return;
        }
        set(j, !digits ? TokenKind.WORD : letters || joined ? TokenKind.ALNUM : TokenKind.NUMBER);
    }

    /**
     * End of a chain of two or more single letters each followed by a period ({@code p.o.}, {@code e.g.}); the
     * last period may be missing ({@code p.o}). -1 when there is no chain.
     */
    private int letterPeriodChain(int i) {
        int j = i;
        int letters = 0;
        while (j + 1 < limit && isAsciiLetter(s.charAt(j)) && s.charAt(j + 1) == '.'
                && (j + 2 >= limit || !isLetterOrDigitAt(j + 2) || isSingleLetterAt(j + 2))) {
            letters++;
            j += 2;
        }
        if (letters == 0) {
            return -1;
        }
        if (isSingleLetterAt(j)) {
            // "p.o" without the final period
            letters++;
            j++;
        }
        return letters >= 2 ? j : -1;
    }

    /** True when {@code s[j]} is an ASCII letter not followed by another letter or digit. */
    private boolean isSingleLetterAt(int j) {
        return j < limit && isAsciiLetter(s.charAt(j)) && (j + 1 >= limit || !isLetterOrDigitAt(j + 1));
    }

    /**
     * End of single letters joined by slashes ({@code s/p}, {@code r/o}, {@code n/v/d}) or of {@code w/}; -1 when
     * there is none. Both sides must be single letters so that {@code and/or} stays three tokens.
     */
    private int letterSlashChain(int i) {
        if (i + 1 >= limit || s.charAt(i + 1) != '/' || !isAsciiLetter(s.charAt(i))) {
            return -1;
        }
        int j = i + 1;
        int letters = 1;
        while (j + 1 < limit && s.charAt(j) == '/' && isSingleLetterAt(j + 1)) {
            letters++;
            j += 2;
        }
        if (letters >= 2) {
            return j;
        }
        char c = s.charAt(i);
        if ((c == 'w' || c == 'W') && (i + 2 >= limit || !isLetterOrDigitAt(i + 2))) {
            return i + 2; // "w/" for "with"
        }
        return -1;
    }

    // ---------------------------------------------------------------- numbers

    private void number(int i) {
        int dash = dashedDate(i);
        if (dash > 0) {
            set(dash, TokenKind.NUMERIC_PATTERN);
            return;
        }
        int j = digits(i);
        int periods = 0;
        boolean pattern = false;
        int commas = 0;
        while (j + 1 < limit) {
            char sep = s.charAt(j);
            if (!isDigit(s.charAt(j + 1))) {
                break;
            }
            if (sep == '.') {
                periods++;
            } else if (sep == '/' || sep == ':') {
                pattern = true;
            } else if (sep == ',') {
                // a thousands separator needs exactly three digits after it
                int k = digits(j + 1);
                if (k - (j + 1) != 3 || periods > 0 || pattern) {
                    break;
                }
                commas++;
            } else {
                break;
            }
            j = digits(j + 1);
        }
        byte k = pattern || periods > 1 ? TokenKind.NUMERIC_PATTERN : TokenKind.NUMBER;
        if (j < limit && isLetterAt(j)) {
            if (k == TokenKind.NUMBER && Units.isUnitAt(s, j, wordEnd(j))) {
                set(j, k); // "5mg": the unit becomes its own token
                return;
            }
            if (k == TokenKind.NUMBER && periods == 0 && commas == 0) {
                set(wordEnd(j), TokenKind.ALNUM); // "3rd", "5HT"
                return;
            }
        }
        set(j, k);
    }

    /** End of the letters (and digits) starting at {@code j}. */
    private int wordEnd(int j) {
        int e = j;
        while (e < limit && isLetterOrDigitAt(e)) {
            e += Character.charCount(Character.codePointAt(s, e));
        }
        return e;
    }

    private int digits(int i) {
        int j = i;
        while (j < limit && isDigit(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** End of a date written with dashes ({@code 2021-03-14}, {@code 03-14-2021}), or -1. */
    private int dashedDate(int i) {
        int a = digits(i);
        int la = a - i;
        if (a + 1 >= limit || s.charAt(a) != '-' || !isDigit(s.charAt(a + 1))) {
            return -1;
        }
        int b = digits(a + 1);
        int lb = b - a - 1;
        if (b + 1 >= limit || s.charAt(b) != '-' || !isDigit(s.charAt(b + 1))) {
            return -1;
        }
        int c = digits(b + 1);
        int lc = c - b - 1;
        if (c < limit && (isLetterOrDigitAt(c) || (s.charAt(c) == '-' && c + 1 < limit && isDigit(s.charAt(c + 1))))) {
            return -1;
        }
        boolean iso = la == 4 && lb >= 1 && lb <= 2 && lc >= 1 && lc <= 2;
        boolean us = la >= 1 && la <= 2 && lb >= 1 && lb <= 2 && (lc == 2 || lc == 4);
        return iso || us ? c : -1;
    }

    // ---------------------------------------------------------------- placeholders

    /** {@code **NAME[...]}, {@code **INSTITUTION}, {@code [**...**]}. */
    private boolean placeholder(int i) {
        char c = s.charAt(i);
        if (c == '*') {
            if (i + 3 >= limit || s.charAt(i + 1) != '*' || !isUpper(s.charAt(i + 2))) {
                return false;
            }
            int j = i + 2;
            while (j < limit && (isUpper(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '_'
                    || isDigit(s.charAt(j)))) {
                j++;
            }
            if (j - i < 4) {
                return false;
            }
            if (j < limit && s.charAt(j) == '[') {
                int close = find(j + 1, ']', i + MAX_PLACEHOLDER);
                if (close > 0) {
                    set(close + 1, TokenKind.PLACEHOLDER);
                    return true;
                }
            }
            if (j < limit && (isLetterOrDigitAt(j) || s.charAt(j) == '*')) {
                return false; // "**NOTE**" is markdown bold, not a placeholder
            }
            set(j, TokenKind.PLACEHOLDER);
            return true;
        }
        // "[**" ... "**]"
        if (i + 2 >= limit || s.charAt(i + 1) != '*' || s.charAt(i + 2) != '*') {
            return false;
        }
        int stop = Math.min(limit, i + MAX_PLACEHOLDER);
        for (int j = i + 3; j + 2 < stop; j++) {
            char d = s.charAt(j);
            if (d == '\n' || d == '\r') {
                return false;
            }
            if (d == '*' && s.charAt(j + 1) == '*' && s.charAt(j + 2) == ']') {
                set(j + 3, TokenKind.PLACEHOLDER);
                return true;
            }
        }
        return false;
    }

    /** Index of {@code target} in {@code [from, min(stop, limit))} on the same line, or -1. */
    private int find(int from, char target, int stop) {
        int e = Math.min(stop, limit);
        for (int j = from; j < e; j++) {
            char d = s.charAt(j);
            if (d == target) {
                return j;
            }
            if (d == '\n' || d == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code XXXX}, {@code XX/XX/XXXX}, {@code XXX-XX-XXXX}: three or more X in groups, as a whole token. */
    private boolean xPlaceholder(int i) {
        int j = i;
        int xs = 0;
        while (j < limit) {
            char c = s.charAt(j);
            if (c == 'X' || c == 'x') {
                xs++;
                j++;
            } else if ((c == '/' || c == '-' || c == ':' || c == '.') && xs > 0 && j + 1 < limit
                    && (s.charAt(j + 1) == 'X' || s.charAt(j + 1) == 'x') && s.charAt(j - 1) != c) {
                j++;
            } else {
                break;
            }
        }
        if (xs < 3 || (j < limit && isLetterOrDigitAt(j))) {
            return false;
        }
        set(j, TokenKind.PLACEHOLDER);
        return true;
    }

    // ---------------------------------------------------------------- punctuation, symbols, other

    private void punctuation(int i, char c) {
        switch (c) {
            case '.', '!', '?' -> set(run(i, c), TokenKind.PUNCT);
            case ',', ';', ':', '(', ')', '[', ']', '{', '}', '"', '\'' -> set(i + 1, TokenKind.PUNCT);
            case '-', '=', '*', '~', '#', '+' -> set(run(i, c), TokenKind.SYMBOL);
            default -> set(i + 1, c < 0x20 || c == 0x7f ? TokenKind.OTHER : TokenKind.SYMBOL);
        }
    }

    private void nonAsciiOther(int i, int cp) {
        int len = Character.charCount(cp);
        switch (Character.getType(cp)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.CONNECTOR_PUNCTUATION -> set(i + len, TokenKind.PUNCT);
            case Character.DASH_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL -> set(i + len, TokenKind.SYMBOL);
            case Character.OTHER_SYMBOL -> set(i + len, len == 1 ? TokenKind.SYMBOL : TokenKind.OTHER);
            default -> set(i + len, TokenKind.OTHER); // controls, format chars, marks, unpaired surrogates, emoji
        }
    }

    private int run(int i, char c) {
        int j = i + 1;
        while (j < limit && s.charAt(j) == c) {
            j++;
        }
        return j;
    }

    // ---------------------------------------------------------------- char classes

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b' || c == '\u00a0'
                || c == '\ufeff' || c == '\u200b'
                || (c > 0x7f && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private boolean isLetterAt(int j) {
        char c = s.charAt(j);
        return c < 0x80 ? isAsciiLetter(c) : Character.isLetter(Character.codePointAt(s, j));
    }

    private boolean isLetterOrDigitAt(int j) {
        char c = s.charAt(j);
        return c < 0x80 ? isAsciiLetter(c) || isDigit(c) : Character.isLetterOrDigit(Character.codePointAt(s, j));
    }

    private boolean isWordCharAt(int j) {
        return isLetterOrDigitAt(j);
    }
}
