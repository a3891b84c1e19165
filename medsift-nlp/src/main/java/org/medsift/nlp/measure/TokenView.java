package org.medsift.nlp.measure;

import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Read-only helpers over a document's tokens for the medication and measurement scanners: word tests that compare
 * chars in place, number parsing without allocation, adjacency. One per document; not thread-safe (it is cheap:
 * two references).
 */
public final class TokenView {
    private final CharSequence text;
    private final TokenTable tokens;

    public TokenView(CharSequence text, TokenTable tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    public CharSequence text() {
        return text;
    }

    public TokenTable tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    public int start(int t) {
        return tokens.start(t);
    }

    public int end(int t) {
        return tokens.end(t);
    }

    public byte kind(int t) {
        return tokens.kind(t);
    }

    /** True when token {@code t} exists and equals {@code word} ignoring ASCII case and periods. */
    public boolean is(int t, String word) {
        if (t < 0 || t >= tokens.size()) {
            return false;
        }
        int s = tokens.start(t);
        int e = tokens.end(t);
        int k = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '.' && e - s > 1) {
                continue;
            }
            if (k >= word.length() || WordTable.lower(c) != word.charAt(k)) {
                return false;
            }
            k++;
        }
        return k == word.length();
    }

    /** True when token {@code t} exists and is in {@code table}. */
    public boolean in(int t, WordTable table) {
        return t >= 0 && t < tokens.size() && table.contains(text, tokens.start(t), tokens.end(t));
    }

    /** The value of token {@code t} in {@code table}, or {@link WordTable#ABSENT}. */
    public int lookup(int t, WordTable table) {
        if (t < 0 || t >= tokens.size()) {
            return WordTable.ABSENT;
        }
        return table.get(text, tokens.start(t), tokens.end(t));
    }

    /** True when token {@code t} is the single char {@code c}. */
    public boolean isChar(int t, char c) {
        return t >= 0 && t < tokens.size() && tokens.end(t) - tokens.start(t) == 1
                && text.charAt(tokens.start(t)) == c;
    }

    /** True when token {@code t} starts right where token {@code t - 1} ends (no whitespace between). */
    public boolean glued(int t) {
        return t > 0 && t < tokens.size() && tokens.start(t) == tokens.end(t - 1);
    }

    /** True when token {@code t} is preceded by a line break. */
    public boolean newline(int t) {
        return t < tokens.size() && tokens.breaks(t) > 0;
    }

    /** The number of a NUMBER token ({@code 1,000}, {@code 0.125}, {@code .5}), or {@code NaN}. */
    public double number(int t) {
        if (t < 0 || t >= tokens.size() || tokens.kind(t) != TokenKind.NUMBER) {
            return Double.NaN;
        }
        return parse(text, tokens.start(t), tokens.end(t));
    }

    /** The number of a NUMBER token or a number word ({@code one} .. {@code twelve}, {@code half}), or NaN. */
    public double amount(int t) {
        double n = number(t);
        if (!Double.isNaN(n)) {
            return n;
        }
        int w = lookup(t, NUMBER_WORDS);
        if (w != WordTable.ABSENT) {
            return w == 1000 ? 0.5 : w;
        }
        if (t >= 0 && t < tokens.size() && tokens.kind(t) == TokenKind.NUMERIC_PATTERN) {
            // 1/2 tab
            int s = tokens.start(t);
            int e = tokens.end(t);
            int slash = -1;
            for (int i = s; i < e; i++) {
                if (text.charAt(i) == '/') {
                    if (slash >= 0) {
                        return Double.NaN;
                    }
                    slash = i;
                }
            }
            if (slash > s) {
                double a = parse(text, s, slash);
                double b = parse(text, slash + 1, e);
                if (!Double.isNaN(a) && !Double.isNaN(b) && b > 0 && a < b) {
                    return a / b;
                }
            }
        }
        return Double.NaN;
    }

    private static final WordTable NUMBER_WORDS = new WordTable(java.util.Map.ofEntries(
            java.util.Map.entry("one", 1), java.util.Map.entry("two", 2), java.util.Map.entry("three", 3),
            java.util.Map.entry("four", 4), java.util.Map.entry("five", 5), java.util.Map.entry("six", 6),
            java.util.Map.entry("seven", 7), java.util.Map.entry("eight", 8), java.util.Map.entry("nine", 9),
            java.util.Map.entry("ten", 10), java.util.Map.entry("eleven", 11), java.util.Map.entry("twelve", 12),
            java.util.Map.entry("fourteen", 14), java.util.Map.entry("twenty", 20), java.util.Map.entry("thirty", 30),
            java.util.Map.entry("half", 1000)));

    /**
     * Parses {@code s[start, end)} as a decimal number with optional thousands commas and a leading sign; NaN when
     * it is not one. Allocates nothing.
     */
    public static double parse(CharSequence s, int start, int end) {
        if (start >= end) {
            return Double.NaN;
        }
        boolean neg = false;
        int i = start;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            neg = s.charAt(i) == '-';
            i++;
        }
        long whole = 0;
        long frac = 0;
        long scale = 1;
        boolean digits = false;
        boolean dot = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (dot) {
                    if (scale < 1_000_000_000_000L) {
                        frac = frac * 10 + (c - '0');
                        scale *= 10;
                    }
                } else {
                    if (whole > 1_000_000_000_000L) {
                        return Double.NaN;
                    }
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == ',' && !dot) {
                continue;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        double v = whole + (double) frac / scale;
        return neg ? -v : v;
    }

    /** Length of the leading number of {@code s[start, end)} ({@code 38.2} in {@code 38.2C}); 0 when none. */
    public static int numberPrefix(CharSequence s, int start, int end) {
        int i = start;
        boolean digit = false;
        boolean dot = false;
        while (i < end) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot && i + 1 < end && Character.isDigit(s.charAt(i + 1))) {
                dot = true;
            } else {
                break;
            }
            i++;
        }
        return digit ? i - start : 0;
    }
}
