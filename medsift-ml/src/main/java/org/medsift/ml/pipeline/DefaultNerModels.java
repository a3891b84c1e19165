package org.medsift.ml.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medsift.ml.ner.ModelFormatException;
import org.medsift.ml.ner.NerModel;

/**
 * The default entity models shipped in this jar: {@value #INDEX} lists them in precedence order, one a line as
 * {@code name[<TAB>Type,Type...]} (the types of that model the pipeline uses by default; all when absent; {@code -}
 * for none: the model is shipped but runs only when {@code --ner-types} names one of its types), and each
 * is the resource {@code /org/medsift/ml/models/<name>.msnr}. They are trained by
 * {@code medsift-ml/train-default-models.sh} (see docs/ml.md, "Default model") and loaded once, on first use.
 * Thread-safe.
 */
public final class DefaultNerModels {
    /** The resource that lists the default models. */
    public static final String INDEX = "/org/medsift/ml/models/default-models.txt";

    /**
     * A model, its short name and the types of it used by default.
     *
     * @param name         the name used in mention sources ({@code ner:<name>}), e.g. {@code bc5cdr}
     * @param model        the model
     * @param defaultTypes the model's types the pipeline uses unless told otherwise; empty for all
     * @param onByDefault  false for a shipped model that runs only when its types are asked for
     */
    public record NamedModel(String name, NerModel model, Set<String> defaultTypes, boolean onByDefault) {
        public NamedModel {
            defaultTypes = Set.copyOf(defaultTypes);
            if (!model.types().containsAll(defaultTypes)) {
                throw new IllegalArgumentException("model " + name + " has types " + model.types() + ", not all of "
                        + defaultTypes);
            }
        }

        /** A model whose every type is used. */
        public NamedModel(String name, NerModel model) {
            this(name, model, Set.of(), true);
        }

        /** Whether the pipeline uses type {@code t} of this model when no types are asked for. */
        public boolean usedByDefault(String t) {
            return onByDefault && (defaultTypes.isEmpty() || defaultTypes.contains(t));
        }
    }

    private DefaultNerModels() {
    }

    private static final class Holder {
        static final List<NamedModel> MODELS = load();
    }

    /**
     * The default models, in precedence order; empty when this build ships none (no index resource).
     *
     * @throws UncheckedIOException when a listed model is missing or unreadable (a broken build, not bad input)
     */
    public static List<NamedModel> get() {
        return Holder.MODELS;
    }

    /** Opens one file of a model set by name, or returns null when it is absent. */
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static List<NamedModel> load() {
        try {
            return load(name -> DefaultNerModels.class.getResourceAsStream("/org/medsift/ml/models/" + name),
                    "/org/medsift/ml/models/", true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default entity models: " + e.getMessage()
                    + " (after a change of features or model format, retrain them with "
                    + "medsift-ml/train-default-models.sh)", e);
        }
    }

    /**
     * Reads a model set from a folder laid out as the shipped one ({@code default-models.txt} and
     * {@code <name>.msnr} files), e.g. the output of {@code medsift-ml/train-default-models.sh eval}.
     *
     * @throws IOException when the index or a listed model is missing or unreadable
     */
    public static List<NamedModel> load(Path folder) throws IOException {
        return load(name -> {
            Path p = folder.resolve(name);
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        }, folder + "/", false);
    }

    private static List<NamedModel> load(Opener opener, String where, boolean optional) throws IOException {
        List<NamedModel> out = new ArrayList<>();
        try (InputStream index = opener.open("default-models.txt")) {
            if (index == null) {
                if (optional) {
                    return List.of();
                }
                throw new ModelFormatException(where + "default-models.txt not found");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.trim().split("\t");
                String name = cols[0].trim();
                boolean off = cols.length > 1 && cols[1].trim().equals("-");
                Set<String> types = cols.length > 1 && !off ? NerCombination.parseTypes(cols[1]) : Set.of();
                String file = name + ".msnr";
                try (InputStream in = opener.open(file)) {
                    if (in == null) {
                        throw new ModelFormatException(where + "default-models.txt:" + lineNo + " lists '" + name
                                + "' but " + where + file + " is not there");
                    }
                    NerModel model = NerModel.read(new java.io.BufferedInputStream(in), where + file);
                    try {
                        out.add(new NamedModel(name, model, types, !off));
                    } catch (IllegalArgumentException e) {
                        throw new ModelFormatException(where + "default-models.txt:" + lineNo + ": " + e.getMessage());
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
