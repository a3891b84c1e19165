package org.medsift.vocab.rxnorm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.LexiconBuilder.ConceptEntry;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.load.Merge;
import org.medsift.vocab.umls.ConsoReader;
import org.medsift.vocab.umls.ConsoRow;

/**
 * Imports an RxNorm release in RRF: {@code RXNCONSO.RRF} (in the given directory or its {@code rrf}
 * subdirectory), the same 18-column layout as the UMLS {@code MRCONSO.RRF}.
 *
 * <ul>
 *   <li>Rows kept: SAB = RXNORM (RXNCONSO also carries other sources' atoms), SUPPRESS = N, LAT = ENG, and a TTY in
 *   {@link #TTYS}: ingredients (IN, PIN, MIN), brand names (BN), clinical and branded drugs and their components,
 *   forms and groups (SCD, SBD, SCDC, SBDC, SCDF, SBDF, SCDG, SBDG), packs (GPCK, BPCK) and synonyms (SY, TMSY,
 *   PSN). Dose forms (DF, DFG) and entry terms (ET) are dropped: they are not drugs.</li>
 *   <li>One concept per RXCUI, id {@code RXNORM:<RXCUI>}, group {@code DRUG}, code {@code (RXNORM, RXCUI)}; a
 *   concept with that code from an earlier source (a UMLS CUI with RXNORM rows) is joined instead.</li>
 *   <li>Preferred name: the first row whose TTY is not a synonym type (SY, TMSY, PSN); BN rows are
 *   {@link TermKind#BRAND}.</li>
 * </ul>
 * Problems: {@code VOCAB-RXNORM-0001} wrong field count, {@code -0002} not UTF-8, {@code -0003} empty RXCUI or STR.
 */
public final class RxNormImporter {
    /** The source id of concepts and terms from RxNorm. */
    public static final String SOURCE_ID = "rxnorm";
    /** Term types kept. */
    public static final Set<String> TTYS = Set.of("IN", "PIN", "MIN", "BN", "SCD", "SBD", "SCDC", "SBDC", "SCDF",
            "SBDF", "SCDG", "SBDG", "GPCK", "BPCK", "SY", "TMSY", "PSN");
    private static final Set<String> SYNONYM_TTYS = Set.of("SY", "TMSY", "PSN");

    /** {@code RXNCONSO.RRF} in {@code dir} or {@code dir/rrf}. */
    public static Path locate(Path dir) {
        Path p = dir.resolve("RXNCONSO.RRF");
        return Files.exists(p) || !Files.exists(dir.resolve("rrf/RXNCONSO.RRF")) ? p : dir.resolve("rrf/RXNCONSO.RRF");
    }

    /** Registers the source and imports {@code RXNCONSO.RRF} of the release in {@code dir}. */
    public ImportReport importDir(Path dir, LexiconBuilder builder, ProblemSink problems, LongConsumer progress)
            throws IOException {
        Path conso = locate(dir);
        if (!Files.isRegularFile(conso)) {
            throw new NoSuchFileException(conso.toString(), null, "no RXNCONSO.RRF in " + dir + " or "
                    + dir.resolve("rrf"));
        }
        builder.addSource(SOURCE_ID, "RxNorm RRF (RXNCONSO.RRF, SAB=RXNORM, TTY " + new java.util.TreeSet<>(TTYS)
                + ")");
        ImportReport report = new ImportReport(SOURCE_ID);
        new ConsoReader("VOCAB-RXNORM").read(conso, problems, report, rows -> concept(rows, builder, report),
                progress);
        return report;
    }

    private static void concept(List<ConsoRow> rows, LexiconBuilder builder, ImportReport report) {
        List<ConsoRow> kept = new ArrayList<>(rows.size());
        ConsoRow preferred = null;
        for (ConsoRow r : rows) {
            String why = !"RXNORM".equals(r.sab()) ? "SAB is not RXNORM"
                    : !"ENG".equals(r.lat()) ? "LAT is not ENG"
                    : !"N".equals(r.suppress()) && !r.suppress().isEmpty() ? "suppressed (SUPPRESS=" + r.suppress() + ")"
                    : !TTYS.contains(r.tty()) ? "TTY " + r.tty() + " not kept"
                    : !Merge.hasWords(r.str()) ? "no words after normalization" : null;
            if (why != null) {
                report.drop(why);
                continue;
            }
            kept.add(r);
            if (preferred == null || SYNONYM_TTYS.contains(preferred.tty()) && !SYNONYM_TTYS.contains(r.tty())) {
                preferred = r;
            }
        }
        if (preferred == null) {
            return;
        }
        Code code = new Code(CodeSystems.RXNORM, preferred.cui(), preferred.str());
        ConceptEntry e = Merge.conceptFor(builder, "RXNORM:" + preferred.cui(), preferred.str(), SemanticGroup.DRUG,
                SOURCE_ID, List.of(code), report);
        for (ConsoRow r : kept) {
            if (r != preferred) {
                e.addTerm(r.str(), "BN".equals(r.tty()) ? TermKind.BRAND : TermKind.NAME, SOURCE_ID);
                report.term();
            }
        }
    }
}
