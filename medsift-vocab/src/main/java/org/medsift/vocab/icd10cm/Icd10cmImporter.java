package org.medsift.vocab.icd10cm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.problem.Location;
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
 * Imports ICD-10-CM as released by CMS/NCHS: the order file ({@code icd10cm_order_YYYY.txt}) or the tabular XML
 * ({@code icd10cm_tabular_YYYY.xml}); the format is recognized by the file's first char ({@code <} for XML).
 *
 * <ul>
 *   <li>Order file, fixed width: order number (columns 1-5), code without dot (7-13), 1 for a valid billable code
 *   or 0 for a header (15), short description (17-76), long description (78 to the end). Every code is kept,
 *   headers included; the long description is the name (the short one is abbreviated, "Malig neoplm", and is
 *   not used).</li>
 *   <li>Tabular XML: every {@code diag} element's {@code name} (the code, with dot) and {@code desc} (the name);
 *   the {@code note}s of its {@code inclusionTerm} are synonyms. The XML parser refuses DTDs and external
 *   entities.</li>
 *   <li>One concept per code, id {@code ICD10CM:<code with dot>}, code {@code (ICD-10-CM, code)}; a concept with
 *   that code from an earlier source (a UMLS CUI with ICD10CM rows) is joined instead. Group by chapter: R
 *   (symptoms, signs, abnormal findings) {@code FINDING}; V-Y (external causes) and Z (factors influencing health
 *   status) {@code OTHER}; the rest {@code DISORDER}.</li>
 * </ul>
 * Problems: {@code VOCAB-ICD10CM-0001} a line too short for the layout, {@code -0002} not UTF-8, {@code -0003} a
 * field that is not what the layout holds (order number not digits, a malformed code, flag not 0 or 1, an empty
 * description), {@code -0004} XML that does not parse (the codes before the error are kept).
 */
public final class Icd10cmImporter {
    /** The source id of concepts and terms from ICD-10-CM. */
    public static final String SOURCE_ID = "icd10cm";

    /** Registers the source and imports an order file or a tabular XML file. */
    public ImportReport importFile(Path file, LexiconBuilder builder, ProblemSink problems) throws IOException {
        boolean xml;
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            xml = c == '<';
        }
        builder.addSource(SOURCE_ID, "ICD-10-CM " + (xml ? "tabular XML" : "order file") + " ("
                + file.getFileName() + ")");
        ImportReport report = new ImportReport(SOURCE_ID);
        if (xml) {
            importXml(file, builder, problems, report);
        } else {
            importOrderFile(file, builder, problems, report);
        }
        return report;
    }

    private static void importOrderFile(Path file, LexiconBuilder builder, ProblemSink problems, ImportReport report)
            throws IOException {
        try (LineReader in = new LineReader(file, problems, "VOCAB-ICD10CM-0002", report)) {
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                report.row();
                if (line.length() < 78) {
                    in.report("line has " + line.length() + " chars, expected at least 78 (order 1-5, code 7-13,"
                            + " flag 15, short description 17-76, long description from 78)", line,
                            "VOCAB-ICD10CM-0001");
                    continue;
                }
                String order = line.substring(0, 5).strip();
                String code = line.substring(6, 13).strip();
                char flag = line.charAt(14);
                String name = line.substring(77).strip();
                String why = !order.chars().allMatch(Character::isDigit) || order.isEmpty()
                        ? "order number '" + order + "' is not digits"
                        : !validCode(code) ? "code '" + code + "' is not an ICD-10-CM code (a letter, then 2 to 6"
                        + " letters or digits)"
                        : flag != '0' && flag != '1' ? "flag '" + flag + "' is not 0 or 1"
                        : name.isEmpty() ? "long description is empty" : null;
                if (why != null) {
                    in.report(why, line, "VOCAB-ICD10CM-0003");
                    continue;
                }
                add(withDot(code), name, List.of(), builder, report);
            }
        }
    }

    private static void importXml(Path file, LexiconBuilder builder, ProblemSink problems, ImportReport report)
            throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            Deque<String[]> diags = new ArrayDeque<>(); // code, desc
            Deque<List<String>> synonyms = new ArrayDeque<>();
            Deque<String> path = new ArrayDeque<>();
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        String parent = path.peek();
                        path.push(name);
                        if (name.equals("diag")) {
                            diags.push(new String[2]);
                            synonyms.push(new ArrayList<>());
                        } else if (!diags.isEmpty() && "diag".equals(parent) && name.equals("name")) {
                            diags.peek()[0] = r.getElementText().strip();
                            path.pop();
                        } else if (!diags.isEmpty() && "diag".equals(parent) && name.equals("desc")) {
                            diags.peek()[1] = r.getElementText().strip();
                            path.pop();
                        } else if (!diags.isEmpty() && "inclusionTerm".equals(parent) && name.equals("note")) {
                            synonyms.peek().add(r.getElementText().strip());
                            path.pop();
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        path.pop();
                        if (r.getLocalName().equals("diag")) {
                            String[] d = diags.pop();
                            List<String> syn = synonyms.pop();
                            report.row();
                            if (d[0] == null || !validCode(d[0].replace(".", "")) || d[1] == null || d[1].isEmpty()) {
                                report.drop("malformed");
                                problems.report(new Problem("VOCAB-ICD10CM-0003", Severity.WARNING, new Location(
                                        file.getFileName().toString(), "line " + r.getLocation().getLineNumber()),
                                        "diag without a valid name (code) or desc; found name '" + d[0] + "', desc '"
                                        + d[1] + "'", String.valueOf(d[0])));
                                continue;
                            }
                            add(d[0], d[1], syn, builder, report);
                        }
                    }
                }
            } catch (XMLStreamException e) {
                report.drop("malformed");
                problems.report(new Problem("VOCAB-ICD10CM-0004", Severity.WARNING, new Location(
                        file.getFileName().toString(), "line " + (e.getLocation() == null ? 0
                        : e.getLocation().getLineNumber())), "XML does not parse: " + e.getMessage()
                        + "; codes before this point are kept", ""));
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void add(String code, String name, List<String> synonyms, LexiconBuilder builder,
            ImportReport report) {
        if (!Merge.hasWords(name)) {
            report.drop("no words after normalization");
            return;
        }
        ConceptEntry e = Merge.conceptFor(builder, "ICD10CM:" + code, name, group(code), SOURCE_ID,
                List.of(new Code(CodeSystems.ICD10CM, code, name)), report);
        for (String s : synonyms) {
            Merge.addTerm(e, s, TermKind.NAME, SOURCE_ID, report);
        }
    }

    static SemanticGroup group(String code) {
        char c = code.charAt(0);
        if (c == 'R') {
            return SemanticGroup.FINDING;
        }
        return c >= 'V' && c <= 'Z' ? SemanticGroup.OTHER : SemanticGroup.DISORDER;
    }

    static boolean validCode(String code) {
        if (code.length() < 3 || code.length() > 7 || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** {@code A000 -> A00.0}; codes of three chars have no dot. */
    static String withDot(String code) {
        return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }
}
