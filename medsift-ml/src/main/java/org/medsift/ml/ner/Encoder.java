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
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.vocab.Lexicon;

/**
 * Turns a text into {@link Encoded} sentences: tokenizes, splits sentences, runs the lexicon matcher (when lexicon
 * features are on), splits word tokens at inner punctuation, and hashes each unit's features. Immutable and
 * thread-safe.
 */
final class Encoder {
    private static final int MAX_TRIGRAMS = 24;
    // feature templates; the numbers are part of the model format (changing them changes every hashed id)
    private static final int BIAS = 1, W0 = 2, WM1 = 3, WM2 = 4, WP1 = 5, WP2 = 6, BI_M1 = 7, BI_P1 = 8,
            PRE = 9, SUF = 12, SHAPE = 15, SHORT = 16, SHORT_M1 = 17, SHORT_P1 = 18, TRI = 19, LEN = 20,
            KIND = 21, GLUE = 22, LEX0 = 23, LEXM1 = 24, LEXP1 = 25, LEX_SHORT = 26, LEX_W = 27;
    private static final int BOS = 0x5A17B05, EOS = 0x3E05E05;

    private final FeatureSettings settings;
    private final Pipeline pipeline;
    private final int mask;

    Encoder(FeatureSettings settings, Lexicon lexicon) {
        this.settings = settings;
        this.mask = (1 << settings.hashBits()) - 1;
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
        if (settings.lexiconFeatures()) {
            for (ConceptMention m : doc.find(Layers.CONCEPTS).orElse(List.of())) {
                int u = lowerBound(ue, n, m.start() + 1);
                boolean first = true;
                for (; u < n && us[u] < m.end(); u++) {
                    lex[u] = (byte) (1 + 2 * m.group().ordinal() + (first ? 0 : 1));
                    first = false;
                }
            }
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
                labels[u] = 1 + 2 * k;
                for (int x = u + 1; x <= last; x++) {
                    labels[x] = 2 + 2 * k;
                }
            }
        }
        List<Encoded> out = new ArrayList<>(sentences.size());
        int[] wordHash = new int[n];
        int[] shortShape = new int[n];
        for (int u = 0; u < n; u++) {
            wordHash[u] = lowerHash(s, us[u], ue[u]);
            shortShape[u] = shapeHash(s, us[u], ue[u], true);
        }
        for (int sent = 0; sent < sentences.size(); sent++) {
            int a = sentFirst[sent];
            int b = sentFirst[sent + 1];
            if (b == a) {
                continue;
            }
            out.add(sentence(s, a, b, us, ue, kind, lex, wordHash, shortShape, labels));
        }
        return out;
    }

    private Encoded sentence(String s, int a, int b, int[] us, int[] ue, byte[] kind, byte[] lex, int[] wordHash,
            int[] shortShape, int[] labels) {
        int len = b - a;
        int[] featStart = new int[len + 1];
        int[] f = new int[len * 64];
        int p = 0;
        for (int u = a; u < b; u++) {
            if (p + 64 > f.length) {
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
                Arrays.copyOf(f, p), gold);
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
