package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medsift.app.batch.InputDocuments;
import org.medsift.core.problem.Problem;
import org.medsift.core.text.Text;
import org.medsift.deid.DeidKey;
import org.medsift.deid.DeidMode;
import org.medsift.deid.Deidentifier;
import org.medsift.deid.PhiDetector;
import org.medsift.deid.PhiSpan;
import org.medsift.deid.PhiType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medsift deid}: notes in, de-identified notes out, plus a per-run report and optional span file. */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = {"De-identifies clinical notes (HIPAA Safe Harbor identifiers; docs/deid.md).",
                "PATH is a file, a folder (searched recursively for *.txt) or - for standard input.",
                "Writes each note under --out at its relative path, then a report."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:failure (nothing processed, output not writable, bad key file)",
                "2:usage error", "3:input problems found with --strict"})
public final class DeidCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for standard input.")
    List<String> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "redact",
            description = "redact (type tags such as [NAME]) or surrogate (keyed realistic replacements). "
                    + "Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Secret key (at least 16 bytes) for consistent "
            + "surrogates across runs. Without it, surrogate mode uses a random key for this run only. Never written "
            + "to the outputs; keep it apart from them.")
    Path keyFile;

    @Option(names = "--spans", paramLabel = "FILE", description = "Also write file<TAB>start<TAB>end<TAB>TYPE per "
            + "detected span (offsets into the input text, UTF-16 chars).")
    Path spansFile;

    @Option(names = "--patient-id-regex", paramLabel = "REGEX", description = "Groups files by patient: group 1 of "
            + "the first match in the document id (relative path) is the patient id. Default: one patient per file.")
    String patientRegex;

    @Option(names = "--other-pattern", paramLabel = "LABEL=REGEX", description = "An extra 'other unique "
            + "identifier' pattern, reported as OTHER (repeatable).")
    List<String> otherPatterns = new ArrayList<>();

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "16m",
            description = "Largest document processed, in bytes or with k/m suffix. Default: ${DEFAULT-VALUE}.")
    String maxSize;

    @Option(names = "--strict", description = "Exit with code 3 when any input problem is found.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        PrintWriter outw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeidMode m;
        try {
            m = DeidMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("medsift deid: --mode '" + mode + "' is not one of: redact, surrogate");
            return ExitCodes.USAGE;
        }
        long limit;
        try {
            limit = ExtractCommand.parseSize(maxSize);
        } catch (IllegalArgumentException e) {
            err.println("medsift deid: --max-size '" + maxSize + "' is not a size (bytes, or a number with k or m)");
            return ExitCodes.USAGE;
        }
        Pattern patientPattern = null;
        PhiDetector.Builder builder = PhiDetector.builder();
        try {
            if (patientRegex != null) {
                patientPattern = Pattern.compile(patientRegex);
            }
            for (String p : otherPatterns) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    err.println("medsift deid: --other-pattern '" + p + "' is not LABEL=REGEX");
                    return ExitCodes.USAGE;
                }
                builder.otherPattern(p.substring(0, eq), p.substring(eq + 1));
            }
        } catch (PatternSyntaxException e) {
            err.println("medsift deid: --patient-id-regex is not a valid regular expression: " + e.getDescription());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("medsift deid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DeidKey key = null;
        if (m == DeidMode.SURROGATE) {
            if (keyFile != null) {
                try {
                    key = DeidKey.of(Files.readAllBytes(keyFile));
                } catch (IOException e) {
                    err.println("medsift deid: cannot read --key-file: " + e.getClass().getSimpleName());
                    return ExitCodes.FAILURE;
                } catch (IllegalArgumentException e) {
                    // the message gives the length only, never key bytes
                    err.println("medsift deid: --key-file: " + e.getMessage());
                    return ExitCodes.FAILURE;
                }
            } else {
                key = DeidKey.random();
            }
        }
        PhiDetector detector = builder.build();
        Deidentifier deid = m == DeidMode.REDACT ? Deidentifier.redacting(detector)
                : Deidentifier.surrogating(detector, key);

        List<InputDocuments.Decoded> docs = new ArrayList<>();
        List<InputDocuments.Input> inputs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean stdin = false;
        for (String p : paths) {
            if (p.equals("-")) {
                stdin = true;
            } else {
                files.add(Path.of(p));
            }
        }
        try {
            inputs.addAll(InputDocuments.expand(files));
        } catch (IOException e) {
            err.println("medsift deid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            err.println("medsift deid: cannot create output folder " + out + ": " + e.getClass().getSimpleName());
            return ExitCodes.FAILURE;
        }
        Map<PhiType, Integer> counts = new EnumMap<>(PhiType.class);
        List<String> nothingFound = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int processed = 0;
        long chars = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        long detectNanos = 0;
        long detectCpuNanos = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        Writer spans = spansFile == null ? null : Files.newBufferedWriter(spansFile, StandardCharsets.UTF_8);
        try {
            int total = inputs.size() + (stdin ? 1 : 0);
            for (int i = 0; i < total; i++) {
                InputDocuments.Decoded d = i < inputs.size() ? InputDocuments.read(inputs.get(i), limit)
                        : InputDocuments.read("stdin.txt", System.in, limit);
                problems.addAll(d.problems());
                if (!d.processable()) {
                    continue;
                }
                String patient = patientOf(patientPattern, d.id());
                long s0 = System.nanoTime();
                long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
                Deidentifier.Result r = deid.deidentify(Text.of(d.id(), d.text()), patient);
                detectNanos += System.nanoTime() - s0;
                if (cpuTime) {
                    detectCpuNanos += threads.getCurrentThreadCpuTime() - c0;
                }
                processed++;
                chars += d.text().length();
                bytes += d.bytes();
                if (r.spans().isEmpty()) {
                    nothingFound.add(d.id());
                }
                for (PhiSpan s : r.spans()) {
                    counts.merge(s.type(), 1, Integer::sum);
                    if (spans != null) {
                        spans.write(d.id() + "\t" + s.start() + "\t" + s.end() + "\t" + s.type() + "\n");
                    }
                }
                Path target = out.resolve(d.id()).normalize();
                if (!target.startsWith(out.normalize())) {
                    target = out.resolve(Path.of(d.id()).getFileName().toString());
                }
                Files.createDirectories(target.getParent() == null ? out : target.getParent());
                Files.writeString(target, r.text().content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("medsift deid: cannot write output: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            if (spans != null) {
                spans.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder report = new StringBuilder();
        report.append("mode: ").append(m.name().toLowerCase(Locale.ROOT)).append('\n');
        report.append("documents: ").append(processed).append(" processed of ").append(inputs.size() + (stdin ? 1 : 0))
                .append('\n');
        report.append("characters: ").append(chars).append('\n');
        for (PhiType t : PhiType.values()) {
            report.append("phi.").append(t.name()).append(": ").append(counts.getOrDefault(t, 0)).append('\n');
        }
        report.append("nothing_found: ").append(nothingFound.size()).append('\n');
        for (String id : nothingFound) {
            report.append("nothing_found.document: ").append(id).append('\n');
        }
        report.append("problems: ").append(problems.size()).append('\n');
        for (Problem p : problems) {
            report.append("problem: ").append(p.code()).append(' ').append(p.where()).append(' ').append(p.message())
                    .append('\n');
        }
        report.append(String.format(Locale.ROOT, "time_s: %.3f%n", seconds));
        // per core: bytes over the thread's CPU time (other processes on a shared machine do not count); wall: over
        // elapsed time
        report.append(String.format(Locale.ROOT, "throughput: %.2f MB/s per core (CPU time, de-identification, one"
                + " thread); %.2f MB/s wall%n",
                detectCpuNanos > 0 ? bytes / 1e6 / (detectCpuNanos / 1e9) : detectNanos == 0 ? 0.0
                        : bytes / 1e6 / (detectNanos / 1e9),
                detectNanos == 0 ? 0.0 : bytes / 1e6 / (detectNanos / 1e9)));
        outw.print(report);
        outw.flush();
        try {
            Files.writeString(out.resolve("deid-report.txt"), report.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("medsift deid: cannot write the report: " + e.getClass().getSimpleName());
            return ExitCodes.FAILURE;
        }
        if (processed == 0) {
            err.println("medsift deid: no document was processed");
            return ExitCodes.FAILURE;
        }
        return strict && !problems.isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private static String patientOf(Pattern p, String id) {
        if (p != null) {
            Matcher m = p.matcher(id);
            if (m.find()) {
                return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
        }
        return id;
    }

}
