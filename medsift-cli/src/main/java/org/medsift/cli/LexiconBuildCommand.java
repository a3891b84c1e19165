package org.medsift.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.ProblemSink;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.lexicon.build.DefaultLexiconBuild;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconStats;
import org.medsift.vocab.fhir.FhirImporter;
import org.medsift.vocab.icd10cm.Icd10cmImporter;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.loinc.LoincImporter;
import org.medsift.vocab.obo.OboImporter;
import org.medsift.vocab.rxnorm.RxNormImporter;
import org.medsift.vocab.snomed.SnomedImporter;
import org.medsift.vocab.tsv.TsvImporter;
import org.medsift.vocab.umls.UmlsImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift lexicon build}: compiles standard vocabularies into one lexicon. Sources are read in a fixed
 * order (UMLS, SNOMED CT, RxNorm, ICD-10-CM, LOINC, OBO, FHIR, TSV) whatever the order of the options, and merge on
 * shared codes (see docs/vocabularies.md). With {@code --default-sources} it rebuilds the embedded default lexicon
 * from the Synthea and Datafaker jars and the curated files, through {@link DefaultLexiconBuild}.
 */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compiles vocabularies into a lexicon file (any combination of sources).",
                "Progress goes to standard error; the summary (key: value lines) to standard output."})
final class LexiconBuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--umls", paramLabel = "DIR", description = "UMLS release: MRCONSO.RRF, MRSTY.RRF [, MRSAB.RRF]"
            + " in DIR or DIR/META.")
    Path umls;
    @Option(names = "--snomed", paramLabel = "DIR", description = "SNOMED CT RF2 snapshot (searched for "
            + "sct2_Concept_Snapshot*, sct2_Description_Snapshot*, der2_cRefset_LanguageSnapshot*).")
    Path snomed;
    @Option(names = "--rxnorm", paramLabel = "DIR", description = "RxNorm release: RXNCONSO.RRF in DIR or DIR/rrf.")
    Path rxnorm;
    @Option(names = "--icd10cm", paramLabel = "FILE", description = "ICD-10-CM order file or tabular XML.")
    Path icd10cm;
    @Option(names = "--loinc", paramLabel = "FILE", description = "LOINC table, Loinc.csv.")
    Path loinc;
    @Option(names = "--loinc-related-names", description = "Also take multi-word RELATEDNAMES2 entries as terms.")
    boolean loincRelated;
    @Option(names = "--obo", paramLabel = "FILE", description = "OBO ontology (HPO, MONDO, DO); repeatable.")
    List<Path> obo = new ArrayList<>();
    @Option(names = "--fhir", paramLabel = "FILE", description = "FHIR R4 CodeSystem or expanded ValueSet, JSON "
            + "or XML; repeatable.")
    List<Path> fhir = new ArrayList<>();
    @Option(names = "--tsv", paramLabel = "FILE", description = "code<TAB>term<TAB>system<TAB>group[<TAB>kind];"
            + " repeatable.")
    List<Path> tsv = new ArrayList<>();
    @Option(names = "--sab", paramLabel = "LIST", split = ",", description = "UMLS sources to keep (SAB, "
            + "comma-separated). Default: all.")
    List<String> sabs = new ArrayList<>();
    @Option(names = "--lang", paramLabel = "LAT", defaultValue = "ENG", description = "UMLS language (LAT); "
            + "SNOMED CT descriptions of the matching language code. Default: ${DEFAULT-VALUE}.")
    String lang;
    @Option(names = "--default-group", paramLabel = "GROUP", defaultValue = "OTHER", description = "Group of OBO "
            + "and FHIR concepts whose system has no known group. Default: ${DEFAULT-VALUE}.")
    SemanticGroup defaultGroup;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "medsift-custom", description = "Lexicon name "
            + "(in mention provenance). Default: ${DEFAULT-VALUE}.")
    String name;
    @Option(names = "--version-label", paramLabel = "V", description = "Lexicon version label. Default: 1; with "
            + "--default-sources, the embedded default's version.")
    String versionLabel;
    @Option(names = "--default-sources", description = {"Build the default lexicon from its own sources (the same "
            + "code as the Maven build of medsift-lexicon): needs --synthea, --datafaker and --curated, and no other "
            + "source. The summary says whether the file equals the embedded default byte for byte."})
    boolean defaultSources;
    @Option(names = "--synthea", paramLabel = "JAR", description = "With --default-sources: the Synthea 3.0.0 jar.")
    Path syntheaJar;
    @Option(names = "--datafaker", paramLabel = "JAR", description = "With --default-sources: the Datafaker 2.4.2 "
            + "jar.")
    Path datafakerJar;
    @Option(names = "--curated", paramLabel = "DIR", description = "With --default-sources: the curated lexicon "
            + "folder (medsift-lexicon/src/main/lexicon/curated; denylist.tsv is read next to it).")
    Path curatedDir;
    @Option(names = "--strict", description = "Exit with code 3 when any input problem was found.")
    boolean strict;
    @Option(names = "--out", required = true, paramLabel = "FILE.lex", description = "The lexicon file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        if (defaultSources) {
            return buildDefault(cl);
        }
        if (syntheaJar != null || datafakerJar != null || curatedDir != null) {
            throw new CommandLine.ParameterException(cl, "--synthea, --datafaker and --curated go with "
                    + "--default-sources");
        }
        List<Path> inputs = new ArrayList<>();
        for (Path p : new Path[] {umls, snomed, rxnorm}) {
            if (p != null && !Files.isDirectory(p)) {
                throw new CommandLine.ParameterException(cl, "not a directory: " + p);
            }
        }
        for (Path p : new Path[] {icd10cm, loinc}) {
            if (p != null) {
                inputs.add(p);
            }
        }
        inputs.addAll(obo);
        inputs.addAll(fhir);
        inputs.addAll(tsv);
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(cl, "file not found: " + p);
            }
        }
        if (umls == null && snomed == null && rxnorm == null && inputs.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "no source given; expected at least one of --umls, "
                    + "--snomed, --rxnorm, --icd10cm, --loinc, --obo, --fhir, --tsv");
        }
        long t0 = System.nanoTime();
        ProblemSink problems = new ProblemSink(ProblemSink.Policy.LENIENT, 10_000);
        LexiconBuilder b = new LexiconBuilder(name, versionLabel == null ? "1" : versionLabel);
        List<ImportReport> reports = new ArrayList<>();
        String lat = lang.toUpperCase(Locale.ROOT);
        if (umls != null) {
            Set<String> sabSet = new LinkedHashSet<>(sabs);
            UmlsImporter.Options o = UmlsImporter.Options.defaults().withSabs(sabSet).withLanguages(Set.of(lat));
            reports.add(new UmlsImporter(o).importDir(umls, b, problems, progress(err, "umls", b)));
            done(err, reports, b, t0);
        }
        if (snomed != null) {
            reports.add(new SnomedImporter(lat.equals("ENG") ? "en" : lat.toLowerCase(Locale.ROOT).substring(0, 2))
                    .importDir(snomed, b, problems));
            done(err, reports, b, t0);
        }
        if (rxnorm != null) {
            reports.add(new RxNormImporter().importDir(rxnorm, b, problems, progress(err, "rxnorm", b)));
            done(err, reports, b, t0);
        }
        if (icd10cm != null) {
            reports.add(new Icd10cmImporter().importFile(icd10cm, b, problems));
            done(err, reports, b, t0);
        }
        if (loinc != null) {
            reports.add((loincRelated ? LoincImporter.withRelatedNames() : LoincImporter.standard())
                    .importFile(loinc, b, problems));
            done(err, reports, b, t0);
        }
        for (Path p : obo) {
            reports.add(new OboImporter(defaultGroup).importFile(p, b, problems));
            done(err, reports, b, t0);
        }
        for (Path p : fhir) {
            reports.add(new FhirImporter(defaultGroup).importFile(p, b, problems));
            done(err, reports, b, t0);
        }
        for (Path p : tsv) {
            b.addSource("tsv", "site term lists in TSV (code, term, system, group[, kind])");
            ImportReport r = new ImportReport("tsv");
            long p0 = problems.total();
            int n = new TsvImporter("tsv").importFile(p, b, problems);
            for (long i = p0; i < problems.total(); i++) {
                r.drop("malformed");
            }
            for (int i = 0; i < n; i++) {
                r.row();
                r.term();
            }
            reports.add(r);
            done(err, reports, b, t0);
        }
        err.printf(Locale.ROOT, "[build] compiling %,d concepts, %,d terms...%n", b.conceptCount(), b.termCount());
        err.flush();
        long c0 = System.nanoTime();
        b.write(this.out);
        double compileS = (System.nanoTime() - c0) / 1e9;
        Lexicon lex = Lexicon.open(this.out);
        lex.verifyChecksum();
        summary(cl.getOut(), lex, reports, problems, compileS, (System.nanoTime() - t0) / 1e9);
        for (Problem p : problems.problems().subList(0, Math.min(50, problems.problems().size()))) {
            err.println("problem " + p.code() + " " + p.where() + ": " + p.message());
        }
        if (problems.total() > 50) {
            err.println("... " + (problems.total() - 50) + " more problems");
        }
        err.flush();
        return strict && problems.total() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    /**
     * {@code --default-sources}: the embedded default lexicon rebuilt by {@link DefaultLexiconBuild#build}, the code
     * that the Maven build of medsift-lexicon runs; same inputs and version give the same bytes.
     */
    private Integer buildDefault(CommandLine cl) throws IOException {
        if (umls != null || snomed != null || rxnorm != null || icd10cm != null || loinc != null || !obo.isEmpty()
                || !fhir.isEmpty() || !tsv.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--default-sources takes no other source (--umls, "
                    + "--snomed, --rxnorm, --icd10cm, --loinc, --obo, --fhir, --tsv)");
        }
        if (syntheaJar == null || datafakerJar == null || curatedDir == null) {
            throw new CommandLine.ParameterException(cl, "--default-sources needs --synthea JAR, --datafaker JAR "
                    + "and --curated DIR");
        }
        for (Path p : new Path[] {syntheaJar, datafakerJar, curatedDir.resolveSibling("denylist.tsv")}) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(cl, "file not found: " + p);
            }
        }
        if (!Files.isDirectory(curatedDir)) {
            throw new CommandLine.ParameterException(cl, "not a directory: " + curatedDir);
        }
        PrintWriter err = cl.getErr();
        byte[] embedded = embeddedDefault();
        String version = versionLabel != null ? versionLabel
                : embedded != null ? Lexicon.read(new ByteArrayInputStream(embedded)).version() : "1";
        long t0 = System.nanoTime();
        err.printf(Locale.ROOT, "[build] default sources: %s, %s, %s (version %s)%n", syntheaJar, datafakerJar,
                curatedDir, version);
        err.flush();
        LexiconBuilder b = DefaultLexiconBuild.build(curatedDir, syntheaJar, datafakerJar, version);
        err.printf(Locale.ROOT, "[build] compiling %,d concepts, %,d terms...%n", b.conceptCount(), b.termCount());
        err.flush();
        long c0 = System.nanoTime();
        b.write(this.out);
        double compileS = (System.nanoTime() - c0) / 1e9;
        Lexicon lex = Lexicon.open(this.out);
        lex.verifyChecksum();
        PrintWriter out = cl.getOut();
        summary(out, lex, List.of(), new ProblemSink(ProblemSink.Policy.LENIENT, 1), compileS,
                (System.nanoTime() - t0) / 1e9);
        out.println("embedded_default: " + (embedded == null ? "missing"
                : Arrays.equals(embedded, Files.readAllBytes(this.out)) ? "identical" : "differs"));
        out.flush();
        return ExitCodes.OK;
    }

    /** The bytes of the embedded default lexicon, or null when the resource is missing. */
    static byte[] embeddedDefault() throws IOException {
        try (InputStream in = DefaultLexicon.class.getResourceAsStream(DefaultLexicon.RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static LongConsumer progress(PrintWriter err, String source, LexiconBuilder b) {
        return rows -> {
            err.printf(Locale.ROOT, "[build] %s: %,d rows read, %,d concepts, %,d terms%n", source, rows,
                    b.conceptCount(), b.termCount());
            err.flush();
        };
    }

    private static void done(PrintWriter err, List<ImportReport> reports, LexiconBuilder b, long t0) {
        ImportReport r = reports.get(reports.size() - 1);
        err.printf(Locale.ROOT, "[build] %s done: %,d rows, %,d concepts created, %,d joined; total %,d concepts,"
                + " %,d terms (%.1f s)%n", r.sourceId(), r.rows(), r.conceptsCreated(), r.conceptsJoined(),
                b.conceptCount(), b.termCount(), (System.nanoTime() - t0) / 1e9);
        err.flush();
    }

    private void summary(PrintWriter out, Lexicon lex, List<ImportReport> reports, ProblemSink problems,
            double compileS, double totalS) throws IOException {
        LexiconStats s = lex.stats();
        out.println("out: " + this.out);
        out.println("concepts: " + s.concepts());
        out.println("terms: " + s.terms());
        out.println("words: " + s.words());
        s.conceptsByGroup().forEach((g, n) -> out.println("group." + key(g.name()) + ".concepts: " + n));
        s.termsByGroup().forEach((g, n) -> out.println("group." + key(g.name()) + ".terms: " + n));
        for (ImportReport r : reports) {
            String k = "source." + key(r.sourceId());
            out.println(k + ".rows: " + r.rows());
            out.println(k + ".concepts_created: " + r.conceptsCreated());
            out.println(k + ".concepts_joined: " + r.conceptsJoined());
            out.println(k + ".terms_added: " + r.terms());
            r.dropped().forEach((why, n) -> out.println(k + ".dropped." + key(why) + ": " + n));
        }
        s.termsBySource().forEach((src, n) -> out.println("source." + key(src) + ".terms: " + n));
        out.println("problems: " + problems.total());
        out.println("bytes: " + lex.sizeInBytes());
        out.printf(Locale.ROOT, "checksum: %08X%n", lex.checksum());
        out.printf(Locale.ROOT, "compile_s: %.1f%n", compileS);
        out.printf(Locale.ROOT, "time_s: %.1f%n", totalS);
        out.flush();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
