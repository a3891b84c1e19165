package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.Text;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.nlp.abbrev.AbbreviationDefinition;
import org.medsift.nlp.abbrev.AbbreviationDefinitions;
import org.medsift.nlp.abbrev.AbbreviationUse;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.vocab.Lexicon;

/**
 * Turns a text into {@link Encoded} sentences: tokenizes, splits sentences, runs the lexicon matcher (when lexicon
 * features are on), finds the abbreviations the text defines (when those features are on), splits word tokens at
 * inner punctuation, and hashes each unit's features; {@link #stacked} adds the second pass's features of the first
 * pass's labels across the document. Immutable and thread-safe.
 */
final class Encoder {
    private static final int MAX_TRIGRAMS = 24;
    // feature templates; the numbers are part of the model format (changing them changes every hashed id)
    private static final int BIAS = 1, W0 = 2, WM1 = 3, WM2 = 4, WP1 = 5, WP2 = 6, BI_M1 = 7, BI_P1 = 8,
            PRE = 9, SUF = 12, SHAPE = 15, SHORT = 16, SHORT_M1 = 17, SHORT_P1 = 18, TRI = 19, LEN = 20,
            KIND = 21, GLUE = 22, LEX0 = 23, LEXM1 = 24, LEXP1 = 25, LEX_SHORT = 26, LEX_W = 27,
            // wide context (format 2)
            WM3 = 28, WP3 = 29, BI_M2 = 30, BI_P2 = 31, PRE5 = 32, SUF5 = 33, QUAD = 34, PAREN = 35, TITLE = 36,
            SHORT_M2 = 37, SHORT_P2 = 38, LEX_POS = 39,
            // abbreviations defined in the document (format 2)
            AB_IS = 40, AB_LF_LAST = 41, AB_LF_SUF = 42, AB_LF_LEX = 43, AB_LF_FIRST = 44, AB_IN_LF = 45,
            // second pass: first-pass labels in the document (format 2)
            S_SELF = 50, S_SAME = 51, S_SAME_SELF = 52, S_LF = 53, S_M1 = 54, S_P1 = 55, S_SAME_TYPES = 56,
            S_REP = 57, S_REP_SELF = 58, S_ALIAS = 59, S_ALIAS_SELF = 60;
    /** Longest first-pass entity (in units) whose repeats elsewhere in the document are looked for. */
    private static final int MAX_REPEAT = 8;
    private static final int BOS = 0x5A17B05, EOS = 0x3E05E05;

    private final FeatureSettings settings;
    private final Pipeline pipeline;
    private final int mask;
    private final int width;

    Encoder(FeatureSettings settings, Lexicon lexicon) {
        this.settings = settings;
        this.mask = (1 << settings.hashBits()) - 1;
        this.width = Labels.width(settings);
        Pipeline.Builder b = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter());
        if (settings.lexiconFeatures()) {
            if (lexicon == null) {
                throw new IllegalArgumentException("lexicon features are on but no lexicon was given");
            }
            b.add(new LexiconMatcher(lexicon));
        }
        this.pipeline = b.build();
    }

    /** Counts of gold spans whose edges fall inside a unit (they cannot be learned or found exactly). */
    static final class Alignment {
        int spans;
        int misaligned;
        int overlapping;
    }

    /**
     * Encodes {@code text}; when {@code gold} is not null, fills gold labels for the types in {@code types}
     * (label {@code 1+2k} is {@code B-types[k]}, {@code 2+2k} is {@code I-types[k]}, 0 is {@code O}).
     */
    List<Encoded> encode(Text text, List<EntitySpan> gold, String[] types, Alignment alignment) {
        return encodeDoc(text, gold, types, alignment).sentences;
    }

    /** As {@link #encode}, with what the second pass needs across sentences. */
    EncodedDoc encodeDoc(Text text, List<EntitySpan> gold, String[] types, Alignment alignment) {
        Document doc = pipeline.process(text);
        String s = text.content();
        TokenTable tokens = doc.require(Layers.TOKENS);
        SpanTable sentences = doc.require(Layers.SENTENCES);
        // units over the whole document
        int cap = tokens.size() + 16;
        int[] us = new int[cap];
        int[] ue = new int[cap];
        byte[] kind = new byte[cap];
        int n = 0;
        int[] sentFirst = new int[sentences.size() + 1];
        for (int sent = 0; sent < sentences.size(); sent++) {
            sentFirst[sent] = n;
            for (int t = sentences.firstToken(sent); t < sentences.endToken(sent); t++) {
                int a = tokens.start(t);
                int e = tokens.end(t);
                byte k = tokens.kind(t);
                boolean split = k != TokenKind.ABBREVIATION && k != TokenKind.PLACEHOLDER && e - a > 1
                        && hasInnerPunct(s, a, e);
                if (!split) {
                    if (n == us.length) {
                        us = Arrays.copyOf(us, n * 2);
                        ue = Arrays.copyOf(ue, n * 2);
                        kind = Arrays.copyOf(kind, n * 2);
                    }
                    us[n] = a;
                    ue[n] = e;
                    kind[n++] = k;
                    continue;
                }
                int i = a;
                while (i < e) {
                    int j = i + 1;
                    if (Character.isLetterOrDigit(s.charAt(i))) {
                        while (j < e && Character.isLetterOrDigit(s.charAt(j))) {
                            j++;
                        }
                    }
                    if (n + 1 >= us.length) {
                        us = Arrays.copyOf(us, us.length * 2);
                        ue = Arrays.copyOf(ue, ue.length * 2);
                        kind = Arrays.copyOf(kind, kind.length * 2);
                    }
                    us[n] = i;
                    ue[n] = j;
                    kind[n++] = Character.isLetterOrDigit(s.charAt(i)) ? k : TokenKind.SYMBOL;
                    i = j;
                }
            }
        }
        sentFirst[sentences.size()] = n;
        byte[] lex = new byte[n];
        byte[] lexPos = new byte[n];
        if (settings.lexiconFeatures()) {
            for (ConceptMention m : doc.find(Layers.CONCEPTS).orElse(List.of())) {
                int u = lowerBound(ue, n, m.start() + 1);
                int first = u;
                for (; u < n && us[u] < m.end(); u++) {
                    lex[u] = (byte) (1 + 2 * m.group().ordinal() + (u == first ? 0 : 1));
                    // 1 single, 2 first, 3 inside, 4 last of a multi-unit match
                    lexPos[u] = (byte) (u + 1 < n && us[u + 1] < m.end() ? (u == first ? 2 : 3) : u == first ? 1 : 4);
                }
            }
        }
        int[] longFirst = new int[n];
        int[] longLast = new int[n];
        byte[] inLong = new byte[n];
        Arrays.fill(longFirst, -1);
        Arrays.fill(longLast, -1);
        if (settings.abbreviations()) {
            abbreviations(s, us, ue, n, longFirst, longLast, inLong);
        }
        int[] labels = null;
        if (gold != null) {
            labels = new int[n];
            for (EntitySpan g : gold) {
                int k = indexOf(types, g.type());
                if (k < 0) {
                    continue;
                }
                alignment.spans++;
                int u = lowerBound(ue, n, g.start() + 1);
                int last = u;
                while (last < n && ue[last] < g.end()) {
                    last++;
                }
                if (u >= n || last >= n || us[u] != g.start() || ue[last] != g.end()) {
                    alignment.misaligned++;
                    continue;
                }
                boolean free = true;
                for (int x = u; x <= last; x++) {
                    free &= labels[x] == 0;
                }
                if (!free) {
                    alignment.overlapping++;
                    continue;
                }
                Labels.gold(labels, u, last, k, width);
            }
        }
        List<Encoded> out = new ArrayList<>(sentences.size());
        int[] wordHash = new int[n];
        int[] shortShape = new int[n];
        for (int u = 0; u < n; u++) {
            wordHash[u] = lowerHash(s, us[u], ue[u]);
            shortShape[u] = shapeHash(s, us[u], ue[u], true);
        }
        int[] sameNext = sameWordRing(wordHash, n);
        // 1 in the first sentence (the title of an abstract), 2 a word of 3+ chars that also occurs there
        byte[] title = new byte[n];
        byte[] paren = new byte[n];
        if (settings.wideContext()) {
            int titleEnd = sentFirst[Math.min(1, sentences.size())];
            for (int u = 0; u < n; u++) {
                if (u < titleEnd) {
                    title[u] = 1;
                } else if (ue[u] - us[u] >= 3) {
                    for (int v = sameNext[u]; v != u; v = sameNext[v]) {
                        if (v < titleEnd) {
                            title[u] = 2;
                            break;
                        }
                    }
                }
            }
            for (int sent = 0; sent < sentences.size(); sent++) {
                int depth = 0;
                for (int u = sentFirst[sent]; u < sentFirst[sent + 1]; u++) {
                    char c = s.charAt(us[u]);
                    if (ue[u] - us[u] == 1 && c == ')' && depth > 0) {
                        depth--;
                    }
                    paren[u] = (byte) Math.min(depth, 2);
                    if (ue[u] - us[u] == 1 && c == '(') {
                        depth++;
                    }
                }
            }
        }
        Unit unit = new Unit(s, us, ue, kind, lex, lexPos, wordHash, shortShape, title, paren, longFirst, longLast,
                inLong);
        for (int sent = 0; sent < sentences.size(); sent++) {
            int a = sentFirst[sent];
            int b = sentFirst[sent + 1];
            if (b == a) {
                continue;
            }
            out.add(sentence(unit, a, b, labels));
        }
        byte[] parenUnit = new byte[n];
        for (int u = 0; u < n; u++) {
            if (ue[u] - us[u] == 1) {
                char c = s.charAt(us[u]);
                parenUnit[u] = (byte) (c == '(' ? 1 : c == ')' ? 2 : 0);
            }
        }
        return new EncodedDoc(out, wordHash, sameNext, longFirst, longLast, parenUnit);
    }

    /** The document's per-unit arrays, shared by its sentences. */
    private record Unit(String s, int[] us, int[] ue, byte[] kind, byte[] lex, byte[] lexPos, int[] wordHash,
            int[] shortShape, byte[] title, byte[] paren, int[] longFirst, int[] longLast, byte[] inLong) {
    }

    /**
     * Marks the units of each abbreviation's short form (at its definition and at each use) with the first and last
     * unit of its long form, and the long form's own units with their position in it (1 first, 2 inside, 3 last).
     */
    private static void abbreviations(String s, int[] us, int[] ue, int n, int[] longFirst, int[] longLast,
            byte[] inLong) {
        List<AbbreviationDefinition> defs = AbbreviationDefinitions.find(s);
        if (defs.isEmpty()) {
            return;
        }
        int[] lf0 = new int[defs.size()];
        int[] lf1 = new int[defs.size()];
        for (int d = 0; d < defs.size(); d++) {
            AbbreviationDefinition def = defs.get(d);
            lf0[d] = lowerBound(ue, n, def.longStart() + 1);
            lf1[d] = Math.max(lf0[d], lowerBound(ue, n, def.longEnd()));
            if (lf1[d] >= n) {
                lf0[d] = -1;
                continue;
            }
            for (int u = lf0[d]; u <= lf1[d]; u++) {
                inLong[u] = (byte) (u == lf1[d] ? 3 : u == lf0[d] ? 1 : 2);
            }
            markShort(us, ue, n, def.shortStart(), def.shortEnd(), lf0[d], lf1[d], longFirst, longLast);
        }
        for (AbbreviationUse use : AbbreviationDefinitions.findUses(s, defs)) {
            if (lf0[use.definition()] >= 0) {
                markShort(us, ue, n, use.start(), use.end(), lf0[use.definition()], lf1[use.definition()], longFirst,
                        longLast);
            }
        }
    }

    private static void markShort(int[] us, int[] ue, int n, int start, int end, int lf0, int lf1, int[] longFirst,
            int[] longLast) {
        for (int u = lowerBound(ue, n, start + 1); u < n && us[u] < end; u++) {
            if (us[u] >= start && ue[u] <= end) {
                longFirst[u] = lf0;
                longLast[u] = lf1;
            }
        }
    }

    /** Per unit, the next unit with the same word hash, wrapping around (a unit alone points to itself). */
    private static int[] sameWordRing(int[] wordHash, int n) {
        long[] keyed = new long[n];
        for (int u = 0; u < n; u++) {
            keyed[u] = ((long) wordHash[u] << 32) | u;
        }
        Arrays.sort(keyed);
        int[] next = new int[n];
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && (keyed[j] >> 32) == (keyed[i] >> 32)) {
                j++;
            }
            for (int k = i; k < j; k++) {
                next[(int) keyed[k]] = (int) keyed[k + 1 < j ? k + 1 : i];
            }
            i = j;
        }
        return next;
    }

    /**
     * The second pass's sentences: each unit's features plus features of the first pass's labels {@code first}
     * (one per document unit): its own, its neighbours', those of the same word elsewhere in the document, and for
     * a short form its long form's.
     */
    /** The most features {@link #stacked} adds to one unit: self and neighbours 3, same word 3, long form 1, alias 2, repeat 2. */
    private static final int STACKED_PER_UNIT = 11;

    List<Encoded> stacked(EncodedDoc doc, int[] first) {
        int[] repeat = repeats(doc, first, width);
        int[] alias = aliases(doc, first, width);
        int[] count = new int[64];
        List<Encoded> out = new ArrayList<>(doc.sentences.size());
        for (Encoded e : doc.sentences) {
            int len = e.size();
            int[] featStart = new int[len + 1];
            int[] f = new int[e.features.length + len * STACKED_PER_UNIT];
            int p = 0;
            for (int i = 0; i < len; i++) {
                featStart[i] = p;
                int from = e.featStart[i];
                int to = e.featStart[i + 1];
                System.arraycopy(e.features, from, f, p, to - from);
                p += to - from;
                int u = e.offset + i;
                int self = first[u];
                f[p++] = feat(S_SELF, self);
                f[p++] = feat(S_M1, i > 0 ? first[u - 1] : -1);
                f[p++] = feat(S_P1, i + 1 < len ? first[u + 1] : -1);
                // the same word elsewhere: its most frequent first-pass label and the types it was given
                int others = 0;
                int typesSeen = 0;
                Arrays.fill(count, 0);
                for (int v = doc.sameNext[u]; v != u; v = doc.sameNext[v]) {
                    others++;
                    int l = first[v];
                    count[Math.min(l, count.length - 1)]++;
                    if (l > 0) {
                        typesSeen |= 1 << Math.min(Labels.type(l, width), 30);
                    }
                }
                if (others > 0 && e.end[i] - e.start[i] > 1) {
                    int arg = 0;
                    for (int l = 1; l < count.length; l++) {
                        if (count[l] > count[arg]) {
                            arg = l;
                        }
                    }
                    int agree = count[arg] == others ? 1 : 0;
                    f[p++] = feat(S_SAME, arg * 2 + agree);
                    f[p++] = feat(S_SAME_SELF, (arg * 2 + agree) * 31 + self);
                    f[p++] = feat(S_SAME_TYPES, typesSeen);
                }
                if (doc.longLast[u] >= 0) {
                    int lf0 = doc.longFirst[u];
                    int lf1 = doc.longLast[u];
                    f[p++] = feat(S_LF, exactType(first, lf0, lf1, width) * 64 + first[lf1]);
                }
                if (alias[u] != 0) {
                    f[p++] = feat(S_ALIAS, alias[u]);
                    f[p++] = feat(S_ALIAS_SELF, alias[u] * 31 + self);
                }
                if (repeat[u] != 0) {
                    f[p++] = feat(S_REP, repeat[u]);
                    f[p++] = feat(S_REP_SELF, repeat[u] * 31 + self);
                }
            }
            featStart[len] = p;
            out.add(new Encoded(e.start, e.end, featStart, Arrays.copyOf(f, p), e.gold, e.offset));
        }
        return out;
    }

    /** 1 + the type of a first-pass entity spanning exactly units {@code a..b}, or 0. */
    private static int exactType(int[] first, int a, int b, int width) {
        if (!Labels.begins(first[a], width) || Labels.entityEnd(first, a, first.length, width) != b + 1) {
            return 0;
        }
        return 1 + Labels.type(first[a], width);
    }

    /**
     * Per unit, where it sits in another occurrence (same lower-cased words) of an entity the first pass found
     * elsewhere in the document: {@code 1 + 2 * type} at the first unit, {@code 2 + 2 * type} inside, plus 64 when
     * that occurrence was itself not labelled so; 0 when in none.
     */
    private static int[] repeats(EncodedDoc doc, int[] first, int width) {
        int n = doc.units();
        int[] out = new int[n];
        int[] word = doc.word;
        int u = 0;
        while (u < n) {
            int l = first[u];
            if (!Labels.begins(l, width)) {
                u++;
                continue;
            }
            int e = Labels.entityEnd(first, u, n, width);
            int len = e - u;
            if (len <= MAX_REPEAT) {
                // other occurrences start at a unit with the same word as u
                for (int v = doc.sameNext[u]; v != u; v = doc.sameNext[v]) {
                    if (v + len > n) {
                        continue;
                    }
                    boolean same = true;
                    for (int k = 1; k < len && same; k++) {
                        same = word[v + k] == word[u + k];
                    }
                    if (!same) {
                        continue;
                    }
                    boolean labelled = true;
                    for (int k = 0; k < len && labelled; k++) {
                        labelled = first[v + k] == first[u + k];
                    }
                    for (int k = 0; k < len; k++) {
                        out[v + k] = first[u + k] + (labelled ? 0 : 64);
                    }
                }
            }
            u = e;
        }
        return out;
    }

    /**
     * Per unit, {@code 1 +} the type of a first-pass entity that a one-unit parenthesis right after it renames
     * ({@code ammonium acetate (NH4Ac)}, {@code testosterone (T)}: short forms that the letter-matching of
     * {@link AbbreviationDefinitions} cannot pair), at that unit and at every other unit of the same word; 0 elsewhere.
     */
    private static int[] aliases(EncodedDoc doc, int[] first, int width) {
        int n = doc.units();
        int[] out = new int[n];
        int u = 0;
        while (u < n) {
            if (!Labels.begins(first[u], width)) {
                u++;
                continue;
            }
            int e = Labels.entityEnd(first, u, n, width);
            int a = e + 1;
            if (e + 2 < n && doc.paren[e] == 1 && doc.paren[e + 2] == 2) {
                int type = 1 + Labels.type(first[u], width);
                out[a] = type;
                for (int v = doc.sameNext[a]; v != a; v = doc.sameNext[v]) {
                    out[v] = type;
                }
            }
            u = e;
        }
        return out;
    }

    private Encoded sentence(Unit x, int a, int b, int[] labels) {
        String s = x.s;
        int[] us = x.us;
        int[] ue = x.ue;
        byte[] kind = x.kind;
        byte[] lex = x.lex;
        int[] wordHash = x.wordHash;
        int[] shortShape = x.shortShape;
        int len = b - a;
        int[] featStart = new int[len + 1];
        int[] f = new int[len * 128];
        int p = 0;
        for (int u = a; u < b; u++) {
            if (p + 128 > f.length) {
                f = Arrays.copyOf(f, f.length * 2);
            }
            featStart[u - a] = p;
            int wm1 = u - 1 >= a ? wordHash[u - 1] : BOS;
            int wm2 = u - 2 >= a ? wordHash[u - 2] : BOS;
            int wp1 = u + 1 < b ? wordHash[u + 1] : EOS;
            int wp2 = u + 2 < b ? wordHash[u + 2] : EOS;
            int w0 = wordHash[u];
            f[p++] = feat(BIAS, 0);
            f[p++] = feat(W0, w0);
            f[p++] = feat(WM1, wm1);
            f[p++] = feat(WM2, wm2);
            f[p++] = feat(WP1, wp1);
            f[p++] = feat(WP2, wp2);
            f[p++] = feat(BI_M1, wm1 * 31 + w0);
            f[p++] = feat(BI_P1, w0 * 31 + wp1);
            int st = us[u];
            int en = ue[u];
            int wl = en - st;
            for (int k = 2; k <= 4; k++) {
                if (wl > k) {
                    f[p++] = feat(PRE + k - 2, lowerHash(s, st, st + k));
                    f[p++] = feat(SUF + k - 2, lowerHash(s, en - k, en));
                }
            }
            f[p++] = feat(SHAPE, shapeHash(s, st, en, false));
            f[p++] = feat(SHORT, shortShape[u]);
            f[p++] = feat(SHORT_M1, u - 1 >= a ? shortShape[u - 1] : BOS);
            f[p++] = feat(SHORT_P1, u + 1 < b ? shortShape[u + 1] : EOS);
            f[p++] = feat(LEN, Math.min(wl, 12));
            f[p++] = feat(KIND, kind[u]);
            boolean gluedLeft = u - 1 >= a && ue[u - 1] == st;
            boolean gluedRight = u + 1 < b && us[u + 1] == en;
            f[p++] = feat(GLUE, (gluedLeft ? 1 : 0) + (gluedRight ? 2 : 0));
            if (settings.charNgrams() && wl >= 2) {
                // trigrams of ^word$, lower-cased
                int count = 0;
                for (int i = st - 1; i + 2 <= en && count < MAX_TRIGRAMS; i++, count++) {
                    int h = 0x811C9DC5;
                    for (int j = i; j < i + 3; j++) {
                        char c = j < st ? '^' : j >= en ? '$' : Character.toLowerCase(s.charAt(j));
                        h = (h ^ c) * 0x01000193;
                    }
                    f[p++] = feat(TRI, h);
                    if (p + 8 > f.length) {
                        f = Arrays.copyOf(f, f.length * 2);
                    }
                }
                if (settings.wideContext()) {
                    count = 0;
                    for (int i = st - 1; i + 3 <= en && count < MAX_TRIGRAMS; i++, count++) {
                        int h = 0x811C9DC5;
                        for (int j = i; j < i + 4; j++) {
                            char c = j < st ? '^' : j >= en ? '$' : Character.toLowerCase(s.charAt(j));
                            h = (h ^ c) * 0x01000193;
                        }
                        f[p++] = feat(QUAD, h);
                        if (p + 8 > f.length) {
                            f = Arrays.copyOf(f, f.length * 2);
                        }
                    }
                }
            }
            if (p + 64 > f.length) {
                f = Arrays.copyOf(f, f.length * 2);
            }
            if (settings.wideContext()) {
                int wm3 = u - 3 >= a ? wordHash[u - 3] : BOS;
                int wp3 = u + 3 < b ? wordHash[u + 3] : EOS;
                f[p++] = feat(WM3, wm3);
                f[p++] = feat(WP3, wp3);
                f[p++] = feat(BI_M2, wm2 * 31 + wm1);
                f[p++] = feat(BI_P2, wp1 * 31 + wp2);
                if (wl > 5) {
                    f[p++] = feat(PRE5, lowerHash(s, st, st + 5));
                    f[p++] = feat(SUF5, lowerHash(s, en - 5, en));
                }
                f[p++] = feat(SHORT_M2, u - 2 >= a ? shortShape[u - 2] : BOS);
                f[p++] = feat(SHORT_P2, u + 2 < b ? shortShape[u + 2] : EOS);
                f[p++] = feat(PAREN, x.paren[u]);
                f[p++] = feat(TITLE, x.title[u] * 131 + shortShape[u]);
                if (settings.lexiconFeatures() && lex[u] != 0) {
                    f[p++] = feat(LEX_POS, lex[u] * 8 + x.lexPos[u]);
                }
            }
            if (settings.abbreviations()) {
                int lf1 = x.longLast[u];
                if (lf1 >= 0) {
                    int lf0 = x.longFirst[u];
                    f[p++] = feat(AB_IS, 1);
                    f[p++] = feat(AB_LF_LAST, wordHash[lf1]);
                    f[p++] = feat(AB_LF_FIRST, wordHash[lf0]);
                    int ls = us[lf1];
                    int le = ue[lf1];
                    if (le - ls > 3) {
                        f[p++] = feat(AB_LF_SUF, lowerHash(s, le - 4, le));
                    }
                    f[p++] = feat(AB_LF_LEX, lex[lf0] * 64 + lex[lf1]);
                }
                if (x.inLong[u] != 0) {
                    f[p++] = feat(AB_IN_LF, x.inLong[u]);
                }
            }
            if (settings.lexiconFeatures()) {
                int l0 = lex[u];
                int lm1 = u - 1 >= a ? lex[u - 1] : -1;
                int lp1 = u + 1 < b ? lex[u + 1] : -1;
                f[p++] = feat(LEX0, l0);
                f[p++] = feat(LEXM1, lm1);
                f[p++] = feat(LEXP1, lp1);
                if (l0 != 0) {
                    f[p++] = feat(LEX_SHORT, l0 * 131 + shortShape[u]);
                    f[p++] = feat(LEX_W, l0 * 131 + w0);
                }
            }
        }
        featStart[len] = p;
        int[] gold = labels == null ? null : Arrays.copyOfRange(labels, a, b);
        return new Encoded(Arrays.copyOfRange(us, a, b), Arrays.copyOfRange(ue, a, b), featStart,
                Arrays.copyOf(f, p), gold, a);
    }

    private int feat(int template, int value) {
        return fmix(value * 0x9E3779B1 + template * 0x85EBCA6B) & mask;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static int lowerHash(String s, int a, int e) {
        int h = 0x811C9DC5;
        for (int i = a; i < e; i++) {
            h = (h ^ Character.toLowerCase(s.charAt(i))) * 0x01000193;
        }
        return h;
    }

    /** Word shape: X upper, x lower, d digit, the char itself otherwise; {@code collapse} merges repeats. */
    private static int shapeHash(String s, int a, int e, boolean collapse) {
        int h = 0x811C9DC5;
        char prev = 0;
        for (int i = a; i < e; i++) {
            char c = s.charAt(i);
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : Character.isLetter(c) ? 'x' : c;
            if (collapse && k == prev) {
                continue;
            }
            prev = k;
            h = (h ^ k) * 0x01000193;
        }
        return h;
    }

    private static boolean hasInnerPunct(String s, int a, int e) {
        for (int i = a; i < e; i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** First index {@code u < n} with {@code ends[u] >= key}, or {@code n}. */
    private static int lowerBound(int[] ends, int n, int key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int indexOf(String[] types, String t) {
        for (int i = 0; i < types.length; i++) {
            if (types[i].equals(t)) {
                return i;
            }
        }
        return -1;
    }

    /** Number of distinct lexicon tag codes (for documentation; groups x B/I). */
    static int lexiconCodes() {
        return 1 + 2 * SemanticGroup.values().length;
    }
}
