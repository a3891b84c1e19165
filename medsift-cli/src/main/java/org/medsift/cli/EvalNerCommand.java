package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medsift.app.Extraction;
import org.medsift.core.model.SemanticGroup;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.CorpusFormat;
import org.medsift.ml.corpus.TypeMapping;
import org.medsift.ml.ner.EntityTagger;
import org.medsift.ml.ner.LexiconTagger;
import org.medsift.ml.ner.ModelProvenance;
import org.medsift.ml.ner.NerModel;
import org.medsift.ml.ner.NerScorer;
import org.medsift.ml.ner.PipelineTagger;
import org.medsift.vocab.Lexicon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift eval ner}: exact and overlap precision / recall / F1 per entity type of a model ({@code --model})
 * or of the lexicon alone ({@code --lexicon-only}, semantic groups mapped to types by {@code --groups}) on gold data.
 * Documented in {@code docs/ml.md} and {@code docs/evaluation.md}.
 */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Scores named entities against gold data: exact (same start, end and type) and overlap "
                + "(shares a char with a gold span of the type) P / R / F1 per type.",
                "Give --model MODEL, --lexicon-only to score the lexicon matcher alone, or --pipeline to score the "
                        + "default pipeline (with its entity models, or without them: --no-ner-model)."})
final class EvalNerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model from 'medsift train ner'.")
    Path model;

    @Option(names = "--lexicon-only", description = "Score the lexicon matcher alone (tokenizer, sentences, "
            + "sections, lexicon) instead of a model.")
    boolean lexiconOnly;

    @Option(names = "--pipeline", description = "Score the default clinical pipeline (extract's), with its entity "
            + "models unless --no-ner-model; its concept mentions become entities by --groups.")
    boolean pipeline;

    @CommandLine.Mixin
    NerOptions ner = new NerOptions();

    @Option(names = "--groups", paramLabel = "GROUP=Type[,...]", defaultValue = "DRUG=Chemical,DISORDER=Disease",
            description = "With --lexicon-only or --pipeline: semantic groups as entity types (default: "
                    + "${DEFAULT-VALUE}).")
    String groups;

    @Option(names = "--gold", paramLabel = "PATH", required = true, arity = "1..*",
            description = "Gold data: files or folders (several are scored together).")
    List<Path> gold = new ArrayList<>();

    @CommandLine.Mixin
    TrainCommand.CorpusOptions corpus = new TrainCommand.CorpusOptions();

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon (.lex) instead of the "
            + "embedded default (it must be the model's training lexicon).")
    Path lexicon;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write every false negative and false "
            + "positive (exact) to this TSV.")
    Path errors;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if ((model != null ? 1 : 0) + (lexiconOnly ? 1 : 0) + (pipeline ? 1 : 0) != 1) {
            throw new CommandLine.ParameterException(cl, "give --model MODEL, --lexicon-only or --pipeline (one of "
                    + "them)");
        }
        if (model != null && !Files.isRegularFile(model)) {
            throw new CommandLine.ParameterException(cl, "--model file not found: " + model);
        }
        CorpusFormat format = corpus.corpusFormat(cl);
        TypeMapping mapping = corpus.mapping(cl);
        List<AnnotatedDocument> docs = new ArrayList<>();
        for (Path g : gold) {
            docs.addAll(TrainCommand.read(cl, format, mapping, g, "--gold"));
        }
        Lexicon lex = lexicon != null ? Lexicon.open(lexicon) : DefaultLexicon.get();
        EntityTagger tagger;
        String what;
        PrintWriter o = cl.getOut();
        if (lexiconOnly || pipeline) {
            Map<SemanticGroup, String> g;
            try {
                g = LexiconTagger.parseGroups(groups);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--groups: " + e.getMessage());
            }
            if (lexiconOnly) {
                tagger = new LexiconTagger(lex, g);
                what = "lexicon only (" + lex.name() + "@" + lex.version() + ", " + groups + ")";
            } else {
                Extraction.Builder eb = Extraction.builder().lexicon(lex);
                ner.apply(cl, eb);
                Extraction x = NerOptions.build(cl, eb);
                tagger = new PipelineTagger(x.pipeline(), g);
                what = "pipeline " + String.join(",", x.pipeline().stageNames()) + " (entity models: "
                        + (x.nerModels().isEmpty() ? "none" : String.join(", ", x.nerModels())) + "; " + groups + ")";
            }
        } else {
            NerModel m = NerModel.read(model);
            ModelProvenance p = m.provenance();
            if (m.settings().lexiconFeatures() && !p.lexicon().equals(lex.name() + "@" + lex.version())) {
                cl.getErr().println("medsift: warning: the model was trained with lexicon " + p.lexicon()
                        + ", scoring with " + lex.name() + "@" + lex.version());
            }
            tagger = m.tagger(m.settings().lexiconFeatures() ? lex : null);
            what = "model " + model.getFileName() + " (trained on " + String.join(" ", p.trainingData())
                    + ", epoch " + p.bestEpoch() + ", Medsift " + p.medsiftVersion() + ")";
        }
        Set<String> types = tagger.types();
        NerScorer scorer = new NerScorer();
        long chars = 0;
        long t0 = System.nanoTime();
        for (AnnotatedDocument d : docs) {
            AnnotatedDocument g = d.keepTypes(types);
            scorer.add(d.text().id(), d.text().content(), g.spans(), tagger.tag(d.text()));
            chars += d.text().length();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.println("named entities: " + docs.size() + " documents from " + goldNames() + "; " + what);
        o.print(scorer.table());
        o.printf(Locale.ROOT, "tagging: %.1f s, %.2f MB/s (one thread, chars as bytes)%n", seconds,
                chars / 1e6 / Math.max(seconds, 1e-9));
        if (errors != null) {
            Files.write(errors, scorer.errors(), StandardCharsets.UTF_8);
            o.println("errors written to " + errors);
        }
        o.flush();
        return ExitCodes.OK;
    }

    private String goldNames() {
        List<String> names = new ArrayList<>();
        for (Path g : gold) {
            names.add(g.toString());
        }
        return String.join(" ", names);
    }
}
