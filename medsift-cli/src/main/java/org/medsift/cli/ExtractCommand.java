package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medsift.app.Extraction;
import org.medsift.app.batch.BatchRunner;
import org.medsift.app.batch.BatchSummary;
import org.medsift.app.batch.InputDocuments;
import org.medsift.app.batch.OutputFormat;
import org.medsift.app.batch.Writers;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.vocab.Lexicon;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medsift extract}: notes in, JSON / FHIR / NOTE_NLP / brat out. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extracts coded findings with assertions from clinical notes.",
                "PATH is a file, a folder (searched recursively for *.txt) or - for standard input.",
                "Writes one output per document and format under --out, then a summary."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:failure (nothing processed, output not writable, internal error)",
                "2:usage error", "3:input problems found with --strict"})
public final class ExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    NerOptions ner = new NerOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for standard input.")
    List<String> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "json,fhir,note-nlp,brat",
            description = "Comma-separated output formats: json, fhir, note-nlp, brat. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon (.lex) instead of the "
            + "embedded default.")
    Path lexicon;

    @Option(names = "--rules", paramLabel = "FILE", description = "A site context-rules file added to the defaults "
            + "(repeatable; format in docs/context-rules.md).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "16m",
            description = "Largest document processed, in bytes or with k/m suffix. Default: ${DEFAULT-VALUE}.")
    String maxSize;

    @Option(names = "--strict", description = "Exit with code 3 when any input problem (warning or error) is found.")
    boolean strict;

    @Option(names = "--no-progress", description = "Do not draw a progress bar on the terminal.")
    boolean noProgress;

    @Option(names = "--explain", description = "Also write NAME.explain.txt per document: each finding with its "
            + "assertion and the cues that set it (category, trigger, trigger span, scope span, rule id).")
    boolean explain;

    @Option(names = "--document-date", paramLabel = "YYYY-MM-DD", description = "The date of the notes, against "
            + "which relative temporal expressions (\"3 days ago\", \"last March\") are resolved. Default: none "
            + "(relative expressions keep their offset and get no value).")
    String documentDate;

    @Override
    public Integer call() throws IOException {
        PrintWriter outw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<OutputFormat> formats;
        long limit;
        try {
            formats = OutputFormat.parseList(format);
            limit = parseSize(maxSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, was " + n);
        }
        for (Path r : rules) {
            if (!Files.isRegularFile(r)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rules file not found: " + r);
            }
        }
        if (lexicon != null && !Files.isRegularFile(lexicon)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lexicon file not found: " + lexicon);
        }

        List<BatchRunner.Job> jobs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                jobs.add(new BatchRunner.Job("stdin", () -> readStdin(limit)));
            } else {
                files.add(Path.of(p));
            }
        }
        try {
            jobs.addAll(BatchRunner.jobs(InputDocuments.expand(files), limit));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + e.getFile());
        }

        Extraction.Builder eb = Extraction.builder();
        if (lexicon != null) {
            eb.lexicon(Lexicon.open(lexicon));
        }
        rules.forEach(eb::contextRules);
        if (documentDate != null) {
            try {
                eb.documentDate(java.time.LocalDate.parse(documentDate));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--document-date '" + documentDate
                        + "' is not a date; expected YYYY-MM-DD");
            }
        }
        ner.apply(spec.commandLine(), eb);
        Extraction extraction = NerOptions.build(spec.commandLine(), eb);
        // from JVM start, like the cTAKES peer's figure: JVM, classes, lexicon, pipeline, file list
        long startupNanos = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;

        if (explain && !formats.contains(OutputFormat.EXPLAIN)) {
            formats = new ArrayList<>(formats);
            formats.add(OutputFormat.EXPLAIN);
        }
        Map<OutputFormat, org.medsift.app.batch.DocumentWriter> writers =
                Writers.forFormats(formats, extraction.provenance(java.time.Instant.now()));
        BatchRunner runner = new BatchRunner(extraction, writers, out, n, limit);
        boolean bar = !noProgress && System.console() != null && jobs.size() > 1;
        BatchSummary s = runner.run(jobs, bar ? BatchRunner.consoleBar(System.err) : null);
        Writers.writeProblems(out.resolve("problems.tsv"), s.problems());
        printSummary(outw, err, s, startupNanos, formats);
        if (s.documents() == 0 && s.failed() > 0) {
            return ExitCodes.FAILURE;
        }
        if (strict && s.problems().stream().anyMatch(p -> p.severity() != Severity.INFO)) {
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    private static InputDocuments.Decoded readStdin(long limit) {
        try {
            return InputDocuments.read("stdin", System.in, limit);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void printSummary(PrintWriter out, PrintWriter err, BatchSummary s, long startupNanos,
            List<OutputFormat> formats) {
        for (Problem p : s.problems()) {
            if (p.severity() != Severity.INFO) {
                err.println("problem: " + p.code() + " " + p.severity() + " " + p.where() + ": " + p.message());
            }
        }
        out.println("documents: " + s.documents());
        out.println("failed: " + s.failed());
        out.println("characters: " + s.chars());
        out.println("findings: " + s.findings());
        s.findingsByGroup().forEach((g, c) -> out.println("findings." + g.toLowerCase(Locale.ROOT) + ": " + c));
        s.findingsByAssertion().forEach((a, c) -> out.println("assertion." + a + ": " + c));
        out.println("problems: " + s.problems().size());
        out.printf(Locale.ROOT, "startup_s: %.3f%n", startupNanos / 1e9);
        out.printf(Locale.ROOT, "time_s: %.3f%n", s.nanos() / 1e9);
        out.println("threads: " + s.threads());
        List<String> names = new ArrayList<>();
        formats.forEach(f -> names.add(f.cliName()));
        out.println("output: " + out().toAbsolutePath() + " (" + String.join(", ", names) + ")");
        out.printf(Locale.ROOT, "throughput: %.3f MB/s, %.1f notes/s%n", s.megabytesPerSecond(),
                s.documentsPerSecond());
        out.flush();
    }

    private Path out() {
        return out;
    }

    /** Parses {@code 123}, {@code 64k}, {@code 16m}, {@code 1g}. */
    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) {
            mult = 1L << 10;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        }
        String digits = mult == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(digits) * mult;
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-size '" + s + "' is not a size; expected bytes or a number with "
                    + "k, m or g (e.g. 16m)");
        }
    }
}
