package org.medsift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medsift.app.Extraction;
import org.medsift.ml.ner.NerModel;
import org.medsift.ml.pipeline.DefaultNerModels;
import org.medsift.ml.pipeline.DefaultNerModels.NamedModel;
import org.medsift.ml.pipeline.NerCombination;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options that choose the entity models of the pipeline ({@code extract}, {@code bench}, {@code eval ner
 * --pipeline}). Documented in {@code docs/ml.md}, "In the pipeline".
 */
final class NerOptions {
    @Option(names = "--no-ner-model", description = "Run no entity model: the lexicon alone finds concepts.")
    boolean noModel;

    @Option(names = "--ner-model", paramLabel = "MODEL", description = "An entity model from 'medsift train ner' "
            + "instead of the default ones (repeatable; the first wins where spans overlap).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--ner-models", paramLabel = "DIR", description = "A model set laid out as the shipped one "
            + "(default-models.txt and NAME.msnr files, e.g. from 'medsift-ml/train-default-models.sh eval') "
            + "instead of the default models.")
    Path modelSet;

    @Option(names = "--ner-types", paramLabel = "TYPE[,TYPE...]", description = "Use only these model entity "
            + "types (e.g. Chemical,Disease); a model with none of them is not run. Default: each default "
            + "model's default types (bc5cdr: Chemical,Disease; lct: Procedure,Observation).")
    String types;

    @Option(names = "--ner-policy", paramLabel = "[TYPE=]POLICY[,...]", description = "When a model span and a "
            + "lexicon mention overlap with different spans: lexicon-wins (default), model-wins or union; per type "
            + "(Disease=lexicon-wins) or for all (union).")
    String policy;

    @Option(names = "--ner-min-margin", paramLabel = "SCORE", description = "The smallest model score margin a "
            + "one-word model span the lexicon cannot name needs to be kept (0 keeps all; default 120; docs/ml.md, "
            + "\"Model-only spans\").")
    Double minMargin;

    /** Applies the options to {@code b}. */
    void apply(CommandLine cl, Extraction.Builder b) throws IOException {
        if (noModel && (!models.isEmpty() || modelSet != null || types != null || policy != null
                || minMargin != null)) {
            throw new CommandLine.ParameterException(cl, "--no-ner-model cannot go with --ner-model, --ner-models, "
                    + "--ner-types, --ner-policy or --ner-min-margin");
        }
        if (modelSet != null && !models.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give --ner-model or --ner-models, not both");
        }
        if (noModel) {
            b.withoutNerModels();
            return;
        }
        NerCombination c = NerCombination.defaults();
        try {
            if (policy != null) {
                c = c.withPolicies(policy);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--ner-policy: " + e.getMessage());
        }
        try {
            if (minMargin != null) {
                c = c.withMinMargin(minMargin);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--ner-min-margin: " + e.getMessage());
        }
        if (types != null) {
            if (NerCombination.parseTypes(types).isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--ner-types is empty");
            }
            c = c.withTypes(NerCombination.parseTypes(types));
        }
        b.nerCombination(c);
        if (modelSet != null) {
            if (!Files.isDirectory(modelSet)) {
                throw new CommandLine.ParameterException(cl, "--ner-models folder not found: " + modelSet);
            }
            b.nerModels(DefaultNerModels.load(modelSet));
        }
        if (!models.isEmpty()) {
            List<NamedModel> named = new ArrayList<>();
            for (Path p : models) {
                if (!Files.isRegularFile(p)) {
                    throw new CommandLine.ParameterException(cl, "--ner-model file not found: " + p);
                }
                String f = p.getFileName().toString();
                int dot = f.lastIndexOf('.');
                named.add(new NamedModel(dot > 0 ? f.substring(0, dot) : f, NerModel.read(p)));
            }
            b.nerModels(named);
        }
    }

    /** Builds {@code b}, reporting an entity-model configuration error as a usage error. */
    static Extraction build(CommandLine cl, Extraction.Builder b) {
        try {
            return b.build();
        } catch (org.medsift.core.pipeline.PipelineConfigurationException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
