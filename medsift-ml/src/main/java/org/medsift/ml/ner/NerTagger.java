package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.medsift.core.text.Text;
import org.medsift.ml.corpus.EntitySpan;

/** Tags texts with a {@link NerModel}. Immutable and thread-safe (scratch arrays are allocated per sentence). */
public final class NerTagger implements EntityTagger {
    private final NerModel model;
    private final Encoder encoder;

    NerTagger(NerModel model, Encoder encoder) {
        this.model = model;
        this.encoder = encoder;
    }

    @Override
    public List<EntitySpan> tag(Text text) {
        List<EntitySpan> out = new ArrayList<>();
        decode(text, out, null, null);
        return out;
    }

    /**
     * {@link #tag} with each span's margin: the Viterbi score of the best labelling minus that of the best labelling
     * in which the span's units are all {@code O} (the other units free), under the pass that produced the span (the
     * second, stacked pass when the model has one). Exact max-marginals from one extra backward pass per sentence
     * that has a span; the model file is not involved.
     */
    @Override
    public List<ScoredSpan> tagScored(Text text) {
        return tagScored(text, s -> true);
    }

    /** {@inheritDoc} The backward pass runs only for sentences with a wanted span. */
    @Override
    public List<ScoredSpan> tagScored(Text text, Predicate<EntitySpan> wanted) {
        List<EntitySpan> spans = new ArrayList<>();
        List<ScoredSpan> out = new ArrayList<>();
        decode(text, spans, out, wanted);
        return out;
    }

    private void decode(Text text, List<EntitySpan> out, List<ScoredSpan> scored, Predicate<EntitySpan> wanted) {
        int width = Labels.width(model.settings());
        if (model.weights2() == null) {
            for (Encoded s : encoder.encode(text, null, model.typeArray(), null)) {
                decodeInto(s, model.weights(), model.transitions(), model.typeArray(), width, out, scored, wanted);
            }
            return;
        }
        EncodedDoc doc = encoder.encodeDoc(text, null, model.typeArray(), null);
        int[] first = NerTrainer.label(doc, model.weights(), model.transitions(),
                Labels.count(model.typeArray().length, width), width);
        for (Encoded s : encoder.stacked(doc, first)) {
            decodeInto(s, model.weights2(), model.transitions2(), model.typeArray(), width, out, scored, wanted);
        }
    }

    @Override
    public Set<String> types() {
        return new LinkedHashSet<>(model.types());
    }

    /** Decodes one encoded sentence and appends its entity spans to {@code out}. */
    static void decodeInto(Encoded s, float[] w, float[] trans, String[] types, int width, List<EntitySpan> out) {
        decodeInto(s, w, trans, types, width, out, null, null);
    }

    /**
     * Decodes one encoded sentence and appends its entity spans to {@code out} and, when {@code scored} is not null,
     * the same spans to {@code scored} with their margins where {@code wanted} accepts them (else an infinite one).
     */
    static void decodeInto(Encoded s, float[] w, float[] trans, String[] types, int width, List<EntitySpan> out,
            List<ScoredSpan> scored, Predicate<EntitySpan> wanted) {
        int labels = Labels.count(types.length, width);
        int n = s.size();
        int[] best = new int[n];
        float[] emission = new float[n * labels];
        float[] score = new float[n * labels];
        Viterbi.decode(s, w, trans, labels, width, emission, score, new int[n * labels], best);
        int before = out.size();
        spans(s, best, types, width, out);
        if (scored == null) {
            return;
        }
        boolean any = false;
        for (int k = before; k < out.size() && !any; k++) {
            any = wanted.test(out.get(k));
        }
        if (!any) {
            for (int k = before; k < out.size(); k++) {
                scored.add(new ScoredSpan(out.get(k), Double.POSITIVE_INFINITY));
            }
            return;
        }
        float top = score[(n - 1) * labels + best[n - 1]];
        float[] after = new float[n * labels];
        boolean[] allowed = Labels.table(labels, width);
        Viterbi.backward(n, trans, labels, width, allowed, emission, after);
        // the spans just added are those of best, in order: walk best again for their units
        int k = before;
        int i = 0;
        while (i < n) {
            if (!Labels.begins(best[i], width)) {
                i++;
                continue;
            }
            int j = Labels.entityEnd(best, i, n, width);
            EntitySpan span = out.get(k++);
            if (wanted.test(span)) {
                float outside = Viterbi.bestOutside(i, j - 1, trans, labels, allowed, emission, score, after);
                scored.add(new ScoredSpan(span, Math.max(0.0, (double) top - outside)));
            } else {
                scored.add(new ScoredSpan(span, Double.POSITIVE_INFINITY));
            }
            i = j;
        }
    }

    static void spans(Encoded s, int[] labels, String[] types, int width, List<EntitySpan> out) {
        int n = s.size();
        int i = 0;
        while (i < n) {
            int l = labels[i];
            if (!Labels.begins(l, width)) {
                i++;
                continue;
            }
            int j = Labels.entityEnd(labels, i, n, width);
            out.add(new EntitySpan(s.start[i], s.end[j - 1], types[Labels.type(l, width)]));
            i = j;
        }
    }
}
