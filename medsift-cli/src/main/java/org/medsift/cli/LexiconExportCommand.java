package org.medsift.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medsift.core.model.Code;
import org.medsift.core.model.SemanticGroup;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.vocab.ConceptInfo;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.TermInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medsift lexicon export --bsv FILE}: writes a lexicon as an Apache cTAKES BSV dictionary,
 * {@code CUI|TUI|term|preferred term}, one line per (concept, term), so that cTAKES can be run on the same terms.
 * cTAKES keeps only the last 7 digits of a CUI, so concepts get made-up CUIs {@code C0000001, C0000002, ...} in
 * lexicon order; {@code --codes} writes the mapping back to the concept ids and codes. TUIs come from the concept's
 * semantic group (see {@link #tui(SemanticGroup)}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports a lexicon as an Apache cTAKES BSV dictionary (CUI|TUI|term|preferred term).",
                "CUIs are made up (C0000001... in concept order; cTAKES keeps only 7 digits of a CUI);",
                "TUIs come from the semantic group. --codes writes CUI, TUI, concept id, group and codes."})
public final class LexiconExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bsv", required = true, paramLabel = "FILE", description = "The BSV file to write.")
    Path bsv;

    @Option(names = "--codes", paramLabel = "FILE", description = "Also write a TSV: cui, tui, concept id, group, "
            + "codes (system:code, space-separated).")
    Path codes;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "A compiled lexicon. Default: the embedded "
            + "default lexicon.")
    Path lexicon;

    @Override
    public Integer call() throws IOException {
        if (lexicon != null && !Files.isRegularFile(lexicon)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lexicon file not found: " + lexicon);
        }
        Lexicon lex = lexicon == null ? DefaultLexicon.get() : Lexicon.open(lexicon);
        if (lex.conceptCount() > 9_999_999) {
            throw new IllegalStateException("more than 9,999,999 concepts do not fit cTAKES' 7-digit CUIs");
        }
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(bsv, StandardCharsets.UTF_8);
                BufferedWriter cw = codes == null ? null : Files.newBufferedWriter(codes, StandardCharsets.UTF_8)) {
            w.write("// cTAKES BSV dictionary exported by 'medsift lexicon export' from " + lex.name() + " "
                    + lex.version() + "\n// CUI|TUI|term|preferred term ; CUIs are made up (C + concept index + 1)\n");
            if (cw != null) {
                cw.write("cui\ttui\tconcept\tgroup\tcodes\n");
            }
            for (int c = 0; c < lex.conceptCount(); c++) {
                ConceptInfo ci = lex.concept(c);
                String cui = cui(c);
                String tui = tui(ci.group());
                String preferred = clean(ci.preferredName());
                Set<String> seen = new LinkedHashSet<>();
                for (TermInfo t : lex.conceptTerms(c)) {
                    String term = clean(t.text());
                    if (!term.isEmpty() && seen.add(term.toLowerCase(Locale.ROOT))) {
                        w.write(cui + "|" + tui + "|" + term + "|" + preferred + "\n");
                        lines++;
                    }
                }
                if (cw != null) {
                    StringBuilder sb = new StringBuilder();
                    for (Code code : ci.codes()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(code.system()).append(':').append(code.code());
                    }
                    cw.write(cui + "\t" + tui + "\t" + ci.id() + "\t" + ci.group() + "\t" + sb + "\n");
                }
            }
        }
        spec.commandLine().getOut().println("concepts: " + lex.conceptCount());
        spec.commandLine().getOut().println("lines: " + lines);
        spec.commandLine().getOut().println("bsv: " + bsv.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The made-up CUI of the concept with this index: {@code C} and 7 digits. */
    static String cui(int conceptIndex) {
        return String.format(Locale.ROOT, "C%07d", conceptIndex + 1);
    }

    /**
     * A UMLS semantic type for a semantic group, chosen so that cTAKES files the mention under the matching class:
     * disorder T047 (Disease or Syndrome), finding T184 (Sign or Symptom), drug T200 (Clinical Drug), procedure
     * T061 (Therapeutic or Preventive Procedure), lab T059 (Laboratory Procedure), anatomy T023 (Body Part, Organ,
     * or Organ Component), device T074 (Medical Device), substance T167 (Substance), observation and other T033
     * (Finding).
     */
    static String tui(SemanticGroup g) {
        return switch (g) {
            case DISORDER -> "T047";
            case FINDING -> "T184";
            case DRUG -> "T200";
            case PROCEDURE -> "T061";
            case LAB -> "T059";
            case ANATOMY -> "T023";
            case DEVICE -> "T074";
            case SUBSTANCE -> "T167";
            case OBSERVATION, OTHER -> "T033";
        };
    }

    /** A term as one BSV field: no bar, no line break, single spaces. */
    private static String clean(String s) {
        return s.replace('|', ' ').replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').trim()
                .replaceAll(" {2,}", " ");
    }
}
