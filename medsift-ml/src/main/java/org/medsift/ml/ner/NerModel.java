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
 * and label) and label transitions, and the {@link ModelProvenance}. Immutable and thread-safe.
 *
 * <p>File format: the magic {@code MSNR}, a big-endian {@code int} format version, then a gzip stream holding the
 * provenance, the settings, the types, the transitions and the non-zero weights as (index, value) pairs. A reader
 * checks the magic and the version first and refuses any version it does not know.
 */
public final class NerModel {
    /** The format version this build writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'M', 'S', 'N', 'R'};

    private final String[] types;
    private final FeatureSettings settings;
    private final float[] weights;
    private final float[] transitions;
    private final ModelProvenance provenance;

    NerModel(String[] types, FeatureSettings settings, float[] weights, float[] transitions,
            ModelProvenance provenance) {
        int labels = 1 + 2 * types.length;
        if (weights.length != (1 << settings.hashBits()) * labels || transitions.length != (labels + 1) * labels) {
            throw new IllegalArgumentException("weight arrays do not match " + labels + " labels and "
                    + settings.hashBits() + " hash bits");
        }
        this.types = types.clone();
        this.settings = settings;
        this.weights = weights;
        this.transitions = transitions;
        this.provenance = provenance;
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
        d.writeInt(types.length);
        for (String t : types) {
            d.writeUTF(t);
        }
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
        d.flush();
        gz.finish();
        out.flush();
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
            FeatureSettings settings = new FeatureSettings(d.readInt(), d.readBoolean(), d.readBoolean());
            int nTypes = d.readInt();
            if (nTypes < 1 || nTypes > 64) {
                throw new ModelFormatException(name + ": " + nTypes + " entity types; expected 1..64");
            }
            String[] types = new String[nTypes];
            for (int i = 0; i < nTypes; i++) {
                types[i] = d.readUTF();
            }
            int labels = 1 + 2 * nTypes;
            float[] trans = new float[(labels + 1) * labels];
            for (int i = 0; i < trans.length; i++) {
                trans[i] = d.readFloat();
            }
            float[] w = new float[(1 << settings.hashBits()) * labels];
            int nonZero = d.readInt();
            int idx = 0;
            for (int k = 0; k < nonZero; k++) {
                idx += d.readInt();
                if (idx < 0 || idx >= w.length) {
                    throw new ModelFormatException(name + ": weight index " + idx + " outside 0.." + (w.length - 1));
                }
                w[idx] = d.readFloat();
            }
            return new NerModel(types, settings, w, trans, p);
        } catch (EOFException e) {
            throw new ModelFormatException(name + ": model file is truncated");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(name + ": " + e.getMessage());
        }
    }
}
