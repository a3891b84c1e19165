package org.medsift.ml.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.medsift.vocab.Lexicon;

/**
 * A trained entity tagger: the entity types, the feature settings, averaged perceptron weights (per hashed feature
 * and label) and label transitions, those of the second pass when {@link FeatureSettings#secondPass()} is on, and
 * the {@link ModelProvenance}. Immutable and thread-safe.
 *
 * <p>File format (version 2): the magic {@code MSNR}, a big-endian {@code int} format version, then a gzip stream
 * holding the provenance, the settings, the types, and per pass the transitions and the non-zero weights as
 * (index delta, value) pairs. A reader checks the magic and the version first and refuses any version it does not
 * know (version 1, before the wide-context, abbreviation and second-pass features, included).
 */
public final class NerModel {
    /** The format version this build writes and the only one it reads. */
    public static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = {'M', 'S', 'N', 'R'};

    private final String[] types;
    private final FeatureSettings settings;
    private final float[] weights;
    private final float[] transitions;
    private final float[] weights2;
    private final float[] transitions2;
    private final ModelProvenance provenance;

    NerModel(String[] types, FeatureSettings settings, float[] weights, float[] transitions, float[] weights2,
            float[] transitions2, ModelProvenance provenance) {
        int labels = Labels.count(types.length, Labels.width(settings));
        if (!fits(weights, transitions, labels, settings)
                || (settings.secondPass() && !fits(weights2, transitions2, labels, settings))) {
            throw new IllegalArgumentException("weight arrays do not match " + labels + " labels and "
                    + settings.hashBits() + " hash bits" + (settings.secondPass() ? " (two passes)" : ""));
        }
        this.types = types.clone();
        this.settings = settings;
        this.weights = weights;
        this.transitions = transitions;
        this.weights2 = settings.secondPass() ? weights2 : null;
        this.transitions2 = settings.secondPass() ? transitions2 : null;
        this.provenance = provenance;
    }

    private static boolean fits(float[] w, float[] trans, int labels, FeatureSettings settings) {
        return w != null && trans != null && w.length == (1 << settings.hashBits()) * labels
                && trans.length == (labels + 1) * labels;
    }

    /** The entity types, in label order. */
    public List<String> types() {
        return List.of(types);
    }

    public FeatureSettings settings() {
        return settings;
    }

    public ModelProvenance provenance() {
        return provenance;
    }

    String[] typeArray() {
        return types;
    }

    float[] weights() {
        return weights;
    }

    float[] transitions() {
        return transitions;
    }

    /** The second pass's weights, or null without one. */
    float[] weights2() {
        return weights2;
    }

    float[] transitions2() {
        return transitions2;
    }

    /**
     * A tagger over this model. {@code lexicon} must be the lexicon the model was trained with (its name and version
     * are in {@link ModelProvenance#lexicon()}); it may be null only when lexicon features are off.
     */
    public NerTagger tagger(Lexicon lexicon) {
        return new NerTagger(this, new Encoder(settings, lexicon));
    }

    /** Writes the model to {@code file} (replacing it). */
    public void write(Path file) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(raw);
        }
    }

    /** Writes the model to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        DataOutputStream head = new DataOutputStream(out);
        head.write(MAGIC);
        head.writeInt(FORMAT_VERSION);
        head.flush();
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        ModelProvenance p = provenance;
        d.writeUTF(p.medsiftVersion());
        d.writeUTF(p.created());
        d.writeInt(p.trainingData().size());
        for (String s : p.trainingData()) {
            d.writeUTF(s);
        }
        d.writeUTF(p.devData());
        d.writeUTF(p.typeMapping());
        d.writeUTF(p.lexicon());
        d.writeInt(p.epochs());
        d.writeInt(p.bestEpoch());
        d.writeDouble(p.devF1());
        d.writeUTF(p.trainerSettings());
        d.writeInt(settings.hashBits());
        d.writeBoolean(settings.charNgrams());
        d.writeBoolean(settings.lexiconFeatures());
        d.writeBoolean(settings.wideContext());
        d.writeBoolean(settings.abbreviations());
        d.writeBoolean(settings.secondPass());
        d.writeBoolean(settings.bilou());
        d.writeInt(types.length);
        for (String t : types) {
            d.writeUTF(t);
        }
        writePass(d, weights, transitions);
        if (settings.secondPass()) {
            writePass(d, weights2, transitions2);
        }
        d.flush();
        gz.finish();
        out.flush();
    }

    private static void writePass(DataOutputStream d, float[] weights, float[] transitions) throws IOException {
        for (float v : transitions) {
            d.writeFloat(v);
        }
        int nonZero = 0;
        for (float v : weights) {
            if (v != 0f) {
                nonZero++;
            }
        }
        d.writeInt(nonZero);
        int prev = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0f) {
                d.writeInt(i - prev); // deltas compress better than absolute indices
                d.writeFloat(weights[i]);
                prev = i;
            }
        }
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException when the file is not a Medsift NER model, is of another format version, or is
     *                              truncated
     */
    public static NerModel read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Reads a model from {@code in}; {@code name} is used in messages. */
    public static NerModel read(InputStream in, String name) throws IOException {
        DataInputStream head = new DataInputStream(in);
        byte[] magic = new byte[4];
        int version;
        try {
            head.readFully(magic);
            version = head.readInt();
        } catch (EOFException e) {
            throw new ModelFormatException(name + ": not a Medsift NER model (file shorter than its header)");
        }
        for (int i = 0; i < 4; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new ModelFormatException(name + ": not a Medsift NER model (no 'MSNR' magic at the start)");
            }
        }
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(name + ": NER model format version " + version + "; this Medsift reads "
                    + "version " + FORMAT_VERSION + " only. Retrain the model with this version's 'medsift train "
                    + "ner' (the training command is in the model's provenance).");
        }
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
            String medsiftVersion = d.readUTF();
            String created = d.readUTF();
            int nTrain = d.readInt();
            List<String> train = new ArrayList<>();
            for (int i = 0; i < nTrain; i++) {
                train.add(d.readUTF());
            }
            ModelProvenance p = new ModelProvenance(medsiftVersion, created, train, d.readUTF(), d.readUTF(),
                    d.readUTF(), d.readInt(), d.readInt(), d.readDouble(), d.readUTF());
            FeatureSettings settings = new FeatureSettings(d.readInt(), d.readBoolean(), d.readBoolean(),
                    d.readBoolean(), d.readBoolean(), d.readBoolean(), d.readBoolean());
            int nTypes = d.readInt();
            if (nTypes < 1 || nTypes > 64) {
                throw new ModelFormatException(name + ": " + nTypes + " entity types; expected 1..64");
            }
            String[] types = new String[nTypes];
            for (int i = 0; i < nTypes; i++) {
                types[i] = d.readUTF();
            }
            int labels = Labels.count(nTypes, Labels.width(settings));
            float[] trans = new float[(labels + 1) * labels];
            float[] w = new float[(1 << settings.hashBits()) * labels];
            readPass(d, w, trans, name);
            float[] trans2 = null;
            float[] w2 = null;
            if (settings.secondPass()) {
                trans2 = new float[trans.length];
                w2 = new float[w.length];
                readPass(d, w2, trans2, name);
            }
            return new NerModel(types, settings, w, trans, w2, trans2, p);
        } catch (EOFException e) {
            throw new ModelFormatException(name + ": model file is truncated");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(name + ": " + e.getMessage());
        }
    }

    private static void readPass(DataInputStream d, float[] w, float[] trans, String name) throws IOException {
        for (int i = 0; i < trans.length; i++) {
            trans[i] = d.readFloat();
        }
        int nonZero = d.readInt();
        int idx = 0;
        for (int k = 0; k < nonZero; k++) {
            idx += d.readInt();
            if (idx < 0 || idx >= w.length) {
                throw new ModelFormatException(name + ": weight index " + idx + " outside 0.." + (w.length - 1));
            }
            w[idx] = d.readFloat();
        }
    }
}
