package org.medsift.vocab.tsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.ProblemSink;
import org.medsift.core.problem.Severity;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.TermNormalizer;

/**
 * Imports a tab-separated term list into a {@link LexiconBuilder}. One term per line:
 *
 * <pre>
 * code &lt;TAB&gt; term &lt;TAB&gt; system &lt;TAB&gt; group [&lt;TAB&gt; kind]
 * 22298006    Myocardial infarction    SNOMEDCT    DISORDER
 * 22298006    MI                       SNOMEDCT    DISORDER    ABBREVIATION
 * </pre>
 *
 * <ul>
 *   <li>{@code system} is a short name accepted by {@link CodeSystems#fromShortName} ({@code SNOMEDCT, RXNORM,
 *   LOINC, ICD10CM, CVX, UMLS, MEDSIFT}); {@code group} a {@link SemanticGroup} name; the optional {@code kind} a
 *   {@link TermKind} name (default {@code NAME}). Names are case-insensitive.</li>
 *   <li>The concept id is {@code <SHORTNAME>:<code>} ({@code SNOMEDCT:22298006}); for {@code MEDSIFT} it is
 *   {@code medsift:<code>}. The first line of a concept gives its preferred name and group. Each concept gets the
 *   code itself ({@link Code} with the term as display on the first line).</li>
 *   <li>Blank lines and lines starting with {@code #} are comments. A first line {@code code<TAB>term<TAB>...}
 *   is a header and skipped.</li>
 *   <li>Input is UTF-8; a line with bytes that are not UTF-8 is reported.</li>
 * </ul>
 *
 * <p>Bad lines are reported to the {@link ProblemSink} (severity WARNING, location {@code line N}) and not
 * imported; nothing is skipped without a problem. Codes:
 * <ul>
 *   <li>{@code VOCAB-TSV-0001} wrong number of columns</li>
 *   <li>{@code VOCAB-TSV-0002} empty code or term</li>
 *   <li>{@code VOCAB-TSV-0003} unknown code system</li>
 *   <li>{@code VOCAB-TSV-0004} unknown semantic group</li>
 *   <li>{@code VOCAB-TSV-0005} unknown term kind</li>
 *   <li>{@code VOCAB-TSV-0006} the term has no words after normalization</li>
 *   <li>{@code VOCAB-TSV-0007} the line is not valid UTF-8</li>
 *   <li>{@code VOCAB-TSV-0008} the concept already exists with another semantic group (the term is still added
 *   to the existing concept; severity INFO)</li>
 *   <li>{@code VOCAB-TSV-0009} an {@code ABBREVIATION} or {@code AMBIGUOUS} line for a code that has no
 *   {@code NAME} or {@code BRAND} line anywhere in the input (concepts are named by name lines, whatever their
 *   order; abbreviation lines wait until the end of the input for theirs)</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; a builder and a sink are not, so use them from one thread.
 */
public final class TsvImporter {
    private static final String EXPECTED_COLUMNS = "4 (code, term, system, group) or 5 (..., kind)";

    private final String sourceId;

    /**
     * An importer that attributes every concept and term to {@code sourceId}, which must be registered with
     * {@link LexiconBuilder#addSource} before importing.
     */
    public TsvImporter(String sourceId) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
    }

    /**
     * Imports a UTF-8 file; problems are located by the file name.
     *
     * @return the number of lines imported
     * @throws IOException when the file cannot be read
     */
    public int importFile(Path file, LexiconBuilder builder, ProblemSink problems) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return importFrom(reader, file.getFileName().toString(), builder, problems);
        }
    }

    /**
     * Imports lines from a reader (not closed). Chars U+FFFD in a line are taken as undecodable input.
     *
     * @param documentId names the input in problem locations
     * @return the number of lines imported
     * @throws IOException when reading fails
     * @throws org.medsift.core.problem.InputFormatException under a strict sink, at the first bad line
     */
    public int importFrom(Reader reader, String documentId, LexiconBuilder builder, ProblemSink problems)
            throws IOException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        int imported = 0;
        int lineNo = 0;
        java.util.List<Object[]> deferred = new java.util.ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (lineNo == 1 && line.toLowerCase(Locale.ROOT).startsWith("code\tterm")) {
                continue;
            }
            if (importLine(line, new Location(documentId, "line " + lineNo), builder, problems, deferred)) {
                imported++;
            }
        }
        for (Object[] d : deferred) {
            if (importLine((String) d[0], (Location) d[1], builder, problems, null)) {
                imported++;
            }
        }
        return imported;
    }

    private boolean importLine(String line, Location where, LexiconBuilder builder, ProblemSink problems,
            java.util.List<Object[]> deferred) {
        if (line.indexOf('\uFFFD') >= 0) {
            return bad(problems, "VOCAB-TSV-0007", where, "line is not valid UTF-8 (found undecodable bytes at"
                    + " char " + line.indexOf('\uFFFD') + "); expected UTF-8 text", line);
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4 && cols.length != 5) {
            return bad(problems, "VOCAB-TSV-0001", where, "found " + cols.length + " tab-separated column"
                    + (cols.length == 1 ? "" : "s") + ", expected " + EXPECTED_COLUMNS, line);
        }
        String code = cols[0].strip();
        String term = cols[1].strip();
        if (code.isEmpty() || term.isEmpty()) {
            return bad(problems, "VOCAB-TSV-0002", where, (code.isEmpty() ? "code" : "term")
                    + " is empty; expected a non-empty value in column " + (code.isEmpty() ? 1 : 2), line);
        }
        String system = CodeSystems.fromShortName(cols[2].strip());
        if (system == null) {
            return bad(problems, "VOCAB-TSV-0003", where, "unknown code system '" + cols[2].strip()
                    + "'; expected one of SNOMEDCT, RXNORM, LOINC, ICD10CM, CVX, UMLS, MEDSIFT", cols[2]);
        }
        SemanticGroup group = parseEnum(SemanticGroup.class, cols[3].strip());
        if (group == null) {
            return bad(problems, "VOCAB-TSV-0004", where, "unknown semantic group '" + cols[3].strip()
                    + "'; expected one of " + java.util.Arrays.toString(SemanticGroup.values()), cols[3]);
        }
        TermKind kind = TermKind.NAME;
        if (cols.length == 5 && !cols[4].isBlank()) {
            kind = parseEnum(TermKind.class, cols[4].strip());
            if (kind == null) {
                return bad(problems, "VOCAB-TSV-0005", where, "unknown term kind '" + cols[4].strip()
                        + "'; expected one of " + java.util.Arrays.toString(TermKind.values()), cols[4]);
            }
        }
        if (TermNormalizer.standard().words(term).isEmpty()) {
            return bad(problems, "VOCAB-TSV-0006", where, "term '" + term
                    + "' has no words after normalization; expected letters or digits", term);
        }
        String shortName = CodeSystems.shortName(system);
        String conceptId = system.equals(CodeSystems.MEDSIFT) ? "medsift:" + code : shortName + ":" + code;
        if (kind == TermKind.ABBREVIATION || kind == TermKind.AMBIGUOUS) {
            // a concept's preferred name becomes a NAME term, so concepts are created by name lines only
            if (builder.findByCode(system, code).isEmpty()) {
                if (deferred != null) {
                    deferred.add(new Object[] {line, where});
                    return false;
                }
                return bad(problems, "VOCAB-TSV-0009", where, kind + " '" + term + "' for " + conceptId
                        + ", which has no NAME or BRAND line; expected a name line for code " + code, line);
            }
        }
        LexiconBuilder.ConceptEntry concept = builder.concept(conceptId, term, group, sourceId);
        if (concept.group() != group) {
            problems.report(new Problem("VOCAB-TSV-0008", Severity.INFO, where, "concept " + conceptId
                    + " already has group " + concept.group() + "; line says " + group + " (term added to the "
                    + "existing concept)", cols[3]));
        }
        if (concept.codes().isEmpty()) {
            concept.addCode(new Code(system, code, term));
        }
        concept.addTerm(term, kind, sourceId);
        return true;
    }

    private static boolean bad(ProblemSink problems, String code, Location where, String message, String raw) {
        problems.report(new Problem(code, Severity.WARNING, where, message, raw));
        return false;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }
}
