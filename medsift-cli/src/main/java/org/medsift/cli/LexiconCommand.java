package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medsift.core.model.CodeSystems;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconSource;
import org.medsift.vocab.LexiconStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medsift lexicon}: information about compiled lexicons. */
@Command(name = "lexicon", mixinStandardHelpOptions = true, description = "Compiled lexicon tools.",
        subcommands = {LexiconCommand.Stats.class, LexiconBuildCommand.class, LexiconSynthCommand.class, LexiconExportCommand.class})
public final class LexiconCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code medsift lexicon stats}: sizes, one {@code key: value} per line. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Prints the size of a lexicon, one key: value per line:",
                    "terms, concepts, then per semantic group, per code system, per source and per term kind."})
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon. Default: the embedded "
                + "default lexicon.")
        Path lexicon;

        @Override
        public Integer call() throws IOException {
            if (lexicon != null && !Files.isRegularFile(lexicon)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lexicon file not found: " + lexicon);
            }
            long t0 = System.nanoTime();
            Lexicon lex = lexicon == null ? DefaultLexicon.get() : Lexicon.open(lexicon);
            long loadNanos = System.nanoTime() - t0;
            print(spec.commandLine().getOut(), lex, loadNanos);
            return ExitCodes.OK;
        }
    }

    static void print(PrintWriter out, Lexicon lex, long loadNanos) {
        LexiconStats s = lex.stats();
        out.println("terms: " + s.terms());
        out.println("concepts: " + s.concepts());
        out.println("words: " + s.words());
        s.conceptsByGroup().forEach((g, n) -> out.println("group." + key(g.name()) + ".concepts: " + n));
        s.termsByGroup().forEach((g, n) -> out.println("group." + key(g.name()) + ".terms: " + n));
        s.conceptsWithCode().forEach((sys, n) -> out.println("system." + key(CodeSystems.shortName(sys))
                + ".concepts: " + n));
        s.conceptsBySource().forEach((src, n) -> out.println("source." + key(src) + ".concepts: " + n));
        s.termsBySource().forEach((src, n) -> out.println("source." + key(src) + ".terms: " + n));
        s.termsByKind().forEach((k, n) -> out.println("kind." + key(k.name()) + ".terms: " + n));
        out.println("name: " + lex.name());
        out.println("version: " + lex.version());
        for (LexiconSource src : lex.sources()) {
            out.println("source." + key(src.id()) + ".description: " + src.description());
        }
        out.println("bytes: " + lex.sizeInBytes());
        out.printf(Locale.ROOT, "load_ms: %.1f%n", loadNanos / 1e6);
        try {
            lex.verifyChecksum();
            out.printf(Locale.ROOT, "checksum: %08X ok%n", lex.checksum());
        } catch (org.medsift.vocab.LexiconFormatException e) {
            out.println("checksum: " + e.getMessage());
        }
        out.flush();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
