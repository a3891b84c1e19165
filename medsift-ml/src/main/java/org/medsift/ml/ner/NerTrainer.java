package org.medsift.ml.ner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.vocab.Lexicon;

/**
 * Trains a {@link NerModel}: an averaged structured perceptron (Collins 2002) over BILOU (or BIO) labels with
 * Viterbi decoding under the scheme's constraints ({@link Labels}). Each epoch visits the training sentences in a seeded random order; after each
 * epoch the averaged weights are scored on the development data (exact-match micro F1) and the best epoch's weights
 * are kept; training stops after {@code patience} epochs without improvement.
 *
 * <p>With {@link FeatureSettings#secondPass()} a second perceptron is trained on top of the first (stacking): its
 * features add the first pass's labels across the document. So that the second pass learns from first-pass labels
 * as good as those it will see on new text, the training documents' first-pass labels come from
 * {@value #FOLDS} first-pass models, each trained on the other folds for the chosen number of epochs.
 *
 * <p>Without development data and with {@link Settings#holdout()} above 0, a seeded share of the training documents
 * is held out to choose the epochs of each pass; the model is then retrained on all the training documents for
 * those epochs. Not thread-safe; one trainer per run.
 */
public final class NerTrainer {
    /** Folds of the cross-validated first-pass labels that the second pass trains on. */
    static final int FOLDS = 5;

    /**
     * Trainer settings.
     *
     * @param epochs   at most this many epochs per pass
     * @param patience stop after this many epochs without a better development F1 (ignored without development data)
     * @param seed     seed of the sentence order and of the held-out split
     * @param features the feature settings
     * @param holdout  share of the training documents held out to choose the epochs when there is no development
     *                 data (0 to train for {@code epochs} and keep the last); 0 to 0.5
     * @param ensemble perceptrons per pass, on sentence orders of seeds {@code seed, seed + 1, ...}; their averaged
     *                 weights are averaged again (the first one's early stopping sets the others' epochs); 1..16
     */
    public record Settings(int epochs, int patience, long seed, FeatureSettings features, double holdout,
            int ensemble) {
        public static final Settings DEFAULT = new Settings(20, 3, 42L, FeatureSettings.DEFAULT, 0, 3);

        public Settings {
            if (epochs < 1 || patience < 1) {
                throw new IllegalArgumentException("epochs and patience must be at least 1: " + epochs + ", "
                        + patience);
            }
            if (!(holdout >= 0 && holdout <= 0.5)) {
                throw new IllegalArgumentException("holdout " + holdout + " outside 0..0.5");
            }
            if (ensemble < 1 || ensemble > 16) {
                throw new IllegalArgumentException("ensemble " + ensemble + " outside 1..16");
            }
        }

        /** No held-out share, one perceptron per pass. */
        public Settings(int epochs, int patience, long seed, FeatureSettings features) {
            this(epochs, patience, seed, features, 0, 1);
        }

        @Override
        public String toString() {
            return "averaged-perceptron epochs=" + epochs + " patience=" + patience + " seed=" + seed
                    + (holdout > 0 ? String.format(Locale.ROOT, " holdout=%.2f", holdout) : "")
                    + (ensemble > 1 ? " ensemble=" + ensemble : "")
                    + (features.secondPass() ? " second-pass folds=" + FOLDS : "");
        }
    }

    /**
     * What the training data was, for the model's provenance.
     *
     * @param training       training inputs as given (e.g. {@code pubtator:CDR_TrainingSet.PubTator.txt})
     * @param dev            the development input, or empty
     * @param typeMapping    the type mapping applied, as text
     * @param medsiftVersion the running Medsift version
     */
    public record Sources(List<String> training, String dev, String typeMapping, String medsiftVersion) {
    }

    /** Alignment of gold spans with the tagger's units, from the last {@link #train} call. */
    public record AlignmentReport(int spans, int misaligned, int overlapping) {
    }

    private final Settings settings;
    private AlignmentReport alignment = new AlignmentReport(0, 0, 0);

    public NerTrainer(Settings settings) {
        this.settings = settings;
    }

    /** Gold spans of the training data that could not be labelled (edges inside a unit, or overlapping). */
    public AlignmentReport alignment() {
        return alignment;
    }

    /** One pass's result: averaged weights of the kept epoch. */
    private record Fit(float[] w, float[] trans, int epochs, int bestEpoch, double f1) {
    }

    /** Both passes' results (the second null without a second pass). */
    private record Fits(Fit first, Fit second) {
    }

    /**
     * Trains on {@code train}, stopping early on {@code dev} (may be empty).
     *
     * @param types   the entity types to learn; gold spans of other types are ignored
     * @param lexicon the lexicon for the lexicon features (null only when they are off)
     * @param progress called after each epoch
     */
    public NerModel train(List<AnnotatedDocument> train, List<AnnotatedDocument> dev, List<String> types,
            Lexicon lexicon, Sources sources, Consumer<EpochReport> progress) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no entity types to train");
        }
        String[] typeArray = types.toArray(new String[0]);
        Encoder encoder = new Encoder(settings.features(), lexicon);
        Encoder.Alignment al = new Encoder.Alignment();
        List<EncodedDoc> trainDocs = new ArrayList<>(train.size());
        for (AnnotatedDocument d : train) {
            trainDocs.add(encoder.encodeDoc(d.text(), d.spans(), typeArray, al));
        }
        alignment = new AlignmentReport(al.spans, al.misaligned, al.overlapping);
        Set<String> typeSet = Set.copyOf(types);
        Fits fits;
        String devName = sources.dev();
        if (dev.isEmpty() && settings.holdout() > 0 && train.size() >= 2) {
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            shuffle(order, new Random(settings.seed() ^ 0x5DEECE66DL));
            int held = Math.max(1, (int) Math.round(settings.holdout() * train.size()));
            List<EncodedDoc> part = new ArrayList<>();
            List<EncodedDoc> heldDocs = new ArrayList<>();
            List<AnnotatedDocument> heldGold = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                if (i < held) {
                    AnnotatedDocument d = train.get(order[i]).keepTypes(typeSet);
                    heldDocs.add(encoder.encodeDoc(d.text(), null, typeArray, null));
                    heldGold.add(d);
                } else {
                    part.add(trainDocs.get(order[i]));
                }
            }
            Fits chosen = fit(encoder, part, heldDocs, heldGold, typeArray, settings.epochs(), settings.epochs(), "",
                    progress);
            Fits all = fit(encoder, trainDocs, List.of(), List.of(), typeArray, chosen.first.bestEpoch,
                    chosen.second == null ? 0 : chosen.second.bestEpoch, " (final)", progress);
            fits = new Fits(
                    new Fit(all.first.w, all.first.trans, chosen.first.epochs, chosen.first.bestEpoch,
                            chosen.first.f1),
                    all.second == null ? null : new Fit(all.second.w, all.second.trans, chosen.second.epochs,
                            chosen.second.bestEpoch, chosen.second.f1));
            devName = String.format(Locale.ROOT, "held out: %d of %d training documents (seed %d)", held,
                    train.size(), settings.seed());
        } else {
            List<EncodedDoc> devDocs = new ArrayList<>(dev.size());
            List<AnnotatedDocument> devGold = new ArrayList<>(dev.size());
            for (AnnotatedDocument d : dev) {
                devDocs.add(encoder.encodeDoc(d.text(), null, typeArray, null));
                devGold.add(d.keepTypes(typeSet));
            }
            fits = fit(encoder, trainDocs, devDocs, devGold, typeArray, settings.epochs(), settings.epochs(), "",
                    progress);
        }
        Fit last = fits.second != null ? fits.second : fits.first;
        String lex = lexicon == null || !settings.features().lexiconFeatures() ? ""
                : lexicon.name() + "@" + lexicon.version();
        ModelProvenance p = new ModelProvenance(sources.medsiftVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), sources.training(), devName,
                sources.typeMapping(), lex, last.epochs, last.bestEpoch, last.f1, settings.toString()
                        + (fits.second != null ? " first-pass-epoch=" + fits.first.bestEpoch : ""));
        return new NerModel(typeArray, settings.features(), fits.first.w, fits.first.trans,
                fits.second == null ? null : fits.second.w, fits.second == null ? null : fits.second.trans, p);
    }

    /**
     * Both passes on {@code docs}; with {@code dev} empty each pass runs exactly its given epochs (a second pass of 0
     * epochs is left out).
     */
    private Fits fit(Encoder encoder, List<EncodedDoc> docs, List<EncodedDoc> dev, List<AnnotatedDocument> devGold,
            String[] types, int epochs1, int epochs2, String suffix, Consumer<EpochReport> progress) {
        int width = Labels.width(settings.features());
        int labels = Labels.count(types.length, width);
        List<List<Encoded>> devSentences = new ArrayList<>(dev.size());
        for (EncodedDoc d : dev) {
            devSentences.add(d.sentences);
        }
        Fit first = perceptron(sentences(docs), labels, epochs1, devSentences, devGold, types, "pass 1" + suffix,
                progress);
        if (!settings.features().secondPass() || (dev.isEmpty() && epochs2 == 0)) {
            return new Fits(first, null);
        }
        // cross-validated first-pass labels of the training documents
        List<List<Encoded>> stackedTrain = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            stackedTrain.add(null);
        }
        int folds = Math.min(FOLDS, docs.size());
        for (int k = 0; k < folds; k++) {
            List<EncodedDoc> rest = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i % folds != k) {
                    rest.add(docs.get(i));
                }
            }
            Fit f = rest.isEmpty() ? first : perceptron(sentences(rest), labels, first.bestEpoch, List.of(), List.of(),
                    types, "fold " + (k + 1) + "/" + folds + suffix, progress);
            for (int i = k; i < docs.size(); i += folds) {
                EncodedDoc d = docs.get(i);
                stackedTrain.set(i, encoder.stacked(d, label(d, f.w, f.trans, labels, width)));
            }
        }
        List<List<Encoded>> stackedDev = new ArrayList<>(dev.size());
        for (EncodedDoc d : dev) {
            stackedDev.add(encoder.stacked(d, label(d, first.w, first.trans, labels, width)));
        }
        List<Encoded> all = new ArrayList<>();
        for (List<Encoded> s : stackedTrain) {
            all.addAll(s);
        }
        Fit second = perceptron(all, labels, dev.isEmpty() ? epochs2 : settings.epochs(), stackedDev, devGold, types,
                "pass 2" + suffix, progress);
        return new Fits(first, second);
    }

    private static List<Encoded> sentences(List<EncodedDoc> docs) {
        List<Encoded> out = new ArrayList<>();
        for (EncodedDoc d : docs) {
            out.addAll(d.sentences);
        }
        return out;
    }

    /** The labels of every unit of {@code d} under the given weights. */
    static int[] label(EncodedDoc d, float[] w, float[] trans, int labels, int width) {
        int[] out = new int[d.units()];
        for (Encoded s : d.sentences) {
            int n = s.size();
            int[] best = new int[n];
            Viterbi.decode(s, w, trans, labels, width, new float[n * labels], new float[n * labels],
                    new int[n * labels], best);
            System.arraycopy(best, 0, out, s.offset, n);
        }
        return out;
    }

    /**
     * {@link Settings#ensemble()} averaged perceptrons over {@code sentences} with their weights averaged; the first
     * is early-stopped on {@code dev} when it is not empty, and the others run its kept epochs.
     */
    private Fit perceptron(List<Encoded> sentences, int labels, int epochs, List<List<Encoded>> dev,
            List<AnnotatedDocument> devGold, String[] types, String stage, Consumer<EpochReport> progress) {
        Fit f = single(sentences, labels, epochs, dev, devGold, types, stage, progress, settings.seed());
        int k = settings.ensemble();
        if (k == 1) {
            return f;
        }
        float[] w = f.w.clone();
        float[] trans = f.trans.clone();
        for (int i = 1; i < k; i++) {
            Fit g = single(sentences, labels, f.bestEpoch, List.of(), List.of(), types, stage + " seed+" + i,
                    progress, settings.seed() + i);
            for (int j = 0; j < w.length; j++) {
                w[j] += g.w[j];
            }
            for (int j = 0; j < trans.length; j++) {
                trans[j] += g.trans[j];
            }
        }
        for (int j = 0; j < w.length; j++) {
            w[j] /= k;
        }
        for (int j = 0; j < trans.length; j++) {
            trans[j] /= k;
        }
        double f1 = dev.isEmpty() ? Double.NaN
                : score(dev, devGold, w, trans, types, Labels.width(settings.features()));
        if (!dev.isEmpty()) {
            progress.accept(new EpochReport(f.bestEpoch, 0, 0, f1, true, 0, stage + " ensemble of " + k));
        }
        return new Fit(w, trans, f.epochs, f.bestEpoch, f1);
    }

    /** One averaged perceptron over {@code sentences}, early-stopped on {@code dev} when it is not empty. */
    private Fit single(List<Encoded> sentences, int labels, int epochs, List<List<Encoded>> dev,
            List<AnnotatedDocument> devGold, String[] types, String stage, Consumer<EpochReport> progress,
            long seed) {
        int width = Labels.width(settings.features());
        int size = (1 << settings.features().hashBits()) * labels;
        float[] w = new float[size];
        double[] u = new double[size];
        float[] trans = new float[(labels + 1) * labels];
        double[] ut = new double[trans.length];
        int maxLen = 1;
        for (Encoded s : sentences) {
            maxLen = Math.max(maxLen, s.size());
        }
        float[] emission = new float[maxLen * labels];
        float[] score = new float[maxLen * labels];
        int[] back = new int[maxLen * labels];
        int[] pred = new int[maxLen];
        int[] order = new int[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        long c = 1;
        float[] best = null;
        float[] bestTrans = null;
        double bestF1 = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        int sinceBest = 0;
        while (epoch < epochs) {
            epoch++;
            long t0 = System.nanoTime();
            shuffle(order, random);
            long units = 0;
            long errors = 0;
            for (int idx : order) {
                Encoded s = sentences.get(idx);
                int n = s.size();
                Viterbi.decode(s, w, trans, labels, width, emission, score, back, pred);
                units += n;
                for (int i = 0; i < n; i++) {
                    int g = s.gold[i];
                    int p = pred[i];
                    if (g != p) {
                        errors++;
                        for (int k = s.featStart[i]; k < s.featStart[i + 1]; k++) {
                            int row = s.features[k] * labels;
                            w[row + g] += 1f;
                            u[row + g] += c;
                            w[row + p] -= 1f;
                            u[row + p] -= c;
                        }
                    }
                    int gp = i == 0 ? labels : s.gold[i - 1];
                    int pp = i == 0 ? labels : pred[i - 1];
                    if (gp != pp || g != p) {
                        trans[gp * labels + g] += 1f;
                        ut[gp * labels + g] += c;
                        trans[pp * labels + p] -= 1f;
                        ut[pp * labels + p] -= c;
                    }
                }
                c++;
            }
            boolean isBest;
            double f1 = Double.NaN;
            float[] avg = null;
            float[] avgTrans = null;
            if (dev.isEmpty()) {
                isBest = epoch == epochs;
            } else {
                avg = average(w, u, c);
                avgTrans = average(trans, ut, c);
                f1 = score(dev, devGold, avg, avgTrans, types, width);
                isBest = f1 > bestF1;
            }
            if (isBest) {
                best = avg != null ? avg : average(w, u, c);
                bestTrans = avgTrans != null ? avgTrans : average(trans, ut, c);
                bestF1 = f1;
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            progress.accept(new EpochReport(epoch, units, errors, f1, isBest, (System.nanoTime() - t0) / 1e9,
                    stage));
            if (!dev.isEmpty() && sinceBest >= settings.patience()) {
                break;
            }
        }
        return new Fit(best, bestTrans, epoch, bestEpoch, bestF1);
    }

    private static double score(List<List<Encoded>> dev, List<AnnotatedDocument> gold, float[] w, float[] trans,
            String[] types, int width) {
        NerScorer scorer = new NerScorer();
        for (int d = 0; d < dev.size(); d++) {
            List<EntitySpan> found = new ArrayList<>();
            for (Encoded s : dev.get(d)) {
                NerTagger.decodeInto(s, w, trans, types, width, found);
            }
            AnnotatedDocument doc = gold.get(d);
            scorer.add(doc.text().id(), doc.text().content(), doc.spans(), found);
        }
        return scorer.total().exactF1();
    }

    /** The averaged weights {@code w - u / c} (the lazy form of averaging over all updates). */
    private static float[] average(float[] w, double[] u, long c) {
        float[] a = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            a[i] = (float) (w[i] - u[i] / c);
        }
        return a;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
