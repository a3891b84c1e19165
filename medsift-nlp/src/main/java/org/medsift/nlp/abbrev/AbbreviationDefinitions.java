package org.medsift.nlp.abbrev;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds abbreviations that a text defines for itself, after Schwartz and Hearst, "A simple algorithm for identifying
 * abbreviation definitions in biomedical text" (PSB 2003), and the later uses of their short forms.
 *
 * <p>Two patterns, both around a pair of parentheses in one sentence:
 * <ul>
 *   <li>{@code long form (SF)}: the parenthesized text, cut at {@code ;} or {@code ,}, is the short-form candidate
 *       when it has at most two words, 2 to 10 chars, a letter, and starts with a letter or digit; the long-form
 *       candidate is at most {@code min(|SF| + 5, 2|SF|)} words before the parenthesis, stopping at a sentence
 *       end, a semicolon, a colon or another parenthesis.</li>
 *   <li>{@code SF (long form)}: when the parenthesized text (cut the same way) is not a short-form candidate, the
 *       word before the parenthesis is the short-form candidate and the parenthesized text the long-form
 *       candidate (the paper asks for more than two words there).</li>
 * </ul>
 * One more addition to the paper: a short form needs an upper-case letter or a digit, which drops {@code (i.e.)},
 * {@code (see)} and the like (lower-case abbreviations such as {@code (ip)} are lost with them).
 * The long form is the shortest suffix of the candidate (starting at a word) in which the short form's letters and
 * digits appear in order, right to left, the first one at the start of a word. A pair is dropped when the long form
 * is not longer than the short form, holds the short form as a word at its end or followed by a space, or has more
 * than {@code min(|SF| + 5, 2|SF|)} words (counting {@code -} as a separator), {@code |SF|} being the number of
 * letters and digits of the short form.
 *
 * <p>Offsets are half-open {@code char} indices. Stateless and thread-safe; the scan allocates only its results.
 */
public final class AbbreviationDefinitions {
    /** Most letters and digits in a short form. */
    static final int MAX_SHORT = 10;
    /** A closing parenthesis further than this from its opening one is not looked for. */
    private static final int MAX_INNER = 200;

    private AbbreviationDefinitions() {
    }

    /**
     * The abbreviation definitions in {@code text}, in text order of their parentheses; empty when there are none.
     */
    public static List<AbbreviationDefinition> find(CharSequence text) {
        List<AbbreviationDefinition> out = new ArrayList<>();
        int n = text.length();
        for (int open = 0; open < n; open++) {
            if (text.charAt(open) != '(') {
                continue;
            }
            int close = closing(text, open);
            if (close < 0) {
                continue;
            }
            int a = skipSpace(text, open + 1, close);
            int b = trimEnd(text, a, close);
            if (a >= b) {
                continue;
            }
            int cut = a;
            while (cut < b && text.charAt(cut) != ';' && text.charAt(cut) != ',') {
                cut++;
            }
            int sfEnd = trimEnd(text, a, cut);
            if (sfEnd <= a) {
                continue;
            }
            if (words(text, a, sfEnd, false) <= 2 && validShort(text, a, sfEnd)) {
                // long form (SF)
                int lfEnd = trimEnd(text, 0, open);
                int lfStart = candidateStart(text, lfEnd, maxWords(text, a, sfEnd));
                add(text, a, sfEnd, lfStart, lfEnd, out);
            } else {
                // SF (long form): the word right before the parenthesis
                int we = trimEnd(text, 0, open);
                int ws = we;
                while (ws > 0 && !Character.isWhitespace(text.charAt(ws - 1)) && !isBoundary(text.charAt(ws - 1))) {
                    ws--;
                }
                if (ws < we && validShort(text, ws, we)) {
                    add(text, ws, we, a, sfEnd, out);
                }
            }
        }
        return out;
    }

    /**
     * The uses of the short forms of {@code definitions} (found in {@code text} by {@link #find}) elsewhere in
     * {@code text}: case-sensitive, as whole words (no letter or digit on either side), the definitions' own short
     * forms left out. When two definitions share a short form, a use belongs to the last one defined before it (or
     * to the first, for a use before both). Sorted by start; empty when there are none.
     */
    public static List<AbbreviationUse> findUses(CharSequence text, List<AbbreviationDefinition> definitions) {
        List<AbbreviationUse> out = new ArrayList<>();
        int n = text.length();
        for (int d = 0; d < definitions.size(); d++) {
            AbbreviationDefinition def = definitions.get(d);
            int len = def.shortEnd() - def.shortStart();
            for (int p = 0; p + len <= n; p++) {
                if (p == def.shortStart() || !sameChars(text, p, def.shortStart(), len)
                        || (p > 0 && Character.isLetterOrDigit(text.charAt(p - 1)))
                        || (p + len < n && Character.isLetterOrDigit(text.charAt(p + len)))
                        || owner(text, definitions, p, len) != d) {
                    continue;
                }
                out.add(new AbbreviationUse(p, p + len, d));
            }
        }
        out.sort(Comparator.comparingInt(AbbreviationUse::start));
        return out;
    }

    /** Which definition with the short form at {@code p} owns a use there, or -1 when {@code p} is a definition. */
    private static int owner(CharSequence text, List<AbbreviationDefinition> defs, int p, int len) {
        int best = -1;
        int first = -1;
        for (int d = 0; d < defs.size(); d++) {
            AbbreviationDefinition x = defs.get(d);
            if (x.shortEnd() - x.shortStart() != len || !sameChars(text, p, x.shortStart(), len)) {
                continue;
            }
            if (x.shortStart() == p) {
                return -1;
            }
            if (first < 0 || x.shortStart() < defs.get(first).shortStart()) {
                first = d;
            }
            if (x.shortStart() < p && (best < 0 || x.shortStart() > defs.get(best).shortStart())) {
                best = d;
            }
        }
        return best >= 0 ? best : first;
    }

    private static void add(CharSequence text, int sfStart, int sfEnd, int lfStart, int lfEnd,
            List<AbbreviationDefinition> out) {
        while (lfEnd > lfStart && isTrailingPunct(text.charAt(lfEnd - 1))) {
            lfEnd--;
        }
        if (lfEnd <= lfStart) {
            return;
        }
        int start = bestLongForm(text, sfStart, sfEnd, lfStart, lfEnd);
        if (start < 0) {
            return;
        }
        int sfLen = sfEnd - sfStart;
        if (lfEnd - start <= sfLen || containsShortForm(text, sfStart, sfLen, start, lfEnd)
                || words(text, start, lfEnd, true) > maxWords(text, sfStart, sfEnd)) {
            return;
        }
        out.add(new AbbreviationDefinition(sfStart, sfEnd, start, lfEnd));
    }

    /**
     * Schwartz and Hearst's match: the short form's letters and digits, right to left, each found further left in the
     * long-form candidate, the first one at a word start. Returns the start of the word holding the first match, or
     * -1.
     */
    static int bestLongForm(CharSequence text, int sfStart, int sfEnd, int lfStart, int lfEnd) {
        int s = sfEnd - 1;
        int l = lfEnd - 1;
        while (s >= sfStart) {
            char c = Character.toLowerCase(text.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while ((l >= lfStart && Character.toLowerCase(text.charAt(l)) != c)
                    || (s == sfStart && l > lfStart && Character.isLetterOrDigit(text.charAt(l - 1)))) {
                l--;
            }
            if (l < lfStart) {
                return -1;
            }
            l--;
            s--;
        }
        int start = l + 1;
        while (start > lfStart && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean validShort(CharSequence text, int a, int b) {
        if (!Character.isLetterOrDigit(text.charAt(a))) {
            return false;
        }
        int alnum = 0;
        boolean letter = false;
        boolean upperOrDigit = false;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                alnum++;
                letter |= Character.isLetter(c);
                upperOrDigit |= !Character.isLowerCase(c);
            }
        }
        return letter && upperOrDigit && b - a >= 2 && alnum <= MAX_SHORT;
    }

    /** {@code min(|SF| + 5, 2|SF|)}, {@code |SF|} the letters and digits of the short form. */
    private static int maxWords(CharSequence text, int a, int b) {
        int alnum = 0;
        for (int i = a; i < b; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                alnum++;
            }
        }
        return Math.min(alnum + 5, 2 * alnum);
    }

    /** Start of the last {@code maxWords} words ending at {@code end}, not crossing a boundary. */
    private static int candidateStart(CharSequence text, int end, int maxWords) {
        int i = end;
        int count = 0;
        while (i > 0 && count < maxWords) {
            int wordEnd = i;
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && !isBoundary(text.charAt(i - 1))
                    && !isSentenceEnd(text, i - 1)) {
                i--;
            }
            if (i < wordEnd) {
                count++;
            }
            if (i == 0 || isBoundary(text.charAt(i - 1)) || isSentenceEnd(text, i - 1)) {
                break;
            }
            int j = i;
            while (j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
                j--;
            }
            if (j > 0 && (isBoundary(text.charAt(j - 1)) || isSentenceEnd(text, j - 1)) || count == maxWords) {
                break;
            }
            i = j;
        }
        return i;
    }

    private static boolean isTrailingPunct(char c) {
        return c == ',' || c == '.' || c == ';' || c == ':' || c == '-';
    }

    private static boolean isBoundary(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == ';' || c == ':' || c == '\n';
    }

    /** A {@code .}, {@code ?} or {@code !} followed by whitespace. */
    private static boolean isSentenceEnd(CharSequence text, int i) {
        char c = text.charAt(i);
        return (c == '.' || c == '?' || c == '!') && i + 1 < text.length()
                && Character.isWhitespace(text.charAt(i + 1));
    }

    /** The matching {@code )} of the {@code (} at {@code open}, or -1 (none within {@link #MAX_INNER} chars). */
    private static int closing(CharSequence text, int open) {
        int depth = 0;
        int limit = Math.min(text.length(), open + MAX_INNER);
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** Words in {@code [a, b)}, split at whitespace (and {@code -} when {@code hyphen}). */
    private static int words(CharSequence text, int a, int b, boolean hyphen) {
        int count = 0;
        boolean in = false;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            boolean sep = Character.isWhitespace(c) || (hyphen && c == '-');
            if (!sep && !in) {
                count++;
            }
            in = !sep;
        }
        return count;
    }

    /** Whether the long form holds the short form followed by a space, or ends with it. */
    private static boolean containsShortForm(CharSequence text, int sf, int len, int a, int b) {
        for (int p = a; p + len <= b; p++) {
            if (sameChars(text, p, sf, len) && (p + len == b || text.charAt(p + len) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameChars(CharSequence text, int p, int q, int len) {
        for (int i = 0; i < len; i++) {
            if (text.charAt(p + i) != text.charAt(q + i)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(CharSequence text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(CharSequence text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
