package org.medsift.ml.ner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.vocab.Lexicon;

/**
 * Trains a {@link NerModel}: an averaged structured perceptron (Collins 2002) over BIO labels with Viterbi
 * decoding under the BIO constraint. Each epoch visits the training sentences in a seeded random order; after each
 * epoch the averaged weights are scored on the development data (exact-match micro F1) and the best epoch's weights
 * are kept; training stops after {@code patience} epochs without improvement. Not thread-safe; one trainer per run.
 */
public final class NerTrainer {
    /**
     * Trainer settings.
     *
     * @param epochs   at most this many epochs
     * @param patience stop after this many epochs without a better development F1 (ignored without development data)
     * @param seed     seed of the sentence order
     * @param features the feature settings
     */
    public record Settings(int epochs, int patience, long seed, FeatureSettings features) {
        public static final Settings DEFAULT = new Settings(20, 3, 42L, FeatureSettings.DEFAULT);

        public Settings {
            if (epochs < 1 || patience < 1) {
                throw new IllegalArgumentException("epochs and patience must be at least 1: " + epochs + ", "
                        + patience);
            }
        }

        @Override
        public String toString() {
            return "averaged-perceptron epochs=" + epochs + " patience=" + patience + " seed=" + seed;
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
        List<Encoded> sentences = new ArrayList<>();
        for (AnnotatedDocument d : train) {
            sentences.addAll(encoder.encode(d.text(), d.spans(), typeArray, al));
        }
        alignment = new AlignmentReport(al.spans, al.misaligned, al.overlapping);
        List<List<Encoded>> devSentences = new ArrayList<>();
        for (AnnotatedDocument d : dev) {
            devSentences.add(encoder.encode(d.text(), null, typeArray, null));
        }
        int labels = 1 + 2 * typeArray.length;
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
        Random random = new Random(settings.seed());
        long c = 1;
        float[] best = null;
        float[] bestTrans = null;
        double bestF1 = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        int sinceBest = 0;
        while (epoch < settings.epochs()) {
            epoch++;
            long t0 = System.nanoTime();
            shuffle(order, random);
            long units = 0;
            long errors = 0;
            for (int idx : order) {
                Encoded s = sentences.get(idx);
                int n = s.size();
                Viterbi.decode(s, w, trans, labels, emission, score, back, pred);
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
            float[] avg = average(w, u, c);
            float[] avgTrans = average(trans, ut, c);
            double f1 = Double.NaN;
            boolean isBest;
            if (dev.isEmpty()) {
                isBest = true;
            } else {
                NerScorer scorer = new NerScorer();
                for (int d = 0; d < dev.size(); d++) {
                    List<EntitySpan> found = new ArrayList<>();
                    for (Encoded s : devSentences.get(d)) {
                        NerTagger.decodeInto(s, avg, avgTrans, typeArray, found);
                    }
                    AnnotatedDocument doc = dev.get(d).keepTypes(java.util.Set.copyOf(types));
                    scorer.add(doc.text().id(), doc.text().content(), doc.spans(), found);
                }
                f1 = scorer.total().exactF1();
                isBest = f1 > bestF1;
            }
            if (isBest) {
                best = avg;
                bestTrans = avgTrans;
                bestF1 = dev.isEmpty() ? Double.NaN : f1;
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            progress.accept(new EpochReport(epoch, units, errors, f1, isBest, (System.nanoTime() - t0) / 1e9));
            if (!dev.isEmpty() && sinceBest >= settings.patience()) {
                break;
            }
        }
        String lex = lexicon == null || !settings.features().lexiconFeatures() ? ""
                : lexicon.name() + "@" + lexicon.version();
        ModelProvenance p = new ModelProvenance(sources.medsiftVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), sources.training(), sources.dev(),
                sources.typeMapping(), lex, epoch, bestEpoch, bestF1, settings.toString());
        return new NerModel(typeArray, settings.features(), best, bestTrans, p);
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
