package org.medsift.vocab.obo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Imports an ontology in OBO 1.4 flat-file format (HPO {@code hp.obo}, MONDO {@code mondo.obo}, Disease Ontology
 * {@code doid.obo}).
 *
 * <ul>
 *   <li>Each {@code [Term]} stanza with an {@code id} and a {@code name} is a concept, id as in the file
 *   ({@code HP:0001250}), code {@code (http://purl.obolibrary.org/obo/<PREFIX>, id)}. Stanzas with
 *   {@code is_obsolete: true} are dropped; other stanza types ({@code [Typedef]}) are skipped.</li>
 *   <li>Terms: the name, and {@code synonym: "text" SCOPE [TYPE] [xrefs]} lines of scope EXACT or RELATED
 *   (BROAD and NARROW synonyms name other concepts, and are dropped). A synonym whose type contains
 *   {@code abbreviation} is an {@link TermKind#ABBREVIATION}.</li>
 *   <li>Merge: {@code xref:} lines to the UMLS ({@code UMLS:C0036572}, {@code UMLS_CUI:C0036572}), SNOMED CT
 *   ({@code SNOMEDCT_US:...}, {@code SCTID:...}, {@code SNOMEDCT_US_2021_09_01:...}) and ICD-10-CM
 *   ({@code ICD10CM:...}) are codes the concept joins an earlier concept on; they are kept as codes.</li>
 *   <li>Group: by id prefix, HP {@code FINDING}, MONDO, DOID, ORPHANET and OMIM {@code DISORDER}; other prefixes
 *   the given default group.</li>
 * </ul>
 * Problems: {@code VOCAB-OBO-0001} a tag-value line without {@code ": "}, {@code -0002} not UTF-8, {@code -0003}
 * a stanza without an id or name (dropped), or a synonym line that is not {@code "text" SCOPE ...}.
 */
public final class OboImporter {
    /** The source id of concepts and terms from OBO files. */
    public static final String SOURCE_ID = "obo";
    private final SemanticGroup defaultGroup;

    /** @param defaultGroup the group of concepts whose id prefix is not HP, MONDO, DOID, ORPHANET or OMIM */
    public OboImporter(SemanticGroup defaultGroup) {
        this.defaultGroup = defaultGroup;
    }

    private static final class Stanza {
        String id;
        String name;
        boolean obsolete;
        int line;
        final List<String[]> synonyms = new ArrayList<>(); // text, kind
        final List<Code> xrefs = new ArrayList<>();
    }

    /** Registers the source (once, whatever the number of files) and imports one OBO file. */
    public ImportReport importFile(Path file, LexiconBuilder builder, ProblemSink problems) throws IOException {
        builder.addSource(SOURCE_ID, "OBO ontologies (HPO, MONDO, Disease Ontology): term names, EXACT and RELATED"
                + " synonyms, xrefs to UMLS, SNOMED CT and ICD-10-CM");
        ImportReport report = new ImportReport(SOURCE_ID);
        try (LineReader in = new LineReader(file, problems, "VOCAB-OBO-0002", report)) {
            Stanza current = null;
            boolean inTerm = false;
            String line;
            while ((line = in.next()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("!")) {
                    continue;
                }
                if (s.startsWith("[")) {
                    finish(current, builder, report, in);
                    current = null;
                    inTerm = s.equals("[Term]");
                    if (inTerm) {
                        current = new Stanza();
                        current.line = in.lineNumber();
                        report.row();
                    }
                    continue;
                }
                if (!inTerm) {
                    continue; // header and [Typedef]/[Instance] stanzas
                }
                int colon = s.indexOf(": ");
                if (colon <= 0) {
                    in.report("line is not 'tag: value'", line, "VOCAB-OBO-0001");
                    continue;
                }
                String tag = s.substring(0, colon);
                String value = stripComment(s.substring(colon + 2));
                switch (tag) {
                    case "id": current.id = value; break;
                    case "name": current.name = value; break;
                    case "is_obsolete": current.obsolete = value.equals("true"); break;
                    case "synonym": synonym(current, value, in, report); break;
                    case "xref": xref(current, value); break;
                    default: break;
                }
            }
            finish(current, builder, report, in);
        }
        return report;
    }

    private static String stripComment(String v) {
        int bang = v.indexOf(" ! ");
        return (bang >= 0 && !v.startsWith("\"") ? v.substring(0, bang) : v).strip();
    }

    private static void synonym(Stanza st, String value, LineReader in, ImportReport report) {
        int end = value.startsWith("\"") ? closingQuote(value) : -1;
        if (end < 0) {
            in.report("synonym is not '\"text\" SCOPE [TYPE] [xrefs]'", value, "VOCAB-OBO-0003");
            return;
        }
        String text = value.substring(1, end).replace("\\\"", "\"");
        String[] rest = value.substring(end + 1).strip().split("\\s+");
        String scope = rest.length > 0 ? rest[0] : "";
        if (!scope.equals("EXACT") && !scope.equals("RELATED")) {
            report.drop(scope.equals("BROAD") || scope.equals("NARROW") ? "synonym scope " + scope
                    : "synonym scope unknown");
            return;
        }
        boolean abbreviation = rest.length > 1 && !rest[1].startsWith("[")
                && rest[1].toLowerCase(Locale.ROOT).contains("abbreviation");
        st.synonyms.add(new String[] {text, abbreviation ? "A" : "N"});
    }

    private static int closingQuote(String v) {
        for (int i = 1; i < v.length(); i++) {
            if (v.charAt(i) == '\\') {
                i++;
            } else if (v.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private static void xref(Stanza st, String value) {
        String x = value.split("\\s+")[0];
        int colon = x.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String prefix = x.substring(0, colon).toUpperCase(Locale.ROOT);
        String local = x.substring(colon + 1);
        if (local.isEmpty()) {
            return;
        }
        if (prefix.equals("UMLS") || prefix.equals("UMLS_CUI")) {
            st.xrefs.add(new Code(CodeSystems.UMLS, local, ""));
        } else if (prefix.startsWith("SNOMEDCT") || prefix.equals("SCTID")) {
            st.xrefs.add(new Code(CodeSystems.SNOMED_CT, local, ""));
        } else if (prefix.equals("ICD10CM")) {
            st.xrefs.add(new Code(CodeSystems.ICD10CM, local, ""));
        }
    }

    private void finish(Stanza st, LexiconBuilder builder, ImportReport report, LineReader in) {
        if (st == null) {
            return;
        }
        if (st.id == null || st.name == null || st.id.isBlank() || st.name.isBlank()) {
            report.drop("malformed");
            in.problemAt(st.line, "[Term] stanza without " + (st.id == null ? "an id" : "a name")
                    + "; expected id: and name: lines", String.valueOf(st.id), "VOCAB-OBO-0003");
            return;
        }
        if (st.obsolete) {
            report.drop("obsolete term");
            return;
        }
        if (!Merge.hasWords(st.name)) {
            report.drop("no words after normalization");
            return;
        }
        int colon = st.id.indexOf(':');
        String prefix = colon > 0 ? st.id.substring(0, colon) : "OBO";
        List<Code> codes = new ArrayList<>();
        codes.add(new Code("http://purl.obolibrary.org/obo/" + prefix, st.id, st.name));
        codes.addAll(st.xrefs);
        ConceptEntry e = Merge.conceptFor(builder, st.id, st.name, group(prefix), SOURCE_ID, codes, report);
        for (String[] syn : st.synonyms) {
            Merge.addTerm(e, syn[0], syn[1].equals("A") ? TermKind.ABBREVIATION : TermKind.NAME, SOURCE_ID, report);
        }
    }

    private SemanticGroup group(String prefix) {
        switch (prefix.toUpperCase(Locale.ROOT)) {
            case "HP": return SemanticGroup.FINDING;
            case "MONDO": case "DOID": case "ORPHANET": case "OMIM": return SemanticGroup.DISORDER;
            default: return defaultGroup;
        }
    }
}
