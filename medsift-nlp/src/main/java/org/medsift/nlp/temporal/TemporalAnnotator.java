package org.medsift.nlp.temporal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.TemporalExpression;
import org.medsift.core.model.TemporalExpression.Anchor;
import org.medsift.core.model.TemporalExpression.Type;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.measure.TokenView;
import org.medsift.nlp.measure.WordTable;

/**
 * Finds temporal expressions and produces {@link Layers#TEMPORALS}, normalized against {@link Layers#DOCUMENT_DATE}
 * when the caller set one.
 *
 * <ul>
 *   <li><b>Absolute dates</b>: {@code 03/14/2021}, {@code 3/14/21}, {@code 03-14-2021}, {@code 2021-03-14},
 *   {@code 3/2021}, {@code March 14, 2021}, {@code Mar. 14th 2021}, {@code 14 Mar 2021}, {@code 14-Mar-2021},
 *   {@code March 2021}, {@code March of 2021}, {@code March 14} (year from the document date, else {@code XXXX}),
 *   a month alone after {@code in}, {@code since}, {@code during}, {@code until}, {@code by}, {@code early},
 *   {@code mid} or {@code late} ({@code in March}), and a year after those words ({@code in 2019}). Month names
 *   must be capitalized unless a day or year follows; a two-digit year {@code yy} is 20yy when that is not after
 *   the document year (or 2030 without one), else 19yy. A time right after a date joins it
 *   ({@code 03/14/2021 10:30} is {@code 2021-03-14T10:30}, type TIME).</li>
 *   <li><b>Times</b>: {@code 10:30}, {@code 14:05:30}, {@code 2 pm}, {@code 2:15 a.m.}, {@code 1430 hours},
 *   {@code noon}, {@code midnight}. A one-digit hour without am/pm needs {@code at} or {@code @} before it (so
 *   titres such as {@code 1:40} are not times); measurement values are never read as times or dates.</li>
 *   <li><b>Relative to the document</b>: {@code 3 days ago}, {@code a week ago}, {@code 2 weeks prior},
 *   {@code 5 years earlier}, {@code in 2 weeks}, {@code 3 days from now}, {@code yesterday}, {@code today},
 *   {@code tonight}, {@code tomorrow}, {@code last night}, {@code this morning}, {@code last/next/this week}
 *   (month, year), {@code last/next/this March} (the nearest March before / after the document month, or in its
 *   year).</li>
 *   <li><b>Relative to another event</b>: {@code POD #2}, {@code POD2}, {@code postoperative day 2},
 *   {@code post-op day #2}, {@code 2 days after surgery}, {@code 2 days postop} (anchor SURGERY, offset
 *   {@code P2D}); {@code hospital day 3}, {@code HD#3} (anchor ADMISSION, offset {@code P2D}: hospital day 1 is
 *   the day of admission); {@code 2 weeks prior to admission} (ADMISSION, {@code -P2W}).</li>
 *   <li><b>Durations</b>: a number and a time unit after {@code for}, {@code x}, {@code over}, {@code lasting},
 *   {@code past} or {@code last} ({@code for 5 days}, {@code x 7 days}, {@code for the past 3 weeks},
 *   {@code over the last 2 months}), or before {@code history}, {@code duration} or {@code course}
 *   ({@code 3-day history}); {@code the past week}. The span is the number and unit.</li>
 * </ul>
 *
 * <p>Requires TOKENS; reads MEASUREMENTS and DOCUMENT_DATE when present. Immutable and thread-safe; a word token is
 * tried only when a first-two-letters test and one lookup ({@code gate}) say a shape can start there; the scan
 * compares token chars in place through word tables and allocates only for what it finds.
 */
public final class TemporalAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "temporal";

    static final char[] UNIT_CODES = {'S', 'm', 'H', 'D', 'W', 'M', 'Y'};
    private static final int SEC = 0;
    private static final int MIN = 1;
    private static final int HOUR = 2;
    private static final int DAY = 3;
    private static final int WEEK = 4;
    private static final int MONTH = 5;
    private static final int YEAR = 6;

    private static final WordTable UNITS = table("second", SEC, "seconds", SEC, "sec", SEC, "secs", SEC,
            "minute", MIN, "minutes", MIN, "min", MIN, "mins", MIN, "hour", HOUR, "hours", HOUR, "hr", HOUR,
            "hrs", HOUR, "h", HOUR, "day", DAY, "days", DAY, "d", DAY, "week", WEEK, "weeks", WEEK, "wk", WEEK,
            "wks", WEEK, "month", MONTH, "months", MONTH, "mo", MONTH, "mos", MONTH, "year", YEAR, "years", YEAR,
            "yr", YEAR, "yrs", YEAR, "y", YEAR);
    /** Units that may follow last / next / this / past. */
    private static final WordTable SINGULAR_UNITS = table("week", WEEK, "month", MONTH, "year", YEAR);
    private static final Object[] MONTH_VALUES = {"january", 1, "jan", 1, "february", 2, "feb", 2, "march", 3,
            "mar", 3, "april", 4, "apr", 4, "may", 5, "june", 6, "jun", 6, "july", 7, "jul", 7, "august", 8,
            "aug", 8, "september", 9, "sep", 9, "sept", 9, "october", 10, "oct", 10, "november", 11, "nov", 11,
            "december", 12, "dec", 12};
    private static final WordTable MONTHS = table(MONTH_VALUES);
    /** Month words that are also ordinary words ("may", "march", "dec(rease)"), strict about case. */
    private static final WordTable MONTH_WORDS = WordTable.setOf("may", "march", "mar", "dec", "jan", "jun");
    private static final WordTable MONTH_LEADS = WordTable.setOf("in", "since", "during", "until", "till", "by",
            "early", "mid", "late", "from", "through", "of", "before", "after");
    private static final WordTable DURATION_LEADS = WordTable.setOf("for", "x", "\u00d7", "over", "lasting",
            "past", "last");
    private static final WordTable DURATION_TAILS = WordTable.setOf("history", "duration", "course", "hx");
    private static final WordTable BEFORE = WordTable.setOf("ago", "prior", "before", "earlier", "previously",
            "previous", "beforehand");
    private static final WordTable AFTER = WordTable.setOf("after", "following", "post", "postop", "post-op",
            "postoperatively", "postoperative", "later");
    private static final WordTable SURGERY = WordTable.setOf("surgery", "operation", "procedure", "op",
            "surgical", "postop", "post-op", "postoperatively", "postoperative");
    private static final WordTable ADMISSION = WordTable.setOf("admission", "admit", "presentation",
            "hospitalization", "hospitalisation");
    /** Day words: offset in days from the document date. */
    private static final Object[] DAY_WORD_VALUES = {"yesterday", 9, "today", 10, "tonight", 10, "tomorrow", 11};
    private static final WordTable DAY_WORDS = table(DAY_WORD_VALUES);
    private static final Object[] NEAR_VALUES = {"last", 0, "next", 2, "this", 1, "past", 0, "coming", 2};
    private static final WordTable NEAR = table(NEAR_VALUES);
    private static final String[] POSTOP_WORDS = {"postoperative", "post-operative", "postop", "post-op",
            "post-operatively", "postoperatively"};
    private static final WordTable POSTOP = WordTable.setOf(POSTOP_WORDS);
    private static final WordTable AMPM = table("am", 0, "pm", 12);
    private static final WordTable DOSE_UNITS = WordTable.setOf("mg", "mcg", "g", "ml", "units", "unit", "kg",
            "lb", "lbs", "%", "mmhg", "cm", "mm", "tab", "tabs", "tablet", "tablets", "cc", "l", "meq", "iu",
            "puffs", "caps", "capsules", "times", "x");

    // ------------------------------------------------------------------ gate
    // A word token can only start an expression when it is one of the words below; one in-place lookup (after a
    // first-letter test) says which shapes to try, instead of each shape hashing and comparing the token again.
    // Each bit is a superset of the words its shape tests at its first token (same normalization as TokenView.is
    // and WordTable: ASCII case and periods ignored).
    static final int G_MONTH = 1;
    static final int G_POSTOP = 2;
    static final int G_HOSPITAL = 4;
    static final int G_DAY_WORD = 8;
    static final int G_NEAR = 16;
    static final int G_CLOCK = 32;
    static final int G_QUANTITY = 64;
    static final int G_ALL = 127;
    /** Number words {@link TokenView#amount} reads (pinned by TemporalGateTest). */
    static final String[] NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "fourteen", "twenty", "thirty", "half"};
    static final Map<String, Integer> START_WORDS = startWords();
    private static final WordTable STARTS = new WordTable(START_WORDS);
    /**
     * By first letter of {@link #START_WORDS} ({@code a}-{@code z}): bit {@code i} when a word's second letter is
     * {@code 'a' + i}; bit {@link #ONE_LETTER} when the letter is a word by itself.
     */
    private static final int[] PAIRS = pairs();
    private static final int ONE_LETTER = 1 << 26;

    private static Map<String, Integer> startWords() {
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < MONTH_VALUES.length; i += 2) {
            m.merge((String) MONTH_VALUES[i], G_MONTH, (a, b) -> a | b);
        }
        for (String w : POSTOP_WORDS) {
            m.merge(w, G_POSTOP, (a, b) -> a | b);
        }
        m.merge("pod", G_POSTOP, (a, b) -> a | b);
        m.merge("post", G_POSTOP, (a, b) -> a | b);
        m.merge("hospital", G_HOSPITAL, (a, b) -> a | b);
        m.merge("hd", G_HOSPITAL, (a, b) -> a | b);
        for (int i = 0; i < DAY_WORD_VALUES.length; i += 2) {
            m.merge((String) DAY_WORD_VALUES[i], G_DAY_WORD, (a, b) -> a | b);
        }
        m.merge("last", G_DAY_WORD, (a, b) -> a | b);
        m.merge("this", G_DAY_WORD, (a, b) -> a | b);
        for (int i = 0; i < NEAR_VALUES.length; i += 2) {
            m.merge((String) NEAR_VALUES[i], G_NEAR, (a, b) -> a | b);
        }
        m.merge("noon", G_CLOCK, (a, b) -> a | b);
        m.merge("midnight", G_CLOCK, (a, b) -> a | b);
        m.merge("a", G_QUANTITY, (a, b) -> a | b);
        m.merge("an", G_QUANTITY, (a, b) -> a | b);
        for (String w : NUMBER_WORDS) {
            m.merge(w, G_QUANTITY, (a, b) -> a | b);
        }
        return Map.copyOf(m);
    }

    private static int[] pairs() {
        int[] p = new int[26];
        for (String w : START_WORDS.keySet()) {
            char a = w.charAt(0);
            char b = w.length() > 1 ? w.charAt(1) : 0;
            if (a < 'a' || a > 'z' || w.length() > 1 && (b < 'a' || b > 'z')) {
                throw new IllegalStateException("gate needs two leading letters: " + w);
            }
            p[a - 'a'] |= w.length() == 1 ? ONE_LETTER : 1 << (b - 'a');
        }
        return p;
    }

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
        return Set.of(Layers.TEMPORALS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        TokenTable tokens = doc.require(Layers.TOKENS);
        boolean[] blocked = null;
        List<Measurement> ms = doc.find(Layers.MEASUREMENTS).orElse(List.of());
        for (Measurement m : ms) {
            if (blocked == null) {
                blocked = new boolean[tokens.size()];
            }
            int from = tokens.tokenAtOrAfter(m.value().start());
            for (int t = from; t < tokens.size() && tokens.start(t) < m.value().end(); t++) {
                blocked[t] = true;
            }
        }
        doc.put(Layers.TEMPORALS, extract(doc.text().content(), tokens,
                doc.find(Layers.DOCUMENT_DATE).orElse(null), blocked));
    }

    /**
     * The temporal expressions of a tokenized text, in text order.
     *
     * @param documentDate the date relative expressions are resolved against; {@code null} when unknown
     * @param blocked      tokens that belong to measurement values, or {@code null}
     */
    public static List<TemporalExpression> extract(CharSequence text, TokenTable tokens, LocalDate documentDate,
            boolean[] blocked) {
        Scan s = new Scan(new TokenView(text, tokens), documentDate, blocked);
        s.run();
        return s.out == null ? List.of() : List.copyOf(s.out);
    }

    /**
     * The shapes ({@code G_*} bits) that may start at word token {@code s[start, end)}: 0 for most words, after a
     * test of the first char and at most one in-place lookup; {@link #G_ALL} where the cheap test cannot decide.
     */
    static int gate(CharSequence s, int start, int end) {
        if (end - start > 40) {
            return G_ALL; // beyond WordTable's length limit: let every shape look (TokenView.is has no limit)
        }
        char c = lower(s.charAt(start));
        if (c != '.') { // periods are skipped by the word tests: let the lookup decide
            if (c < 'a' || c > 'z') {
                return 0;
            }
            int pairs = PAIRS[c - 'a'];
            if (end - start == 1) {
                if ((pairs & ONE_LETTER) == 0) {
                    return 0;
                }
            } else {
                char d = lower(s.charAt(start + 1));
                if (d != '.' && (d < 'a' || d > 'z' || (pairs & 1 << (d - 'a')) == 0)) {
                    return 0;
                }
            }
        }
        int g = STARTS.get(s, start, end);
        return g == WordTable.ABSENT ? 0 : g;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static WordTable table(Object... kv) {
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return new WordTable(Map.copyOf(m));
    }

    /** One document's scan. Parsed parts go to fields, not objects. */
    private static final class Scan {
        final TokenView v;
        final CharSequence text;
        final int n;
        final LocalDate doc;
        final boolean[] blocked;
        List<TemporalExpression> out;
        // last parsed date / time
        int year;
        int month;
        int day;
        int hour;
        int minute;
        int second;
        int next;
        // parts of a numeric pattern token
        final int[] part = new int[3];
        final int[] partLen = new int[3];
        int parts;
        char sep;

        Scan(TokenView v, LocalDate doc, boolean[] blocked) {
            this.v = v;
            this.text = v.text();
            this.n = v.size();
            this.doc = doc;
            this.blocked = blocked;
        }

        void run() {
            int t = 0;
            while (t < n) {
                if (blocked != null && blocked[t]) {
                    t++;
                    continue;
                }
                int e = at(t);
                t = e > t ? e : t + 1;
            }
        }

        /** Tries every shape at token {@code t}; returns the end token of what was found, or {@code t}. */
        int at(int t) {
            byte k = v.kind(t);
            int e;
            if (k == TokenKind.NUMERIC_PATTERN) {
                if ((e = numericDate(t)) > t || (e = clockTime(t, false)) > t) {
                    return e;
                }
                return t;
            }
            if (k == TokenKind.NUMBER || k == TokenKind.ALNUM) {
                if ((e = dayMonth(t)) > t || (e = clockTime(t, false)) > t || (e = quantity(t)) > t
                        || (e = yearAfterLead(t)) > t) {
                    return e;
                }
                // POD2 / HD3 (or the words) start with p / h; '.' is skipped by the word tests
                char c = text.charAt(v.start(t));
                if ((c == 'p' || c == 'P' || c == '.') && (e = postopDay(t)) > t
                        || (c == 'h' || c == 'H' || c == '.') && (e = hospitalDay(t)) > t) {
                    return e;
                }
                return t;
            }
            if (k != TokenKind.WORD && k != TokenKind.ABBREVIATION && k != TokenKind.SYMBOL) {
                return t;
            }
            int g = gate(text, v.start(t), v.end(t));
            if (g == 0) {
                return t;
            }
            if ((g & G_MONTH) != 0 && (e = monthFirst(t)) > t || (g & G_POSTOP) != 0 && (e = postopDay(t)) > t
                    || (g & G_HOSPITAL) != 0 && (e = hospitalDay(t)) > t
                    || (g & G_DAY_WORD) != 0 && (e = dayWord(t)) > t || (g & G_NEAR) != 0 && (e = near(t)) > t
                    || (g & G_CLOCK) != 0 && (e = clockTime(t, false)) > t
                    || (g & G_QUANTITY) != 0 && (e = quantity(t)) > t) {
                return e;
            }
            return t;
        }

        // ------------------------------------------------------------------ helpers

        boolean ok(int t) {
            return t >= 0 && t < n && (blocked == null || !blocked[t]);
        }

        /** A plain integer token (digits only), or -1; {@code len} of digits in {@link #next}. */
        int integer(int t) {
            if (!ok(t) || v.kind(t) != TokenKind.NUMBER) {
                return -1;
            }
            int s = v.start(t);
            int e = v.end(t);
            if (e - s > 9) {
                return -1;
            }
            int x = 0;
            for (int i = s; i < e; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                x = x * 10 + (c - '0');
            }
            return x;
        }

        int len(int t) {
            return v.end(t) - v.start(t);
        }

        boolean upperFirst(int t) {
            char c = text.charAt(v.start(t));
            return c >= 'A' && c <= 'Z';
        }

        /** A day number: {@code 14} or {@code 14th}; -1 when none. */
        int dayNumber(int t) {
            if (!ok(t)) {
                return -1;
            }
            int d = integer(t);
            if (d < 0 && v.kind(t) == TokenKind.ALNUM) {
                int s = v.start(t);
                int e = v.end(t);
                int i = s;
                d = 0;
                while (i < e && i - s < 2 && Character.isDigit(text.charAt(i))) {
                    d = d * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (i == s || e - i != 2 || !ordinalSuffix(text.charAt(i), text.charAt(i + 1))) {
                    return -1;
                }
            }
            if (d < 1 || d > 31) {
                return -1;
            }
            if (v.kind(t) == TokenKind.NUMBER && len(t) > 2) {
                return -1;
            }
            return d;
        }

        static boolean ordinalSuffix(char a, char b) {
            a = Character.toLowerCase(a);
            b = Character.toLowerCase(b);
            return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
        }

        /** A four-digit year 1900-2099, or -1. */
        int fullYear(int t) {
            int y = integer(t);
            return y >= 1900 && y <= 2099 && len(t) == 4 ? y : -1;
        }

        boolean unitFollows(int t) {
            return ok(t) && (v.in(t, DOSE_UNITS) || v.isChar(t, '%'));
        }

        boolean validDate(int y, int m, int d) {
            if (m < 1 || m > 12 || d < 1) {
                return false;
            }
            int max = switch (m) {
                case 2 -> y < 0 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
            return d <= max;
        }

        int twoDigitYear(int yy) {
            int pivot = doc == null ? 30 : doc.getYear() % 100;
            return yy <= pivot ? 2000 + yy : 1900 + yy;
        }

        /** Splits a numeric pattern token into up to three integer parts on one separator kind. */
        boolean split(int t) {
            int s = v.start(t);
            int e = v.end(t);
            parts = 0;
            sep = 0;
            int x = 0;
            int l = 0;
            for (int i = s; i <= e; i++) {
                char c = i < e ? text.charAt(i) : 0;
                if (c >= '0' && c <= '9') {
                    if (l >= 4) {
                        return false;
                    }
                    x = x * 10 + (c - '0');
                    l++;
                } else {
                    if (l == 0 || parts == 3) {
                        return false;
                    }
                    if (i < e) {
                        if (sep == 0) {
                            sep = c;
                        } else if (sep != c) {
                            return false;
                        }
                    }
                    part[parts] = x;
                    partLen[parts] = l;
                    parts++;
                    x = 0;
                    l = 0;
                }
            }
            return true;
        }

        void add(Type type, int firstToken, int endToken, String value, Anchor anchor, String offset) {
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new TemporalExpression(type, v.start(firstToken), v.end(endToken - 1), value, anchor, offset));
        }

        /** Emits a date parsed into year / month / day (-1 when unknown), joined with a time right after it. */
        int emitDate(int first, int end) {
            String date = isoDate(year, month, day);
            int after = end;
            if (ok(after) && (v.is(after, "at") || v.isChar(after, '@') || v.isChar(after, ',')) && !v.newline(after)) {
                after++;
            }
            if (ok(after) && !v.newline(after)) {
                int te = clockTime(after, true);
                if (te > after) {
                    add(Type.TIME, first, te, date + "T" + clock(), Anchor.NONE, "");
                    return te;
                }
            }
            add(Type.DATE, first, end, date, Anchor.NONE, "");
            return end;
        }

        String isoDate(int y, int m, int d) {
            if (y < 0 && doc != null) {
                y = doc.getYear();
            }
            StringBuilder b = new StringBuilder(10);
            if (y < 0) {
                b.append("XXXX");
            } else {
                b.append(y);
            }
            if (m > 0) {
                b.append('-');
                pad(b, m);
                if (d > 0) {
                    b.append('-');
                    pad(b, d);
                }
            }
            return b.toString();
        }

        static void pad(StringBuilder b, int x) {
            if (x < 10) {
                b.append('0');
            }
            b.append(x);
        }

        String clock() {
            StringBuilder b = new StringBuilder(8);
            pad(b, hour);
            b.append(':');
            pad(b, minute);
            if (second >= 0) {
                b.append(':');
                pad(b, second);
            }
            return b.toString();
        }

        // ------------------------------------------------------------------ absolute dates

        /** {@code 03/14/2021}, {@code 3/14/21}, {@code 2021-03-14}, {@code 03-14-2021}, {@code 3/2021}. */
        int numericDate(int t) {
            if (!split(t) || (sep != '/' && sep != '-' && sep != '.')) {
                return t;
            }
            if (parts == 3) {
                int y;
                int m;
                int d;
                if (partLen[0] == 4 && sep != '/') { // ISO
                    y = part[0];
                    m = part[1];
                    d = part[2];
                } else if (partLen[0] <= 2 && partLen[1] <= 2 && (partLen[2] == 4 || partLen[2] == 2)) {
                    m = part[0];
                    d = part[1];
                    y = partLen[2] == 4 ? part[2] : twoDigitYear(part[2]);
                    if (sep == '.' && m > 12 && d <= 12) { // 14.03.2021, day first
                        int x = m;
                        m = d;
                        d = x;
                    }
                } else {
                    return t;
                }
                if (y < 1900 || y > 2099 || !validDate(y, m, d)) {
                    return t;
                }
                year = y;
                month = m;
                day = d;
                return emitDate(t, t + 1);
            }
            if (parts == 2 && sep == '/' && partLen[1] == 4 && partLen[0] <= 2 && part[0] >= 1 && part[0] <= 12
                    && part[1] >= 1900 && part[1] <= 2099 && !unitFollows(t + 1)) {
                year = part[1];
                month = part[0];
                day = -1;
                add(Type.DATE, t, t + 1, isoDate(year, month, -1), Anchor.NONE, "");
                return t + 1;
            }
            return t;
        }

        /** Month-first: {@code March 14, 2021}, {@code Mar. 14th}, {@code March 2021}, {@code in March}. */
        int monthFirst(int t) {
            int m = v.lookup(t, MONTHS);
            if (m < 0) {
                return t;
            }
            boolean upper = upperFirst(t);
            boolean strict = v.in(t, MONTH_WORDS);
            int u = t + 1;
            if (ok(u) && v.isChar(u, '.') && v.glued(u)) {
                u++;
            }
            if (ok(u) && v.isChar(u, '-')) {
                u++;
            }
            int d = dayNumber(u);
            if (d > 0 && !unitFollows(u + 1) && (upper || !strict) && validDate(-1, m, d)) {
                int w = u + 1;
                if (ok(w) && (v.isChar(w, ',') || v.isChar(w, '-'))) {
                    w++;
                }
                int y = fullYear(w);
                if (y > 0 && !unitFollows(w + 1) && validDate(y, m, d)) {
                    year = y;
                    month = m;
                    day = d;
                    return emitDate(t, w + 1);
                }
                if (!upper) {
                    return t;
                }
                year = -1;
                month = m;
                day = d;
                return emitDate(t, u + 1);
            }
            int w = u;
            if (ok(w) && (v.isChar(w, ',') || v.is(w, "of"))) {
                w++;
            }
            int y = fullYear(w);
            if (y > 0 && (upper || !strict) && !unitFollows(w + 1)) {
                add(Type.DATE, t, w + 1, isoDate(y, m, -1), Anchor.NONE, "");
                return w + 1;
            }
            if (upper && v.in(t - 1, MONTH_LEADS) && (len(t) >= 3)) {
                add(Type.DATE, t, t + 1, isoDate(-1, m, -1), Anchor.NONE, "");
                return t + 1;
            }
            return t;
        }

        /** Day-first: {@code 14 Mar 2021}, {@code 14-Mar-2021}, {@code 14 March}. */
        int dayMonth(int t) {
            int d = dayNumber(t);
            if (d < 0) {
                return t;
            }
            int u = t + 1;
            if (ok(u) && v.isChar(u, '-') && v.glued(u)) {
                u++;
            }
            if (ok(u) && v.kind(u) == TokenKind.ALNUM && v.isChar(t + 1, '-') && upperFirst(u)) {
                // 14-Mar-2021: "Mar-2021" is one token
                int s0 = v.start(u);
                int e0 = v.end(u);
                int dash = s0;
                while (dash < e0 && text.charAt(dash) != '-') {
                    dash++;
                }
                int m = dash < e0 ? MONTHS.get(text, s0, dash) : -1;
                int y = dash < e0 && e0 - dash == 5 ? (int) TokenView.parse(text, dash + 1, e0) : -1;
                if (m > 0 && y >= 1900 && y <= 2099 && validDate(y, m, d)) {
                    year = y;
                    month = m;
                    day = d;
                    return emitDate(t, u + 1);
                }
                return t;
            }
            int m = v.lookup(u, MONTHS);
            if (m < 0 || !ok(u) || !upperFirst(u) || !validDate(-1, m, d)) {
                return t;
            }
            int w = u + 1;
            if (ok(w) && v.isChar(w, '.') && v.glued(w)) {
                w++;
            }
            int w2 = w;
            if (ok(w2) && (v.isChar(w2, '-') || v.isChar(w2, ','))) {
                w2++;
            }
            int y = fullYear(w2);
            if (y < 0 && ok(w2) && v.kind(w2) == TokenKind.NUMBER && len(w2) == 2 && v.isChar(w2 - 1, '-')) {
                y = twoDigitYear(integer(w2));
            }
            if (y > 0 && validDate(y, m, d) && !unitFollows(w2 + 1)) {
                year = y;
                month = m;
                day = d;
                return emitDate(t, w2 + 1);
            }
            if (v.in(u, MONTH_WORDS) && !v.is(u, "march") && len(u) <= 3 && !v.isChar(t + 1, '-')) {
                return t; // "2 May" too easily a modal; "14 Mar" needs a year
            }
            year = -1;
            month = m;
            day = d;
            return emitDate(t, u + 1);
        }

        /** {@code in 2019}, {@code since 2015}. */
        int yearAfterLead(int t) {
            int y = fullYear(t);
            if (y < 0 || !v.in(t - 1, MONTH_LEADS) || v.is(t - 1, "of") || unitFollows(t + 1)
                    || (ok(t + 1) && v.isChar(t + 1, '/'))) {
                return t;
            }
            add(Type.DATE, t, t + 1, Integer.toString(y), Anchor.NONE, "");
            return t + 1;
        }

        // ------------------------------------------------------------------ times

        /**
         * {@code 10:30}, {@code 10:30 pm}, {@code 2 pm}, {@code 2pm}, {@code 1430 hours}, {@code noon}. With
         * {@code afterDate}, a one-digit hour needs no cue. Sets hour / minute / second.
         */
        int clockTime(int t, boolean afterDate) {
            if (!ok(t)) {
                return t;
            }
            second = -1;
            byte k = v.kind(t);
            if (k == TokenKind.WORD) {
                if (v.is(t, "noon") || v.is(t, "midnight")) {
                    if (!v.is(t - 1, "at") && !v.is(t - 1, "by") && !v.is(t - 1, "after") && !v.is(t - 1, "before")
                            && !afterDate) {
                        return t;
                    }
                    hour = v.is(t, "noon") ? 12 : 0;
                    minute = 0;
                    return emitTime(t, t + 1, afterDate);
                }
                return t;
            }
            if (k == TokenKind.NUMERIC_PATTERN) {
                if (!split(t) || sep != ':' || parts < 2 || partLen[1] != 2 || (parts == 3 && partLen[2] != 2)
                        || partLen[0] > 2) {
                    return t;
                }
                int h = part[0];
                int mi = part[1];
                int se = parts == 3 ? part[2] : -1;
                if (h > 23 || mi > 59 || se > 59) {
                    return t;
                }
                int e = t + 1;
                int ap = ampm(e);
                if (ap >= 0) {
                    if (h < 1 || h > 12) {
                        return t;
                    }
                    h = h % 12 + ap;
                    e = next;
                } else if (partLen[0] == 1 && !afterDate && !v.is(t - 1, "at") && !v.isChar(t - 1, '@')
                        && !v.is(t - 1, "around") && !v.is(t - 1, "approximately")) {
                    return t;
                }
                hour = h;
                minute = mi;
                second = se;
                return emitTime(t, e, afterDate);
            }
            if (k == TokenKind.NUMBER) {
                int x = integer(t);
                if (x < 0) {
                    return t;
                }
                int ap = ampm(t + 1);
                if (ap >= 0 && x >= 1 && x <= 12) {
                    hour = x % 12 + ap;
                    minute = 0;
                    return emitTime(t, next, afterDate);
                }
                if (len(t) == 4 && x % 100 < 60 && x / 100 < 24 && ok(t + 1)
                        && (v.is(t + 1, "hours") || v.is(t + 1, "hrs") || v.is(t + 1, "h"))) {
                    hour = x / 100;
                    minute = x % 100;
                    return emitTime(t, t + 2, afterDate);
                }
                return t;
            }
            if (k == TokenKind.ALNUM) {
                int s = v.start(t);
                int e = v.end(t);
                int i = s;
                int x = 0;
                while (i < e && Character.isDigit(text.charAt(i)) && i - s < 2) {
                    x = x * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (i == s || e - i != 2 || (Character.toLowerCase(text.charAt(i + 1)) != 'm') || x < 1 || x > 12) {
                    return t;
                }
                char c = Character.toLowerCase(text.charAt(i));
                if (c != 'a' && c != 'p') {
                    return t;
                }
                hour = x % 12 + (c == 'p' ? 12 : 0);
                minute = 0;
                return emitTime(t, t + 1, afterDate);
            }
            return t;
        }

        /** am / pm / a.m. / p.m. at {@code t} (right after a time): 0 or 12, end token in {@link #next}; else -1. */
        int ampm(int t) {
            if (!ok(t) || v.newline(t)) {
                return -1;
            }
            int x = v.lookup(t, AMPM);
            if (x < 0) {
                return -1;
            }
            next = t + 1;
            return x;
        }

        int emitTime(int first, int end, boolean afterDate) {
            if (!afterDate) {
                add(Type.TIME, first, end, "T" + clock(), Anchor.NONE, "");
            }
            return end;
        }

        // ------------------------------------------------------------------ relative expressions

        /** {@code POD #2}, {@code POD2}, {@code postoperative day 2}, {@code post op day #2}. */
        int postopDay(int t) {
            int u;
            if (v.is(t, "pod")) {
                u = t + 1;
            } else if (v.kind(t) == TokenKind.ALNUM && startsWithIgnoreCase(t, "pod")) {
                int d = digitsAfter(t, 3);
                if (d < 0) {
                    return t;
                }
                add(Type.DATE, t, t + 1, "", Anchor.SURGERY, "P" + d + "D");
                return t + 1;
            } else if (v.in(t, POSTOP) && v.is(t + 1, "day")) {
                u = t + 2;
            } else if (v.is(t, "post") && v.is(t + 1, "op") && v.is(t + 2, "day")) {
                u = t + 3;
            } else if (v.is(t, "post") && v.isChar(t + 1, '-') && v.is(t + 2, "op") && v.is(t + 3, "day")) {
                u = t + 4;
            } else {
                return t;
            }
            if (ok(u) && (v.isChar(u, '#') || v.is(u, "number") || v.is(u, "no"))) {
                u++;
            }
            int d = integer(u);
            if (d < 0 || d > 365) {
                return t;
            }
            add(Type.DATE, t, u + 1, "", Anchor.SURGERY, "P" + d + "D");
            return u + 1;
        }

        /** {@code hospital day 3}, {@code HD #3}, {@code HD3}. */
        int hospitalDay(int t) {
            int u;
            if (v.is(t, "hospital") && v.is(t + 1, "day")) {
                u = t + 2;
            } else if (v.is(t, "hd") && upperFirst(t)) {
                u = t + 1;
            } else if (v.kind(t) == TokenKind.ALNUM && startsWithIgnoreCase(t, "hd")
                    && text.charAt(v.start(t)) == 'H') {
                int d = digitsAfter(t, 2);
                if (d < 1 || d > 365) {
                    return t;
                }
                add(Type.DATE, t, t + 1, "", Anchor.ADMISSION, "P" + (d - 1) + "D");
                return t + 1;
            } else {
                return t;
            }
            if (ok(u) && (v.isChar(u, '#') || v.is(u, "number"))) {
                u++;
            }
            int d = integer(u);
            if (d < 1 || d > 365 || unitFollows(u + 1) || v.is(u + 1, "times")) {
                return t;
            }
            add(Type.DATE, t, u + 1, "", Anchor.ADMISSION, "P" + (d - 1) + "D");
            return u + 1;
        }

        boolean startsWithIgnoreCase(int t, String prefix) {
            int s = v.start(t);
            if (v.end(t) - s <= prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (Character.toLowerCase(text.charAt(s + i)) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The number written after {@code skip} chars (and an optional '#') to the end of the token, or -1. */
        int digitsAfter(int t, int skip) {
            int s = v.start(t) + skip;
            int e = v.end(t);
            if (s < e && text.charAt(s) == '#') {
                s++;
            }
            if (s >= e || e - s > 3) {
                return -1;
            }
            int x = 0;
            for (int i = s; i < e; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                x = x * 10 + (c - '0');
            }
            return x;
        }

        /** {@code yesterday}, {@code today}, {@code tonight}, {@code tomorrow}, {@code last night}, {@code this morning}. */
        int dayWord(int t) {
            int w = v.lookup(t, DAY_WORDS);
            if (w >= 0) {
                relativeDays(t, t + 1, w - 10);
                return t + 1;
            }
            if (v.is(t, "last") && v.is(t + 1, "night")) {
                relativeDays(t, t + 2, -1);
                return t + 2;
            }
            if (v.is(t, "this") && (v.is(t + 1, "morning") || v.is(t + 1, "afternoon") || v.is(t + 1, "evening"))) {
                relativeDays(t, t + 2, 0);
                return t + 2;
            }
            return t;
        }

        void relativeDays(int first, int end, int days) {
            String offset = days < 0 ? "-P" + (-days) + "D" : "P" + days + "D";
            String value = doc == null ? "" : doc.plusDays(days).toString();
            add(Type.DATE, first, end, value, Anchor.DOCUMENT, offset);
        }

        /** {@code last week}, {@code next month}, {@code this year}, {@code last March}, {@code the past week}. */
        int near(int t) {
            int dir = v.lookup(t, NEAR);
            if (dir == WordTable.ABSENT || !ok(t + 1)) {
                return t;
            }
            dir--;
            int unit = v.lookup(t + 1, SINGULAR_UNITS);
            if (unit >= 0) {
                if (v.is(t, "past") || (v.is(t, "last") && v.is(t - 1, "the"))) {
                    add(Type.DURATION, t, t + 2, "P1" + UNIT_CODES[unit], Anchor.NONE, "");
                    return t + 2;
                }
                if (v.is(t, "coming") && !v.is(t - 1, "the")) {
                    return t;
                }
                relative(t, t + 2, dir, dir == 0 ? 0 : 1, unit, Anchor.DOCUMENT);
                return t + 2;
            }
            int m = v.lookup(t + 1, MONTHS);
            if (m > 0 && upperFirst(t + 1) && len(t + 1) >= 3 && !v.is(t, "past") && !v.is(t, "coming")) {
                String value = "";
                if (doc != null) {
                    int y = doc.getYear();
                    int dm = doc.getMonthValue();
                    if (dir < 0) {
                        y = m < dm ? y : y - 1;
                    } else if (dir > 0) {
                        y = m > dm ? y : y + 1;
                    }
                    value = isoDate(y, m, -1);
                }
                add(Type.DATE, t, t + 2, value, Anchor.DOCUMENT, "");
                return t + 2;
            }
            return t;
        }

        /** Emits a relative date {@code dir * amount unit} from the anchor (document: resolved when known). */
        void relative(int first, int end, int dir, double amount, int unit, Anchor anchor) {
            String num = number(amount);
            boolean sub = unit <= HOUR;
            String dur = (sub ? "PT" : "P") + num + UNIT_CODES[unit];
            if (unit == MIN) {
                dur = "PT" + num + "M";
            }
            String offset = dir < 0 ? "-" + dur : dur;
            String value = "";
            if (anchor == Anchor.DOCUMENT && doc != null && !sub && amount == Math.rint(amount)) {
                long a = (long) amount * dir;
                value = switch (unit) {
                    case DAY -> doc.plusDays(a).toString();
                    case WEEK -> doc.plusWeeks(a).toString();
                    case MONTH -> isoDate(doc.plusMonths(a).getYear(), doc.plusMonths(a).getMonthValue(), -1);
                    default -> Integer.toString(doc.plusYears(a).getYear());
                };
            } else if (anchor == Anchor.DOCUMENT && doc != null && sub) {
                value = doc.toString();
            }
            add(Type.DATE, first, end, value, anchor, offset);
        }

        static String number(double x) {
            if (x == Math.rint(x) && Math.abs(x) < 1e9) {
                return Long.toString((long) x);
            }
            return Double.toString(x);
        }

        /**
         * A number and a time unit: {@code 3 days ago}, {@code 2 weeks prior to admission}, {@code in 2 weeks},
         * {@code 2 days after surgery}, {@code for 5 days}, {@code x 7 days}, {@code 3-day history}.
         */
        int quantity(int t) {
            double amount;
            boolean article = false;
            if (v.is(t, "a") || v.is(t, "an")) {
                amount = 1;
                article = true;
            } else {
                amount = v.amount(t);
                if (Double.isNaN(amount) && v.kind(t) == TokenKind.ALNUM) {
                    // x7 days
                    char c = text.charAt(v.start(t));
                    if ((c == 'x' || c == 'X') && ok(t + 1) && v.in(t + 1, UNITS)) {
                        int d = digitsAfter(t, 1);
                        if (d > 0) {
                            int unit = v.lookup(t + 1, UNITS);
                            add(Type.DURATION, t, t + 2, duration(d, unit), Anchor.NONE, "");
                            return t + 2;
                        }
                    }
                }
            }
            if (Double.isNaN(amount) || amount < 0 || amount > 1000) {
                return t;
            }
            int first = t;
            if (amount == 0.5 && v.is(t, "half") && v.is(t - 1, "a") && v.is(t - 2, "and")
                    && !Double.isNaN(v.amount(t - 3))) {
                first = t - 3; // "two and a half years"
                amount += v.amount(first);
            }
            int u = t + 1;
            boolean hyphen = false;
            if (ok(u) && v.isChar(u, '-') && v.glued(u)) {
                u++;
                hyphen = true;
            }
            int unit = ok(u) ? v.lookup(u, UNITS) : WordTable.ABSENT;
            if (unit < 0) {
                return t;
            }
            if (len(u) == 1 && (article || !v.glued(u) && v.kind(t) != TokenKind.NUMBER)) {
                return t; // "a d", "two y"
            }
            int e = u + 1;
            // relative: ago / prior / before / earlier, optionally "to admission" / "surgery"
            if (ok(e) && v.in(e, BEFORE)) {
                int end = e + 1;
                Anchor anchor = Anchor.DOCUMENT;
                int a = end;
                if (ok(a) && v.is(a, "to")) {
                    a++;
                }
                if (ok(a) && (v.is(a, "this") || v.is(a, "the") || v.is(a, "his") || v.is(a, "her"))) {
                    a++;
                }
                if (!v.is(e, "ago") && ok(a) && v.in(a, ADMISSION)) {
                    anchor = Anchor.ADMISSION;
                    end = a + 1;
                } else if (!v.is(e, "ago") && ok(a) && v.in(a, SURGERY)) {
                    anchor = Anchor.SURGERY;
                    end = a + 1;
                } else if (v.is(e, "before")) {
                    return durationOrNothing(first, u, amount, unit);
                }
                relative(first, end, -1, amount, unit, anchor);
                return end;
            }
            if (ok(e) && v.in(e, AFTER)) {
                int a = e;
                Anchor anchor = null;
                if (v.is(e, "postop") || v.is(e, "post-op") || v.is(e, "postoperatively")) {
                    anchor = Anchor.SURGERY;
                } else if (v.is(e, "post") && v.is(e + 1, "op")) {
                    anchor = Anchor.SURGERY;
                    a = e + 1;
                } else if (v.is(e, "post") && v.isChar(e + 1, '-') && v.is(e + 2, "op")) {
                    anchor = Anchor.SURGERY;
                    a = e + 2;
                } else if (!v.is(e, "later")) {
                    a = e + 1;
                    if (ok(a) && (v.is(a, "the") || v.is(a, "his") || v.is(a, "her"))) {
                        a++;
                    }
                    if (ok(a) && v.in(a, SURGERY)) {
                        anchor = Anchor.SURGERY;
                    } else if (ok(a) && v.in(a, ADMISSION)) {
                        anchor = Anchor.ADMISSION;
                    }
                }
                if (anchor != null) {
                    relative(first, a + 1, 1, amount, unit, anchor);
                    return a + 1;
                }
            }
            if (ok(e) && v.is(e, "from") && v.is(e + 1, "now")) {
                relative(first, e + 2, 1, amount, unit, Anchor.DOCUMENT);
                return e + 2;
            }
            if (hyphen || (ok(e) && v.in(e, DURATION_TAILS))) {
                if (hyphen && !(ok(e) && (v.in(e, DURATION_TAILS) || v.is(e, "course") || v.is(e, "period")
                        || v.is(e, "stay") || v.is(e, "supply") || v.is(e, "trial")))) {
                    return t;
                }
                add(Type.DURATION, first, u + 1, duration(amount, unit), Anchor.NONE, "");
                return u + 1;
            }
            int p = first - 1;
            if (ok(p) && (v.is(p, "the") || v.is(p, "approximately") || v.is(p, "about") || v.is(p, "another")
                    || v.is(p, "additional"))) {
                p--;
            }
            if (ok(p) && v.in(p, DURATION_LEADS) && !article) {
                add(Type.DURATION, first, u + 1, duration(amount, unit), Anchor.NONE, "");
                return u + 1;
            }
            if (ok(p) && (v.is(p, "for") || v.is(p, "over")) && article) {
                add(Type.DURATION, first, u + 1, duration(amount, unit), Anchor.NONE, "");
                return u + 1;
            }
            if (ok(first - 1) && v.is(first - 1, "in") && unit >= HOUR) {
                relative(first, u + 1, 1, amount, unit, Anchor.DOCUMENT);
                return u + 1;
            }
            return t;
        }

        int durationOrNothing(int t, int u, double amount, int unit) {
            if (ok(t - 1) && v.in(t - 1, DURATION_LEADS)) {
                add(Type.DURATION, t, u + 1, duration(amount, unit), Anchor.NONE, "");
                return u + 1;
            }
            return t;
        }

        static String duration(double amount, int unit) {
            if (unit == MIN) {
                return "PT" + number(amount) + "M";
            }
            return (unit <= HOUR ? "PT" : "P") + number(amount) + UNIT_CODES[unit];
        }
    }
}
