package org.medsift.ml.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.medsift.ml.ner.NerModel;

/**
 * The default entity models shipped in this jar: {@value #INDEX} lists their names in precedence order, one a
 * line, and each is the resource {@code /org/medsift/ml/models/<name>.msnr}. They are trained by
 * {@code medsift-ml/train-default-models.sh} (see docs/ml.md, "Default model") and loaded once, on first use.
 * Thread-safe.
 */
public final class DefaultNerModels {
    /** The resource that lists the default models. */
    public static final String INDEX = "/org/medsift/ml/models/default-models.txt";

    /**
     * A model and its short name.
     *
     * @param name  the name used in mention sources ({@code ner:<name>}), e.g. {@code bc5cdr}
     * @param model the model
     */
    public record NamedModel(String name, NerModel model) {
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

    private static List<NamedModel> load() {
        List<NamedModel> out = new ArrayList<>();
        try (InputStream index = DefaultNerModels.class.getResourceAsStream(INDEX)) {
            if (index == null) {
                return List.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String name = line.trim();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                String resource = "/org/medsift/ml/models/" + name + ".msnr";
                try (InputStream in = DefaultNerModels.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(INDEX + " lists '" + name + "' but " + resource
                                + " is not in the jar");
                    }
                    out.add(new NamedModel(name, NerModel.read(in, resource)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default entity models: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }
}
