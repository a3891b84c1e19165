package org.medsift.ml.ner;

/**
 * Best label sequence under a linear-chain score: per-unit emission scores from hashed features plus label
 * transition scores, with the BIO or BILOU constraints ({@link Labels#allowed}) as hard zeros. Transition row
 * {@code L} holds the start scores. Scratch arrays are passed in by the caller.
 */
final class Viterbi {
    private Viterbi() {
    }


    /** Fills {@code emission[i * L + l]} for every unit of {@code s}. */
    static void emissions(Encoded s, float[] w, int labels, float[] emission) {
        int n = s.size();
        int[] f = s.features;
        for (int i = 0; i < n; i++) {
            int base = i * labels;
            for (int l = 0; l < labels; l++) {
                emission[base + l] = 0f;
            }
            for (int p = s.featStart[i]; p < s.featStart[i + 1]; p++) {
                int row = f[p] * labels;
                for (int l = 0; l < labels; l++) {
                    emission[base + l] += w[row + l];
                }
            }
        }
    }

    /**
     * Decodes {@code s} into {@code out} (one label per unit).
     *
     * @param trans {@code (L + 1) * L} transition scores, row {@code L} the start
     */
    static void decode(Encoded s, float[] w, float[] trans, int labels, int width, float[] emission, float[] score,
            int[] back, int[] out) {
        int n = s.size();
        boolean[] allowed = Labels.table(labels, width);
        emissions(s, w, labels, emission);
        for (int l = 0; l < labels; l++) {
            score[l] = allowed[labels * labels + l] ? trans[labels * labels + l] + emission[l]
                    : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int l = 0; l < labels; l++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < labels; p++) {
                    if (!allowed[p * labels + l]) {
                        continue;
                    }
                    float v = score[(i - 1) * labels + p] + trans[p * labels + l];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                score[i * labels + l] = best + emission[i * labels + l];
                back[i * labels + l] = arg;
            }
        }
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int l = 0; l < labels; l++) {
            if (!Labels.open(l, width) && score[(n - 1) * labels + l] > best) {
                best = score[(n - 1) * labels + l];
                arg = l;
            }
        }
        out[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) {
            out[i - 1] = back[i * labels + out[i]];
        }
    }

    /**
     * Fills {@code after[i * L + l]}: the best score of units {@code i+1..n-1} when unit {@code i} has label
     * {@code l} (transitions and emissions after {@code i}; minus infinity where no allowed completion exists).
     * {@code emission} must hold {@link #emissions} of the sentence; {@code allowed} is {@link Labels#table}.
     */
    static void backward(int n, float[] trans, int labels, int width, boolean[] allowed, float[] emission,
            float[] after) {
        for (int l = 0; l < labels; l++) {
            after[(n - 1) * labels + l] = Labels.open(l, width) ? Float.NEGATIVE_INFINITY : 0f;
        }
        for (int i = n - 2; i >= 0; i--) {
            for (int l = 0; l < labels; l++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int q = 0; q < labels; q++) {
                    if (allowed[l * labels + q]) {
                        float v = trans[l * labels + q] + emission[(i + 1) * labels + q] + after[(i + 1) * labels + q];
                        if (v > best) {
                            best = v;
                        }
                    }
                }
                after[i * labels + l] = best;
            }
        }
    }

    /**
     * The best score of a labelling in which units {@code first..last} are all {@code O} (label 0), the other units
     * free: the forward scores {@code score} of {@link #decode} up to {@code first - 1}, {@code O} through
     * {@code last}, then {@code after} ({@link #backward}) from {@code last}.
     */
    static float bestOutside(int first, int last, float[] trans, int labels, boolean[] allowed, float[] emission,
            float[] score, float[] after) {
        float v;
        if (first == 0) {
            v = trans[labels * labels];
        } else {
            v = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < labels; p++) {
                if (allowed[p * labels]) {
                    v = Math.max(v, score[(first - 1) * labels + p] + trans[p * labels]);
                }
            }
        }
        v += emission[first * labels];
        for (int i = first + 1; i <= last; i++) {
            v += trans[0] + emission[i * labels];
        }
        return v + after[last * labels];
    }
}
