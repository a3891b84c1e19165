package org.medsift.ml.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;

/** The span margins of {@link NerTagger#tagScored} against exhaustive search over every allowed labelling. */
class ViterbiMarginTest {
    private static final int FEATURES = 7;

    /** Best score of an allowed labelling of the sentence whose units {@code first..last} are O ({@code -1}: none). */
    private static double bruteForce(float[] emission, float[] trans, int n, int labels, int width, int first,
            int last) {
        boolean[] allowed = Labels.table(labels, width);
        int[] seq = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        int total = (int) Math.pow(labels, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int i = 0; i < n; i++) {
                seq[i] = c % labels;
                c /= labels;
            }
            boolean ok = !Labels.open(seq[n - 1], width);
            double v = 0;
            for (int i = 0; i < n && ok; i++) {
                int prev = i == 0 ? labels : seq[i - 1];
                ok = allowed[prev * labels + seq[i]] && (i < first || i > last || seq[i] == 0);
                v += trans[prev * labels + seq[i]] + emission[i * labels + seq[i]];
            }
            if (ok && v > best) {
                best = v;
            }
        }
        return best;
    }

    /** Checks every span's margin in one random sentence; returns how many spans it checked. */
    private static int check(int width, long seed) {
        Random r = new Random(seed);
        int types = 2;
        int labels = Labels.count(types, width);
        int n = 5;
        int[] start = new int[n];
        int[] end = new int[n];
        int[] featStart = new int[n + 1];
        List<Integer> feats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            start[i] = 2 * i;
            end[i] = 2 * i + 1;
            featStart[i] = feats.size();
            for (int k = 0; k < 3; k++) {
                feats.add(r.nextInt(FEATURES));
            }
        }
        featStart[n] = feats.size();
        Encoded s = new Encoded(start, end, featStart, feats.stream().mapToInt(Integer::intValue).toArray(), null, 0);
        float[] w = new float[FEATURES * labels];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian() * 3f;
        }
        // favour entities a little so that most draws have some
        for (int f = 0; f < FEATURES; f++) {
            w[f * labels] -= 1.5f;
        }
        float[] trans = new float[(labels + 1) * labels];
        for (int i = 0; i < trans.length; i++) {
            trans[i] = (float) r.nextGaussian();
        }
        String[] typeNames = {"Chemical", "Disease"};
        List<EntitySpan> spans = new ArrayList<>();
        List<ScoredSpan> scored = new ArrayList<>();
        NerTagger.decodeInto(s, w, trans, typeNames, width, spans, scored, x -> true);
        assertEquals(spans.size(), scored.size());
        // margins only where asked: the others are infinite, the spans the same
        List<ScoredSpan> some = new ArrayList<>();
        NerTagger.decodeInto(s, w, trans, typeNames, width, new ArrayList<>(), some, x -> x.start() == 0);
        assertEquals(scored.size(), some.size());
        for (int i = 0; i < some.size(); i++) {
            assertEquals(scored.get(i).span(), some.get(i).span());
            assertEquals(some.get(i).span().start() == 0 ? scored.get(i).margin() : Double.POSITIVE_INFINITY,
                    some.get(i).margin(), 1e-9);
        }

        float[] emission = new float[n * labels];
        Viterbi.emissions(s, w, labels, emission);
        double top = bruteForce(emission, trans, n, labels, width, -1, -1);
        for (ScoredSpan ss : scored) {
            int first = ss.span().start() / 2;
            int last = (ss.span().end() - 1) / 2;
            double outside = bruteForce(emission, trans, n, labels, width, first, last);
            assertEquals(top - outside, ss.margin(), 1e-3, "margin of " + ss.span() + " (seed " + seed + ")");
            assertTrue(ss.margin() >= 0);
        }
        return scored.size();
    }

    @Test
    void marginIsTheBestScoreMinusTheBestScoreWithTheSpanOutsideInBilouAndBio() {
        for (int width : new int[] {Labels.BILOU, Labels.BIO}) {
            int checked = 0;
            for (long seed = 1; seed <= 40; seed++) {
                checked += check(width, seed);
            }
            assertTrue(checked >= 20, "only " + checked + " spans checked with width " + width);
        }
    }

    @Test
    void taggersWithoutScoresGiveInfiniteMargins() {
        EntityTagger fixed = new EntityTagger() {
            @Override
            public List<EntitySpan> tag(Text text) {
                return List.of(new EntitySpan(0, 3, "Chemical"));
            }

            @Override
            public Set<String> types() {
                return Set.of("Chemical");
            }
        };
        List<ScoredSpan> s = fixed.tagScored(Text.of("t", "abc def"));
        assertEquals(List.of(new ScoredSpan(new EntitySpan(0, 3, "Chemical"), Double.POSITIVE_INFINITY)), s);
    }
}
