package org.medsift.vocab.snomed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconBuilder.ConceptEntry;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.load.LineReader;
import org.medsift.vocab.load.Merge;

/**
 * Imports a SNOMED CT RF2 snapshot: {@code sct2_Concept_Snapshot*.txt}, {@code sct2_Description_Snapshot*.txt}
 * and, when present, {@code der2_cRefset_LanguageSnapshot*.txt}, found anywhere under the given directory (the
 * release's {@code Snapshot/Terminology} and {@code Snapshot/Refset/Language} folders). Tab-separated with a
 * header row, as released.
 *
 * <ul>
 *   <li>Concepts: {@code id effectiveTime active moduleId definitionStatusId}; inactive concepts (active = 0) are
 *   dropped.</li>
 *   <li>Descriptions: {@code id effectiveTime active moduleId conceptId languageCode typeId term
 *   caseSignificanceId}; kept when active, of an active concept, in the chosen language ({@code en}), and of type
 *   FSN (900000000000003001) or synonym (900000000000013009). With a language refset
 *   ({@code id effectiveTime active moduleId refsetId referencedComponentId acceptabilityId}), a synonym must be
 *   preferred (900000000000548007) or acceptable (900000000000549004) in the US English refset (900000000000509007)
 *   or, failing that, any refset in the file; others are dropped.</li>
 *   <li>Group: the FSN's semantic tag through {@link SnomedSemanticTags}; the FSN itself is a term without its
 *   tag. Preferred name: the preferred synonym when the refset says so, else the first synonym, else the FSN
 *   without its tag.</li>
 *   <li>One concept per concept id, {@code SNOMEDCT:<id>}, code {@code (SNOMED CT, id)}; a concept with that code
 *   from an earlier source (a UMLS CUI with SNOMEDCT_US rows) is joined instead.</li>
 * </ul>
 * Problems: {@code VOCAB-SNOMED-0001} wrong column count, {@code -0002} not UTF-8, {@code -0003} a value that is
 * not what the column holds (an id that is not digits, active not 0 or 1, an empty term).
 */
public final class SnomedImporter {
    /** The source id of concepts and terms from SNOMED CT. */
    public static final String SOURCE_ID = "snomed";
    static final String FSN = "900000000000003001";
    static final String SYNONYM = "900000000000013009";
    static final String PREFERRED = "900000000000548007";
    static final String ACCEPTABLE = "900000000000549004";
    static final String US_ENGLISH = "900000000000509007";

    private final String language;

    /** @param language the description languageCode kept ({@code en}) */
    public SnomedImporter(String language) {
        this.language = language;
    }

    /** The first file under {@code dir} whose name starts with {@code prefix}, or empty. */
    static java.util.Optional<Path> find(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".txt"))
                    .sorted().findFirst();
        }
    }

    /** Registers the source and imports the snapshot under {@code dir}. */
    public ImportReport importDir(Path dir, LexiconBuilder builder, ProblemSink problems) throws IOException {
        Path conceptFile = find(dir, "sct2_Concept_Snapshot").orElseThrow(() -> new NoSuchFileException(
                dir.toString(), null, "no sct2_Concept_Snapshot*.txt under " + dir));
        Path descFile = find(dir, "sct2_Description_Snapshot").orElseThrow(() -> new NoSuchFileException(
                dir.toString(), null, "no sct2_Description_Snapshot*.txt under " + dir));
        java.util.Optional<Path> langFile = find(dir, "der2_cRefset_LanguageSnapshot");
        builder.addSource(SOURCE_ID, "SNOMED CT RF2 snapshot (" + conceptFile.getFileName() + ", "
                + descFile.getFileName() + langFile.map(p -> ", " + p.getFileName()).orElse("") + ")");
        ImportReport report = new ImportReport(SOURCE_ID);

        Map<String, Boolean> concepts = new LinkedHashMap<>();
        try (LineReader in = new LineReader(conceptFile, problems, "VOCAB-SNOMED-0002", report)) {
            String line = in.next(); // header
            while ((line = in.next()) != null) {
                report.row();
                String[] f = LineReader.split(line, '\t');
                if (f.length != 5) {
                    in.report("found " + f.length + " tab-separated columns, expected 5 (id, effectiveTime, active,"
                            + " moduleId, definitionStatusId)", line, "VOCAB-SNOMED-0001");
                } else if (!isId(f[0]) || !isFlag(f[2])) {
                    in.report(!isId(f[0]) ? "concept id '" + f[0] + "' is not an SCTID (digits)"
                            : "active '" + f[2] + "' is not 0 or 1", line, "VOCAB-SNOMED-0003");
                } else if (f[2].equals("0")) {
                    report.drop("inactive concept");
                    concepts.put(f[0], Boolean.FALSE);
                } else {
                    concepts.put(f[0], Boolean.TRUE);
                }
            }
        }

        Map<String, String> acceptability = langFile.isPresent() ? readLanguageRefset(langFile.get(), problems,
                report) : null;

        Map<String, List<String[]>> descriptions = new HashMap<>();
        try (LineReader in = new LineReader(descFile, problems, "VOCAB-SNOMED-0002", report)) {
            String line = in.next(); // header
            while ((line = in.next()) != null) {
                report.row();
                String[] f = LineReader.split(line, '\t');
                if (f.length != 9) {
                    in.report("found " + f.length + " tab-separated columns, expected 9 (id, effectiveTime, active,"
                            + " moduleId, conceptId, languageCode, typeId, term, caseSignificanceId)", line,
                            "VOCAB-SNOMED-0001");
                    continue;
                }
                if (!isId(f[0]) || !isId(f[4]) || !isFlag(f[2]) || f[7].isBlank()) {
                    in.report(!isId(f[0]) ? "description id '" + f[0] + "' is not an SCTID (digits)"
                            : !isId(f[4]) ? "conceptId '" + f[4] + "' is not an SCTID (digits)"
                            : !isFlag(f[2]) ? "active '" + f[2] + "' is not 0 or 1" : "term is empty", line,
                            "VOCAB-SNOMED-0003");
                    continue;
                }
                String why = f[2].equals("0") ? "inactive description"
                        : !Boolean.TRUE.equals(concepts.get(f[4])) ? "description of an inactive or unknown concept"
                        : !language.equals(f[5]) ? "languageCode not " + language
                        : !FSN.equals(f[6]) && !SYNONYM.equals(f[6]) ? "description type not FSN or synonym"
                        : acceptability != null && SYNONYM.equals(f[6]) && !acceptability.containsKey(f[0])
                        ? "synonym not in the language refset" : null;
                if (why != null) {
                    report.drop(why);
                    continue;
                }
                descriptions.computeIfAbsent(f[4], k -> new ArrayList<>(4)).add(new String[] {f[0], f[6], f[7]});
            }
        }

        for (Map.Entry<String, Boolean> c : concepts.entrySet()) {
            List<String[]> ds = descriptions.get(c.getKey());
            if (!c.getValue() || ds == null) {
                if (c.getValue()) {
                    report.drop("active concept without kept descriptions");
                }
                continue;
            }
            String fsn = null;
            String preferred = null;
            String firstSynonym = null;
            for (String[] d : ds) {
                if (FSN.equals(d[1])) {
                    fsn = fsn == null ? d[2] : fsn;
                } else {
                    firstSynonym = firstSynonym == null ? d[2] : firstSynonym;
                    if (preferred == null && acceptability != null && PREFERRED.equals(acceptability.get(d[0]))) {
                        preferred = d[2];
                    }
                }
            }
            preferred = preferred != null ? preferred : firstSynonym;
            SemanticGroup group = SnomedSemanticTags.group(fsn == null ? "" : SnomedSemanticTags.tag(fsn));
            String name = preferred != null ? preferred : SnomedSemanticTags.strip(fsn);
            if (!Merge.hasWords(name)) {
                report.drop("no words after normalization");
                continue;
            }
            ConceptEntry e = Merge.conceptFor(builder, "SNOMEDCT:" + c.getKey(), name, group, SOURCE_ID,
                    List.of(new Code(CodeSystems.SNOMED_CT, c.getKey(), name)), report);
            for (String[] d : ds) {
                String term = FSN.equals(d[1]) ? SnomedSemanticTags.strip(d[2]) : d[2];
                if (!term.equals(name)) {
                    Merge.addTerm(e, term, TermKind.NAME, SOURCE_ID, report);
                }
            }
        }
        return report;
    }

    private static Map<String, String> readLanguageRefset(Path file, ProblemSink problems, ImportReport report)
            throws IOException {
        Map<String, String> us = new HashMap<>();
        Map<String, String> any = new HashMap<>();
        try (LineReader in = new LineReader(file, problems, "VOCAB-SNOMED-0002", report)) {
            String line = in.next(); // header
            while ((line = in.next()) != null) {
                String[] f = LineReader.split(line, '\t');
                if (f.length != 7) {
                    in.report("found " + f.length + " tab-separated columns, expected 7 (id, effectiveTime, active,"
                            + " moduleId, refsetId, referencedComponentId, acceptabilityId)", line,
                            "VOCAB-SNOMED-0001");
                    continue;
                }
                if (!"1".equals(f[2])) {
                    continue;
                }
                (US_ENGLISH.equals(f[4]) ? us : any).merge(f[5], f[6], (a, b) -> PREFERRED.equals(a) ? a : b);
            }
        }
        return us.isEmpty() ? any : us;
    }

    private static boolean isId(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFlag(String s) {
        return s.equals("0") || s.equals("1");
    }
}
