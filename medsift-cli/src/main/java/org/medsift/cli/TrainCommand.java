package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medsift.app.Version;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.ml.corpus.AnnotatedDocument;
import org.medsift.ml.corpus.CorpusFormat;
import org.medsift.ml.corpus.EntitySpan;
import org.medsift.ml.corpus.TypeMapping;
import org.medsift.ml.ner.FeatureSettings;
import org.medsift.ml.ner.NerModel;
import org.medsift.ml.ner.NerTrainer;
import org.medsift.vocab.Lexicon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medsift train}: trains models on annotated data. Documented in {@code docs/ml.md}. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Trains models on annotated data.",
        subcommands = {TrainCommand.Ner.class})
public final class TrainCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by {@code train ner} and {@code eval ner}: reading a corpus. */
    static final class CorpusOptions {
        @Option(names = "--format", paramLabel = "FORMAT", required = true,
                description = "pubtator, brat, conll or bioc.")
        String format;

        @Option(names = "--map", paramLabel = "FROM=TO[,...]", description = "Rename corpus types when reading "
                + "(e.g. SpecificDisease=Disease,Modifier=Disease).")
        String map;

        @Option(names = "--map-file", paramLabel = "FILE", description = "Type mapping file: FROM=TO or "
                + "FROM<TAB>TO per line.")
        Path mapFile;

        TypeMapping mapping(CommandLine cl) throws IOException {
            if (map != null && mapFile != null) {
                throw new CommandLine.ParameterException(cl, "give --map or --map-file, not both");
            }
            try {
                return mapFile != null ? TypeMapping.read(mapFile) : TypeMapping.parse(map);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--map: " + e.getMessage());
            }
        }

        CorpusFormat corpusFormat(CommandLine cl) {
            try {
                return CorpusFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--format: " + e.getMessage());
            }
        }

        String describe() {
            return map != null ? map : mapFile != null ? "file:" + mapFile.getFileName() : "";
        }
    }

    static List<AnnotatedDocument> read(CommandLine cl, CorpusFormat format, TypeMapping mapping, Path path,
            String option) throws IOException {
        if (!Files.exists(path)) {
            throw new CommandLine.ParameterException(cl, option + " not found: " + path);
        }
        return format.read(path, mapping);
    }

    static int count(List<AnnotatedDocument> docs, Set<String> types) {
        int n = 0;
        for (AnnotatedDocument d : docs) {
            for (EntitySpan s : d.spans()) {
                if (types.contains(s.type())) {
                    n++;
                }
            }
        }
        return n;
    }

    /** {@code medsift train ner}. */
    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = {"Trains a named-entity model (averaged structured perceptrons over BILOU tags, a second "
                    + "pass over the first one's labels across the document) and writes it to --out.",
                    "Prints, per epoch and stage, the loss (token errors per token), the training token accuracy "
                    + "and the development (or --holdout) exact-match F1; stops when the F1 has not improved for "
                    + "--patience epochs and keeps the best epoch."})
    static final class Ner implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--train", paramLabel = "PATH", required = true, arity = "1..*",
                description = "Training data: files or folders.")
        List<Path> train = new ArrayList<>();

        @Option(names = "--dev", paramLabel = "PATH", description = "Development data for early stopping.")
        Path dev;

        @Option(names = "--types", paramLabel = "TYPE[,TYPE...]", required = true, split = ",",
                description = "Entity types to learn (after --map), e.g. Chemical,Disease.")
        List<String> types = new ArrayList<>();

        @CommandLine.Mixin
        CorpusOptions corpus = new CorpusOptions();

        @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Model file to write.")
        Path out;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "At most N epochs "
                + "(default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--patience", paramLabel = "N", defaultValue = "3", description = "Stop after N epochs "
                + "without a better dev F1 (default: ${DEFAULT-VALUE}).")
        int patience;

        @Option(names = "--hash-bits", paramLabel = "B", defaultValue = "20", description = "2^B feature buckets "
                + "per label, 16..24 (default: ${DEFAULT-VALUE}).")
        int hashBits;

        @Option(names = "--no-lexicon-features", description = "Leave out the lexicon-match features.")
        boolean noLexicon;

        @Option(names = "--no-char-ngrams", description = "Leave out the char trigram features.")
        boolean noNgrams;

        @Option(names = "--no-wide-context", description = "Leave out the wide-context features (words at -3/+3, "
                + "outer bigrams, 5-char affixes, char 4-grams, parentheses, title).")
        boolean noWide;

        @Option(names = "--no-abbreviations", description = "Leave out the features of abbreviations defined in "
                + "the document (a short form gets its long form's words).")
        boolean noAbbreviations;

        @Option(names = "--no-second-pass", description = "Train one pass only (no second model over the first "
                + "one's labels across the document).")
        boolean noSecondPass;

        @Option(names = "--ensemble", paramLabel = "N", defaultValue = "3", description = "Perceptrons per pass "
                + "(seeds N, N+1, ...), weights averaged, 1..16 (default: ${DEFAULT-VALUE}).")
        int ensemble;

        @Option(names = "--bio", description = "BIO labels instead of BILOU.")
        boolean bio;

        @Option(names = "--holdout", paramLabel = "FRACTION", defaultValue = "0", description = "Without --dev: "
                + "hold out this share of the training documents (0..0.5) to choose the epochs, then retrain on all "
                + "(default: ${DEFAULT-VALUE}, train --epochs and keep the last).")
        double holdout;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the sentence "
                + "order (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon (.lex) for the lexicon "
                + "features instead of the embedded default.")
        Path lexicon;

        @Override
        public Integer call() throws IOException {
            CommandLine cl = spec.commandLine();
            if (epochs < 1 || patience < 1) {
                throw new CommandLine.ParameterException(cl, "--epochs and --patience must be at least 1");
            }
            if (hashBits < 16 || hashBits > 24) {
                throw new CommandLine.ParameterException(cl, "--hash-bits " + hashBits + " outside 16..24");
            }
            if (!(holdout >= 0 && holdout <= 0.5)) {
                throw new CommandLine.ParameterException(cl, "--holdout " + holdout + " outside 0..0.5");
            }
            if (ensemble < 1 || ensemble > 16) {
                throw new CommandLine.ParameterException(cl, "--ensemble " + ensemble + " outside 1..16");
            }
            if (holdout > 0 && dev != null) {
                throw new CommandLine.ParameterException(cl, "give --dev or --holdout, not both");
            }
            CorpusFormat format = corpus.corpusFormat(cl);
            TypeMapping mapping = corpus.mapping(cl);
            Set<String> typeSet = new LinkedHashSet<>();
            for (String t : types) {
                if (!t.isBlank()) {
                    typeSet.add(t.trim());
                }
            }
            PrintWriter o = cl.getOut();
            long t0 = System.nanoTime();
            List<AnnotatedDocument> trainDocs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path p : train) {
                trainDocs.addAll(read(cl, format, mapping, p, "--train"));
                names.add(format + ":" + p.getFileName());
            }
            List<AnnotatedDocument> devDocs = dev == null ? List.of() : read(cl, format, mapping, dev, "--dev");
            int trainSpans = count(trainDocs, typeSet);
            if (trainSpans == 0) {
                throw new CommandLine.ParameterException(cl, "--train holds no spans of the types " + typeSet
                        + "; check --types and --map");
            }
            o.printf(Locale.ROOT, "train: %d documents, %d spans of %s%n", trainDocs.size(), trainSpans, typeSet);
            if (dev != null) {
                o.printf(Locale.ROOT, "dev:   %d documents, %d spans%n", devDocs.size(), count(devDocs, typeSet));
            }
            Lexicon lex = noLexicon ? null : lexicon != null ? Lexicon.open(lexicon) : DefaultLexicon.get();
            NerTrainer trainer = new NerTrainer(new NerTrainer.Settings(epochs, patience, seed,
                    new FeatureSettings(hashBits, !noNgrams, !noLexicon, !noWide, !noAbbreviations, !noSecondPass,
                            !bio),
                    holdout, ensemble));
            NerTrainer.Sources sources = new NerTrainer.Sources(names,
                    dev == null ? "" : format + ":" + dev.getFileName(), corpus.describe(), Version.get());
            o.println("epoch    loss  train_acc  dev_F1  time_s  stage");
            o.flush();
            NerModel model = trainer.train(trainDocs, devDocs, List.copyOf(typeSet), lex, sources, r -> {
                o.printf(Locale.ROOT, "%5d  %6.4f  %9.4f  %6s  %6.1f  %s%s%n", r.epoch(), r.loss(), r.accuracy(),
                        Double.isNaN(r.devF1()) ? "-" : String.format(Locale.ROOT, "%.4f", r.devF1()), r.seconds(),
                        r.stage(), r.best() ? "  *" : "");
                o.flush();
            });
            NerTrainer.AlignmentReport a = trainer.alignment();
            o.printf(Locale.ROOT, "gold spans not labelable: %d of %d (edges inside a token: %d, overlapping: %d)%n",
                    a.misaligned() + a.overlapping(), a.spans(), a.misaligned(), a.overlapping());
            model.write(out);
            Runtime rt = Runtime.getRuntime();
            o.printf(Locale.ROOT, "kept epoch %d of %d%s; model written to %s (%d bytes)%n",
                    model.provenance().bestEpoch(), model.provenance().epochs(),
                    Double.isNaN(model.provenance().devF1()) ? ""
                            : String.format(Locale.ROOT, " (dev F1 %.4f)", model.provenance().devF1()),
                    out, Files.size(out));
            o.printf(Locale.ROOT, "time_s: %.1f  heap_used_mb: %d  heap_max_mb: %d%n", (System.nanoTime() - t0) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            o.flush();
            return ExitCodes.OK;
        }
    }
}
