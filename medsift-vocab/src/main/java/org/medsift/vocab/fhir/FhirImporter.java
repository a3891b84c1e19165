package org.medsift.vocab.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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
import org.medsift.vocab.internal.Json;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.load.Merge;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Imports a FHIR R4 {@code CodeSystem} (its {@code concept} tree) or an expanded {@code ValueSet} (its
 * {@code expansion.contains} tree), in JSON or XML (recognized by the first char). No FHIR library: a small JSON
 * reader and the JDK's XML parser with DTDs and external entities refused.
 *
 * <ul>
 *   <li>CodeSystem: every {@code concept} at any depth with a {@code code} and a {@code display} is a concept
 *   with code {@code (CodeSystem.url, code)}; its {@code designation.value}s in English (or without a language)
 *   are synonyms. ValueSet: every {@code contains} entry with {@code system}, {@code code} and {@code display}
 *   likewise (abstract entries included, they name groupings that notes mention).</li>
 *   <li>Id {@code <SHORTNAME>:<code>} for the systems of {@link CodeSystems} ({@code SNOMEDCT:22298006}),
 *   otherwise {@code <system url>|<code>}; a concept with the same code from an earlier source is joined.</li>
 *   <li>Group: SNOMED CT from the display's semantic tag when present; RxNorm and CVX {@code DRUG}; LOINC
 *   {@code LAB}; ICD-10-CM by chapter as the ICD-10-CM importer; otherwise the given default group.</li>
 * </ul>
 * Problems: {@code VOCAB-FHIR-0001} the file does not parse (nothing imported), {@code -0002} not a CodeSystem or
 * an expanded ValueSet, {@code -0003} an entry without code or display (located by its JSON path,
 * {@code concept[3].concept[0]}), {@code -0004} a CodeSystem without url (nothing imported).
 */
public final class FhirImporter {
    /** The source id of concepts and terms from FHIR resources. */
    public static final String SOURCE_ID = "fhir";
    private final SemanticGroup defaultGroup;

    /** @param defaultGroup the group of concepts of code systems with no known group */
    public FhirImporter(SemanticGroup defaultGroup) {
        this.defaultGroup = defaultGroup;
    }

    /** Registers the source (once, whatever the number of files) and imports one resource file. */
    public ImportReport importFile(Path file, LexiconBuilder builder, ProblemSink problems) throws IOException {
        builder.addSource(SOURCE_ID, "FHIR R4 CodeSystem concepts and expanded ValueSet contains");
        ImportReport report = new ImportReport(SOURCE_ID);
        String doc = file.getFileName().toString();
        Map<String, Object> resource;
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            if (text.startsWith("<")) {
                resource = fromXml(bytes);
            } else {
                Object o = Json.parse(text);
                resource = o instanceof Map ? cast(o) : null;
            }
        } catch (IllegalArgumentException | SAXException e) {
            return fail(problems, report, "VOCAB-FHIR-0001", doc, "", "file does not parse as FHIR JSON or XML: "
                    + e.getMessage());
        }
        String type = resource == null ? null : str(resource, "resourceType");
        if ("CodeSystem".equals(type)) {
            String url = str(resource, "url");
            if (url == null || url.isBlank()) {
                return fail(problems, report, "VOCAB-FHIR-0004", doc, "url", "CodeSystem has no url; expected the "
                        + "code system's canonical URL");
            }
            walk(list(resource, "concept"), "concept", url, builder, problems, doc, report);
        } else if ("ValueSet".equals(type) && resource.get("expansion") instanceof Map) {
            walk(list(cast(resource.get("expansion")), "contains"), "expansion.contains", null, builder, problems,
                    doc, report);
        } else {
            return fail(problems, report, "VOCAB-FHIR-0002", doc, "resourceType", "resource is "
                    + (type == null ? "not a FHIR resource" : "a " + type + ("ValueSet".equals(type)
                    ? " without expansion" : "")) + "; expected a CodeSystem or an expanded ValueSet");
        }
        return report;
    }

    private static ImportReport fail(ProblemSink problems, ImportReport report, String code, String doc, String path,
            String message) {
        report.drop("malformed");
        problems.report(new Problem(code, Severity.WARNING, new Location(doc, path), message, ""));
        return report;
    }

    private void walk(List<Object> entries, String path, String system, LexiconBuilder builder, ProblemSink problems,
            String doc, ImportReport report) {
        for (int i = 0; i < entries.size(); i++) {
            String here = path + "[" + i + "]";
            if (!(entries.get(i) instanceof Map)) {
                continue;
            }
            Map<String, Object> c = cast(entries.get(i));
            report.row();
            String sys = system != null ? system : str(c, "system");
            String code = str(c, "code");
            String display = str(c, "display");
            if (sys == null || code == null || code.isBlank() || display == null || display.isBlank()) {
                report.drop("malformed");
                problems.report(new Problem("VOCAB-FHIR-0003", Severity.WARNING, new Location(doc, here),
                        "entry without " + (sys == null ? "system" : code == null || code.isBlank() ? "code"
                        : "display") + "; expected system, code and display", String.valueOf(code)));
            } else if (!Merge.hasWords(display)) {
                report.drop("no words after normalization");
            } else {
                String shortName = CodeSystems.shortName(sys);
                String id = shortName.equals(sys) ? sys + "|" + code : shortName + ":" + code;
                ConceptEntry e = Merge.conceptFor(builder, id, display, group(sys, code, display), SOURCE_ID,
                        List.of(new Code(sys, code, display)), report);
                for (Object d : list(c, "designation")) {
                    if (d instanceof Map) {
                        Map<String, Object> dm = cast(d);
                        String lang = str(dm, "language");
                        String value = str(dm, "value");
                        if (value == null || value.isBlank()) {
                            continue;
                        }
                        if (lang != null && !lang.startsWith("en")) {
                            report.drop("designation language not en");
                            continue;
                        }
                        Merge.addTerm(e, value, TermKind.NAME, SOURCE_ID, report);
                    }
                }
            }
            walk(list(c, system != null ? "concept" : "contains"), here + (system != null ? ".concept"
                    : ".contains"), system, builder, problems, doc, report);
        }
    }

    private SemanticGroup group(String system, String code, String display) {
        switch (system) {
            case CodeSystems.SNOMED_CT: {
                String t = display.strip();
                int open = t.lastIndexOf('(');
                if (t.endsWith(")") && open > 0) {
                    SemanticGroup g = org.medsift.vocab.snomed.SnomedSemanticTags.group(
                            t.substring(open + 1, t.length() - 1).strip());
                    return g == SemanticGroup.OTHER ? defaultGroup : g;
                }
                return defaultGroup;
            }
            case CodeSystems.RXNORM: case CodeSystems.CVX: return SemanticGroup.DRUG;
            case CodeSystems.LOINC: return SemanticGroup.LAB;
            case CodeSystems.ICD10CM: {
                char c = code.isEmpty() ? ' ' : code.charAt(0);
                return c == 'R' ? SemanticGroup.FINDING : c >= 'V' && c <= 'Z' ? SemanticGroup.OTHER
                        : SemanticGroup.DISORDER;
            }
            default: return defaultGroup;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /** A value as a list: JSON arrays as they are, a single value as a list of one, nothing as empty. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : v instanceof List ? (List<Object>) v : List.of(v);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof List && ((List<?>) v).size() == 1) {
            v = ((List<?>) v).get(0);
        }
        return v instanceof String ? (String) v : null;
    }

    /**
     * FHIR XML to the JSON shape: an element with a {@code value} attribute and no element children is that
     * string; any other element is a map of its children; repeated children become lists.
     */
    private static Map<String, Object> fromXml(byte[] bytes) throws SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks a security feature: " + e.getMessage(), e);
        }
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder db;
        try {
            db = f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        db.setErrorHandler(null);
        Element root;
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            root = db.parse(in).getDocumentElement();
        }
        Map<String, Object> m = element(root);
        m.put("resourceType", root.getLocalName());
        return m;
    }

    private static Map<String, Object> element(Element e) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                Element c = (Element) n;
                Object v = hasElementChildren(c) || !c.hasAttribute("value") ? element(c) : c.getAttribute("value");
                Object old = m.get(c.getLocalName());
                if (old == null) {
                    m.put(c.getLocalName(), v);
                } else if (old instanceof ArrayList) {
                    @SuppressWarnings("unchecked")
                    List<Object> l = (List<Object>) old;
                    l.add(v);
                } else {
                    List<Object> l = new ArrayList<>();
                    l.add(old);
                    l.add(v);
                    m.put(c.getLocalName(), l);
                }
            }
        }
        return m;
    }

    private static boolean hasElementChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }
}
