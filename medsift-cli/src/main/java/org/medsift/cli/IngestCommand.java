package org.medsift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.medsift.app.Extraction;
import org.medsift.app.batch.Writers;
import org.medsift.app.ingest.Ingest;
import org.medsift.app.ingest.SourceFormat;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.fhir.FhirOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medsift ingest}: HL7 v2, FHIR R4, C-CDA, PDF, DOCX and RTF in, one FHIR R4 Bundle per patient out. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads HL7 v2, FHIR R4 (JSON, XML, NDJSON), C-CDA, PDF, DOCX and RTF files, extracts findings "
                + "from their free text, and writes one FHIR R4 Bundle per patient.",
                "PATH is a file or a folder (searched recursively for *.hl7, *.er7, *.txt, *.xml, *.json, *.ndjson, "
                        + "*.ccda, *.msg, *.pdf, *.docx, *.rtf). The format is sniffed from the content unless "
                        + "--format is given."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:failure (nothing read, output not writable, internal error)", "2:usage error",
                "3:input problems found with --strict"})
public final class IngestCommand implements Callable<Integer> {
    private static final Set<String> EXTENSIONS = Set.of("hl7", "er7", "txt", "xml", "json", "ndjson", "ccda", "msg", "pdf",
            "docx", "rtf");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Force the input format: hl7v2, fhir, ccda, pdf, docx or rtf.")
    String format;

    @Option(names = "--ndjson", description = "Also write bundles.ndjson: one Bundle per line.")
    boolean ndjson;

    @Option(names = "--strict", description = "Exit with code 3 when any input problem (warning or error) is found.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SourceFormat> forced;
        try {
            forced = format == null ? Optional.empty() : Optional.of(SourceFormat.parse(format));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(IngestCommand::wanted).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
        }
        long t0 = System.nanoTime();
        Ingest ingest = Ingest.create(Extraction.builder().build());
        long t1 = System.nanoTime();
        List<Ingest.Read> reads = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, long[]> perFormat = new TreeMap<>(); // files, units, entries+resources, texts, problems
        for (Path f : files) {
            Ingest.Read r = ingest.read(f.toString(), Files.readAllBytes(f), forced);
            reads.add(r);
            problems.addAll(r.result().problems());
            long[] c = perFormat.computeIfAbsent(r.format().map(SourceFormat::cliName).orElse("unknown"),
                    k -> new long[5]);
            c[0]++;
            c[1] += r.result().units();
            c[2] += r.result().entries().size() + r.resources().size();
            c[3] += r.result().texts().size();
            c[4] += r.result().problems().size();
        }
        long tRead = System.nanoTime();
        List<Ingest.PatientBundle> bundles = ingest.assemble(reads);
        long tDone = System.nanoTime();
        Files.createDirectories(out);
        long findings = 0;
        long duplicates = 0;
        for (Ingest.PatientBundle b : bundles) {
            try (Writer w = Files.newBufferedWriter(out.resolve("patient-" + b.fileId() + ".fhir.json"),
                    StandardCharsets.UTF_8)) {
                FhirOutput.writeJson(b.bundle(), w, true);
            }
            findings += b.findings();
            problems.addAll(b.problems());
            duplicates += b.duplicates();
        }
        if (ndjson) {
            try (Writer w = Files.newBufferedWriter(out.resolve("bundles.ndjson"), StandardCharsets.UTF_8)) {
                for (Ingest.PatientBundle b : bundles) {
                    FhirOutput.writeNdjsonLine(b.bundle(), w);
                }
            }
        }
        Writers.writeProblems(out.resolve("problems.tsv"), problems);
        for (Problem p : problems) {
            if (p.severity() != Severity.INFO) {
                err.println("problem: " + p.code() + " " + p.severity() + " " + p.where() + ": " + p.message());
            }
        }
        long units = 0;
        for (Map.Entry<String, long[]> e : perFormat.entrySet()) {
            long[] c = e.getValue();
            units += c[1];
            o.printf(Locale.ROOT, "%s: files %d, units %d, records %d, texts %d, problems %d%n", e.getKey(), c[0], c[1],
                    c[2], c[3], c[4]);
        }
        Map<String, Integer> byCode = new TreeMap<>();
        problems.forEach(p -> byCode.merge(p.code(), 1, Integer::sum));
        byCode.forEach((k, v) -> o.println("problems." + k + ": " + v));
        o.println("patients: " + bundles.size());
        o.println("findings: " + findings);
        o.println("duplicates_marked: " + duplicates);
        o.printf(Locale.ROOT, "startup_s: %.3f%n", (t1 - t0) / 1e9);
        o.printf(Locale.ROOT, "read_s: %.3f%n", (tRead - t1) / 1e9);
        o.printf(Locale.ROOT, "assemble_s: %.3f%n", (tDone - tRead) / 1e9);
        o.printf(Locale.ROOT, "throughput: %.1f units/s read, %.1f units/s read+extract+assemble%n",
                units / Math.max(1e-9, (tRead - t1) / 1e9), units / Math.max(1e-9, (tDone - t1) / 1e9));
        o.println("output: " + out.toAbsolutePath());
        o.flush();
        if (reads.stream().allMatch(r -> r.format().isEmpty()) && !reads.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        if (strict && problems.stream().anyMatch(p -> p.severity() != Severity.INFO)) {
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    private static boolean wanted(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }
}
