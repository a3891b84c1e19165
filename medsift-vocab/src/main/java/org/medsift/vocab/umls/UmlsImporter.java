package org.medsift.vocab.umls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.ProblemSink;
import org.medsift.core.problem.Severity;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconBuilder.ConceptEntry;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.load.LineReader;
import org.medsift.vocab.load.Merge;

/**
 * Imports a UMLS Metathesaurus release in RRF: {@code MRCONSO.RRF} (names), {@code MRSTY.RRF} (semantic types) and,
 * when present, {@code MRSAB.RRF} (source versions, for the source description). The files are looked for in the
 * given directory and in its {@code META} subdirectory.
 *
 * <ul>
 *   <li>One concept per CUI, id {@code UMLS:<CUI>}, with the code {@code (UMLS, CUI)}; every kept row of a source
 *   with a FHIR system in {@link CodeSystems} ({@code SNOMEDCT_US}, {@code RXNORM}, {@code LNC}, {@code ICD10CM},
 *   {@code CVX}) adds its code, so later importers of those systems merge into the CUI.</li>
 *   <li>Rows kept: LAT in {@link Options#languages} (default ENG), SAB in {@link Options#sabs} (default all),
 *   SUPPRESS = N (O, E and Y are dropped unless {@link Options#keepSuppressed}), TTY not in
 *   {@link Options#excludedTtys}. Every dropped row is counted with its reason.</li>
 *   <li>Preferred name: the first kept row with TS=P, STT=PF, ISPREF=Y, else the first kept row.</li>
 *   <li>Group: from the concept's MRSTY types through {@link UmlsSemanticGroups}; a CUI without types is
 *   {@code OTHER}.</li>
 *   <li>Term kind: TTY AB or ACR as {@link TermKind#ABBREVIATION}, BN as {@link TermKind#BRAND}, else
 *   {@link TermKind#NAME}.</li>
 * </ul>
 * Problems: {@code VOCAB-UMLS-0001} wrong field count, {@code -0002} not UTF-8, {@code -0003} empty CUI, STR or TUI,
 * {@code -0004} unknown TUI in MRSTY (the row is kept out; the CUI may still have other types).
 */
public final class UmlsImporter {
    /** Filters. */
    public record Options(Set<String> sabs, Set<String> languages, Set<String> excludedTtys, boolean keepSuppressed) {
        public Options {
            sabs = Set.copyOf(sabs);
            languages = Set.copyOf(languages);
            excludedTtys = Set.copyOf(excludedTtys);
        }

        /** All sources, English, suppressible rows dropped, no TTY excluded. */
        public static Options defaults() {
            return new Options(Set.of(), Set.of("ENG"), Set.of(), false);
        }

        public Options withSabs(Set<String> s) {
            return new Options(s, languages, excludedTtys, keepSuppressed);
        }

        public Options withLanguages(Set<String> l) {
            return new Options(sabs, l, excludedTtys, keepSuppressed);
        }
    }

    /** The source id of concepts and terms from the UMLS. */
    public static final String SOURCE_ID = "umls";

    private static final Map<String, String> SAB_SYSTEMS = Map.of("SNOMEDCT_US", CodeSystems.SNOMED_CT,
            "RXNORM", CodeSystems.RXNORM, "LNC", CodeSystems.LOINC, "ICD10CM", CodeSystems.ICD10CM,
            "CVX", CodeSystems.CVX);

    private final Options options;

    private final String latReason;

    public UmlsImporter(Options options) {
        this.options = options;
        this.latReason = "LAT not in " + new TreeSet<>(options.languages);
    }

    /** The file {@code name} in {@code dir} or {@code dir/META}, or {@code dir/name} when in neither. */
    public static Path locate(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.exists(p) && Files.exists(dir.resolve("META").resolve(name))) {
            return dir.resolve("META").resolve(name);
        }
        return p;
    }

    /**
     * Registers the source and imports the release in {@code dir}.
     *
     * @param progress called with rows read every million rows; may be {@code null}
     * @throws java.nio.file.NoSuchFileException when MRCONSO.RRF is missing
     */
    public ImportReport importDir(Path dir, LexiconBuilder builder, ProblemSink problems, LongConsumer progress)
            throws IOException {
        Path conso = locate(dir, "MRCONSO.RRF");
        if (!Files.isRegularFile(conso)) {
            throw new java.nio.file.NoSuchFileException(conso.toString(), null, "no MRCONSO.RRF in " + dir
                    + " or " + dir.resolve("META"));
        }
        builder.addSource(SOURCE_ID, description(dir));
        ImportReport report = new ImportReport(SOURCE_ID);
        Map<String, SemanticGroup> groups = readSemanticTypes(locate(dir, "MRSTY.RRF"), problems, report);
        new ConsoReader("VOCAB-UMLS").read(conso, problems, report, rows -> concept(rows, groups, builder,
                report), progress);
        return report;
    }

    private String description(Path dir) throws IOException {
        Path mrsab = locate(dir, "MRSAB.RRF");
        StringBuilder sb = new StringBuilder("UMLS Metathesaurus RRF (MRCONSO, MRSTY)");
        if (Files.isRegularFile(mrsab)) {
            Set<String> versions = new TreeSet<>();
            for (String line : Files.readAllLines(mrsab)) {
                String[] f = LineReader.split(line, '|');
                // VCUI|RCUI|VSAB|RSAB|SON|SF|SVER|VSTART|VEND|IMETA|RMETA|SLC|SCC|SRL|TFR|CFR|CXTY|TTYL|ATNL|LAT|CFG|CURVER|...
                if (f.length > 21 && "Y".equals(f[21]) && (options.sabs.isEmpty() || options.sabs.contains(f[3]))) {
                    versions.add(f[2]);
                }
            }
            if (!versions.isEmpty()) {
                sb.append("; sources ").append(String.join(" ", versions));
            }
        }
        if (!options.sabs.isEmpty()) {
            sb.append("; SAB filter ").append(new TreeSet<>(options.sabs));
        }
        sb.append("; LAT ").append(new TreeSet<>(options.languages));
        return sb.toString();
    }

    private static Map<String, SemanticGroup> readSemanticTypes(Path mrsty, ProblemSink problems,
            ImportReport report) throws IOException {
        Map<String, SemanticGroup> groups = new HashMap<>();
        if (!Files.isRegularFile(mrsty)) {
            problems.report(new Problem("VOCAB-UMLS-0005", Severity.WARNING, org.medsift.core.problem.Location.of(
                    mrsty.getFileName().toString()), "MRSTY.RRF not found beside MRCONSO.RRF; every concept gets "
                    + "group OTHER", ""));
            return groups;
        }
        ImportReport styReport = new ImportReport("umls-mrsty");
        try (LineReader in = new LineReader(mrsty, problems, "VOCAB-UMLS-0002", styReport)) {
            String line;
            while ((line = in.next()) != null) {
                String[] f = LineReader.split(line, '|');
                if (f.length != 6) {
                    in.report("found " + f.length + " bar-separated fields, expected 6 (CUI|TUI|STN|STY|ATUI|CVF)",
                            line, "VOCAB-UMLS-0001");
                    continue;
                }
                if (f[0].isBlank() || f[1].isBlank()) {
                    in.report((f[0].isBlank() ? "CUI" : "TUI") + " is empty; expected a value", line,
                            "VOCAB-UMLS-0003");
                    continue;
                }
                SemanticGroup g = UmlsSemanticGroups.group(f[1]);
                if (g == null) {
                    in.report("unknown semantic type '" + f[1] + "' (" + f[3] + "); expected one of the "
                            + UmlsSemanticGroups.typeCount() + " TUIs of the UMLS semantic groups", line,
                            "VOCAB-UMLS-0004");
                    continue;
                }
                groups.merge(f[0], g, UmlsSemanticGroups::stronger);
            }
        }
        styReport.dropped().forEach((reason, n) -> {
            for (long i = 0; i < n; i++) {
                report.drop("MRSTY " + reason);
            }
        });
        return groups;
    }

    private void concept(List<ConsoRow> rows, Map<String, SemanticGroup> groups, LexiconBuilder builder,
            ImportReport report) {
        ConsoRow preferred = null;
        List<ConsoRow> kept = new java.util.ArrayList<>(rows.size());
        for (ConsoRow r : rows) {
            String why = dropReason(r);
            if (why != null) {
                report.drop(why);
                continue;
            }
            if (!Merge.hasWords(r.str())) {
                report.drop("no words after normalization");
                continue;
            }
            kept.add(r);
            if (preferred == null || (!preferred.preferred() && r.preferred())) {
                preferred = r;
            }
        }
        if (preferred == null) {
            return;
        }
        SemanticGroup group = groups.getOrDefault(preferred.cui(), SemanticGroup.OTHER);
        Code cui = new Code(CodeSystems.UMLS, preferred.cui(), preferred.str());
        ConceptEntry e = Merge.conceptFor(builder, "UMLS:" + preferred.cui(), preferred.str(), group, SOURCE_ID,
                List.of(cui), report);
        for (ConsoRow r : kept) {
            if (r != preferred) {
                e.addTerm(r.str(), kind(r.tty()), SOURCE_ID);
                report.term();
            }
        }
        for (ConsoRow r : kept) {
            String system = SAB_SYSTEMS.get(r.sab());
            if (system != null && !r.code().isBlank() && !"NOCODE".equals(r.code())) {
                e.addCode(new Code(system, r.code(), r.str()));
            }
        }
    }

    private String dropReason(ConsoRow r) {
        if (!options.languages.isEmpty() && !options.languages.contains(r.lat())) {
            return latReason;
        }
        if (!options.sabs.isEmpty() && !options.sabs.contains(r.sab())) {
            return "SAB not in filter";
        }
        if (!options.keepSuppressed && !"N".equals(r.suppress()) && !r.suppress().isEmpty()) {
            return "suppressed (SUPPRESS=" + r.suppress() + ")";
        }
        if (options.excludedTtys.contains(r.tty())) {
            return "TTY excluded";
        }
        return null;
    }

    static TermKind kind(String tty) {
        switch (tty.toUpperCase(Locale.ROOT)) {
            case "AB": case "ACR": return TermKind.ABBREVIATION;
            case "BN": return TermKind.BRAND;
            default: return TermKind.NAME;
        }
    }
}
