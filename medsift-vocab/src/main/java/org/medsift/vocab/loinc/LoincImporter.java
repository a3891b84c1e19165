package org.medsift.vocab.loinc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Imports LOINC's {@code Loinc.csv} (the LOINC table as released: comma-separated, every field in double quotes,
 * {@code ""} for a quote, a header row naming the columns). Columns are found by header name, so releases that
 * add columns still load.
 *
 * <ul>
 *   <li>Columns used: {@code LOINC_NUM}, {@code LONG_COMMON_NAME} (the preferred name), {@code SHORTNAME},
 *   {@code CONSUMER_NAME}, {@code RELATEDNAMES2}, {@code STATUS}, {@code CLASSTYPE}.</li>
 *   <li>Kept: STATUS ACTIVE, TRIAL or DISCOURAGED; DEPRECATED terms are dropped.</li>
 *   <li>Group: CLASSTYPE 1 (laboratory) {@code LAB}; 2 (clinical), 3 (claims attachments) and 4 (surveys)
 *   {@code OBSERVATION}.</li>
 *   <li>Terms: long common name, short name, consumer name. {@code RELATEDNAMES2} lists synonyms of the parts of
 *   the name ("Bld; Blood; Ser; Serum"), which would flood matching with single words, so its entries are
 *   only kept with {@link #withRelatedNames()}, and then only those of two or more words.</li>
 *   <li>One concept per LOINC number, id {@code LOINC:<num>}, code {@code (LOINC, num)}; a concept with that code
 *   from an earlier source (a UMLS CUI with LNC rows) is joined instead.</li>
 * </ul>
 * Problems: {@code VOCAB-LOINC-0001} a row with another number of fields than the header (or an unclosed quote),
 * {@code -0002} not UTF-8, {@code -0003} empty LOINC_NUM or LONG_COMMON_NAME, {@code -0004} a header without a
 * required column (nothing is imported).
 */
public final class LoincImporter {
    /** The source id of concepts and terms from LOINC. */
    public static final String SOURCE_ID = "loinc";
    private final boolean relatedNames;

    private LoincImporter(boolean relatedNames) {
        this.relatedNames = relatedNames;
    }

    /** Long common name, short name and consumer name. */
    public static LoincImporter standard() {
        return new LoincImporter(false);
    }

    /** As {@link #standard()}, plus the multi-word entries of RELATEDNAMES2. */
    public static LoincImporter withRelatedNames() {
        return new LoincImporter(true);
    }

    /** Registers the source and imports {@code Loinc.csv}. */
    public ImportReport importFile(Path file, LexiconBuilder builder, ProblemSink problems) throws IOException {
        builder.addSource(SOURCE_ID, "LOINC table (" + file.getFileName() + "): LONG_COMMON_NAME, SHORTNAME, "
                + "CONSUMER_NAME" + (relatedNames ? ", RELATEDNAMES2" : ""));
        ImportReport report = new ImportReport(SOURCE_ID);
        try (LineReader in = new LineReader(file, problems, "VOCAB-LOINC-0002", report)) {
            String header = in.next();
            if (header == null) {
                return report;
            }
            List<String> names = parse(header);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; names != null && i < names.size(); i++) {
                col.put(names.get(i).toUpperCase(Locale.ROOT), i);
            }
            for (String required : new String[] {"LOINC_NUM", "LONG_COMMON_NAME", "STATUS", "CLASSTYPE"}) {
                if (!col.containsKey(required)) {
                    in.report("header has no column " + required + "; expected the Loinc.csv header (LOINC_NUM,"
                            + " COMPONENT, ..., LONG_COMMON_NAME, ...)", header, "VOCAB-LOINC-0004");
                    return report;
                }
            }
            String line;
            while ((line = in.next()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                int startLine = in.lineNumber();
                List<String> f = parse(line);
                while (f == null) { // a quoted field goes on over the line break
                    String more = in.next();
                    if (more == null) {
                        break;
                    }
                    line = line + "\n" + more;
                    f = parse(line);
                }
                report.row();
                if (f == null || f.size() != names.size()) {
                    in.report((f == null ? "unclosed quote" : "found " + f.size() + " fields") + " in the row"
                            + " starting at line " + startLine + ", expected " + names.size() + " (as the header)",
                            line, "VOCAB-LOINC-0001");
                    continue;
                }
                String num = f.get(col.get("LOINC_NUM")).strip();
                String name = f.get(col.get("LONG_COMMON_NAME")).strip();
                if (num.isEmpty() || name.isEmpty()) {
                    in.report((num.isEmpty() ? "LOINC_NUM" : "LONG_COMMON_NAME") + " is empty; expected a value",
                            line, "VOCAB-LOINC-0003");
                    continue;
                }
                String status = f.get(col.get("STATUS")).strip().toUpperCase(Locale.ROOT);
                if (status.equals("DEPRECATED")) {
                    report.drop("STATUS DEPRECATED");
                    continue;
                }
                if (!Merge.hasWords(name)) {
                    report.drop("no words after normalization");
                    continue;
                }
                SemanticGroup group = "1".equals(f.get(col.get("CLASSTYPE")).strip()) ? SemanticGroup.LAB
                        : SemanticGroup.OBSERVATION;
                ConceptEntry e = Merge.conceptFor(builder, "LOINC:" + num, name, group, SOURCE_ID,
                        List.of(new Code(CodeSystems.LOINC, num, name)), report);
                for (String c : new String[] {"SHORTNAME", "CONSUMER_NAME"}) {
                    Integer i = col.get(c);
                    if (i != null && !f.get(i).isBlank()) {
                        Merge.addTerm(e, f.get(i).strip(), TermKind.NAME, SOURCE_ID, report);
                    }
                }
                Integer related = col.get("RELATEDNAMES2");
                if (relatedNames && related != null) {
                    for (String r : f.get(related).split(";")) {
                        String t = r.strip();
                        if (t.indexOf(' ') > 0) {
                            Merge.addTerm(e, t, TermKind.NAME, SOURCE_ID, report);
                        } else if (!t.isEmpty()) {
                            report.drop("RELATEDNAMES2 entry of one word");
                        }
                    }
                }
            }
        }
        return report;
    }

    /** The fields of a CSV record, or {@code null} when a quoted field is not closed on this text. */
    static List<String> parse(String s) {
        List<String> out = new ArrayList<>(40);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            sb.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                while (i < n && s.charAt(i) != ',') {
                    sb.append(s.charAt(i++)); // text after the closing quote: kept as is
                }
            } else {
                while (i < n && s.charAt(i) != ',') {
                    sb.append(s.charAt(i++));
                }
            }
            out.add(sb.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
