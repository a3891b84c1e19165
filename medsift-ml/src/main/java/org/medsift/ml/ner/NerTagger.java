package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        if (model.weights2() == null) {
            for (Encoded s : encoder.encode(text, null, model.typeArray(), null)) {
                decodeInto(s, model.weights(), model.transitions(), model.typeArray(), Labels.width(model.settings()),
                        out);
            }
            return out;
        }
        EncodedDoc doc = encoder.encodeDoc(text, null, model.typeArray(), null);
        int width = Labels.width(model.settings());
        int[] first = NerTrainer.label(doc, model.weights(), model.transitions(),
                Labels.count(model.typeArray().length, width), width);
        for (Encoded s : encoder.stacked(doc, first)) {
            decodeInto(s, model.weights2(), model.transitions2(), model.typeArray(), width, out);
        }
        return out;
    }

    @Override
    public Set<String> types() {
        return new LinkedHashSet<>(model.types());
    }

    /** Decodes one encoded sentence and appends its entity spans to {@code out}. */
    static void decodeInto(Encoded s, float[] w, float[] trans, String[] types, int width, List<EntitySpan> out) {
        int labels = Labels.count(types.length, width);
        int n = s.size();
        int[] best = new int[n];
        Viterbi.decode(s, w, trans, labels, width, new float[n * labels], new float[n * labels], new int[n * labels],
                best);
        spans(s, best, types, width, out);
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
