package org.medsift.io.ccda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ClinicalEntry;
import org.medsift.core.record.EntryKind;
import org.medsift.core.record.PatientInfo;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.SourceRef;
import org.medsift.core.record.TextPiece;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads C-CDA documents. Immutable and thread-safe (one parser factory per read).
 *
 * <pre>{@code
 * ReadResult r = CcdaReader.create().read("ccd.xml", bytes);
 * r.entries();  // Condition, AllergyIntolerance ... entries with XPath provenance
 * r.texts();    // one text per section narrative
 * }</pre>
 */
public final class CcdaReader {
    public static final String FORMAT = "ccda";
    /** Largest file read, in bytes (32 MiB). */
    public static final int MAX_BYTES = 32 << 20;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 256;
    static final String V3 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final Map<String, EntryKind> TEMPLATES = Map.ofEntries(
            Map.entry("2.16.840.1.113883.10.20.22.4.4", EntryKind.CONDITION),
            Map.entry("2.16.840.1.113883.10.20.22.4.7", EntryKind.ALLERGY),
            Map.entry("2.16.840.1.113883.10.20.22.4.16", EntryKind.MEDICATION_STATEMENT),
            Map.entry("2.16.840.1.113883.10.20.22.4.2", EntryKind.OBSERVATION),
            Map.entry("2.16.840.1.113883.10.20.22.4.27", EntryKind.OBSERVATION),
            Map.entry("2.16.840.1.113883.10.20.22.4.14", EntryKind.PROCEDURE),
            Map.entry("2.16.840.1.113883.10.20.22.4.12", EntryKind.PROCEDURE),
            Map.entry("2.16.840.1.113883.10.20.22.4.13", EntryKind.PROCEDURE),
            Map.entry("2.16.840.1.113883.10.20.22.4.52", EntryKind.IMMUNIZATION),
            Map.entry("2.16.840.1.113883.10.20.22.4.49", EntryKind.ENCOUNTER));

    private static final Map<String, String> OIDS = Map.ofEntries(
            Map.entry("2.16.840.1.113883.6.96", CodeSystems.SNOMED_CT), Map.entry("2.16.840.1.113883.6.1", CodeSystems.LOINC),
            Map.entry("2.16.840.1.113883.6.88", CodeSystems.RXNORM), Map.entry("2.16.840.1.113883.12.292", CodeSystems.CVX),
            Map.entry("2.16.840.1.113883.6.90", CodeSystems.ICD10CM),
            Map.entry("2.16.840.1.113883.6.103", "http://hl7.org/fhir/sid/icd-9-cm"),
            Map.entry("2.16.840.1.113883.6.12", "http://www.ama-assn.org/go/cpt"),
            Map.entry("2.16.840.1.113883.6.69", "http://hl7.org/fhir/sid/ndc"),
            Map.entry("2.16.840.1.113883.6.8", "http://unitsofmeasure.org"),
            Map.entry("2.16.840.1.113883.6.4", "http://www.cms.gov/Medicare/Coding/ICD10"));

    private CcdaReader() {
    }

    public static CcdaReader create() {
        return new CcdaReader();
    }

    /**
     * True when the first 4 KiB hold an element {@code ClinicalDocument}, the CDA namespace, or (for fragments) a
     * {@code templateId} element, in XML.
     */
    public static boolean sniff(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1);
        return s.contains("<ClinicalDocument") || s.contains(":ClinicalDocument") || s.contains("urn:hl7-org:v3")
                || (s.stripLeading().startsWith("<") && s.contains("<templateId"));
    }

    /** The URI of a code system OID ({@code urn:oid:OID} when not a known FHIR system). */
    public static String system(String oid) {
        String known = OIDS.get(oid);
        return known != null ? known : "urn:oid:" + oid;
    }

    public ReadResult read(String file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem("CCDA-0005", Severity.ERROR, Location.of(file), "file of " + bytes.length
                    + " bytes is larger than " + MAX_BYTES + "; not read", ""));
            return new ReadResult(FORMAT, file, 0, List.of(), List.of(), List.of(), problems);
        }
        Document doc;
        boolean wrapped = false;
        try {
            try {
                doc = builder().parse(new ByteArrayInputStream(bytes));
            } catch (SAXParseException first) {
                byte[] w = wrapFragment(bytes);
                if (w == null || String.valueOf(first.getMessage()).contains("DOCTYPE")) {
                    throw first;
                }
                try {
                    doc = builder().parse(new ByteArrayInputStream(w));
                    wrapped = true;
                } catch (SAXParseException second) {
                    throw first;
                }
            }
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage());
            boolean doctype = msg.contains("DOCTYPE");
            boolean depth = msg.contains("maxElementDepth") || msg.contains("depth");
            String code = doctype ? "CCDA-0002" : depth ? "CCDA-0003" : "CCDA-0001";
            String what = doctype ? "a DOCTYPE declaration (DTDs and external entities are refused)"
                    : depth ? "elements nested deeper than " + MAX_DEPTH : "not well-formed XML: " + msg;
            problems.add(new Problem(code, Severity.ERROR, new Location(file, e.getLineNumber() + ":"
                    + e.getColumnNumber()), "the document has " + what + "; not read", ""));
            return new ReadResult(FORMAT, file, 0, List.of(), List.of(), List.of(), problems);
        } catch (SAXException | IOException e) {
            problems.add(new Problem("CCDA-0001", Severity.ERROR, Location.of(file), "not readable as XML: "
                    + e.getMessage() + "; not read", ""));
            return new ReadResult(FORMAT, file, 0, List.of(), List.of(), List.of(), problems);
        }
        Element root = doc.getDocumentElement();
        if (root.getNamespaceURI() == null && !wrapped) {
            byte[] w = wrapFragment(bytes);
            if (w != null) {
                try {
                    root = builder().parse(new ByteArrayInputStream(w)).getDocumentElement();
                    wrapped = true;
                } catch (SAXException | IOException e) {
                    // keep the unwrapped root: reported below
                }
            }
        }
        if (!V3.equals(root.getNamespaceURI())) {
            problems.add(new Problem("CCDA-0004", Severity.ERROR, new Location(file, "/" + root.getNodeName()),
                    "the root element is " + root.getNodeName() + " in " + root.getNamespaceURI()
                            + "; expected ClinicalDocument in " + V3 + "; not read", ""));
            return new ReadResult(FORMAT, file, 0, List.of(), List.of(), List.of(), problems);
        }
        if (wrapped || !"ClinicalDocument".equals(root.getLocalName())) {
            problems.add(new Problem("CCDA-0011", Severity.INFO, new Location(file, "/" + (wrapped ? "" : root.getLocalName())),
                    "a C-CDA fragment (" + (wrapped ? "several top-level elements or undeclared prefixes" : "root "
                            + root.getLocalName()) + "), not a ClinicalDocument: sections and entries read, no header",
                    ""));
            return new Run(file, problems).readFragment(root, wrapped ? "" : "/" + root.getLocalName());
        }
        return new Run(file, problems).read(root);
    }

    /**
     * Wraps a fragment (a section or entry example: several top-level elements, undeclared {@code xsi} / {@code sdtc}
     * prefixes, no namespace) in a root that declares the CDA namespaces; null when the input holds a DOCTYPE, an
     * ENTITY declaration or a ClinicalDocument (those are not fragments).
     */
    static byte[] wrapFragment(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.contains("<!DOCTYPE") || s.contains("<!ENTITY") || s.contains("<ClinicalDocument")) {
            return null;
        }
        s = s.replaceFirst("^\\uFEFF", "").replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        return ("<fragment xmlns=\"" + V3 + "\" xmlns:xsi=\"" + XSI + "\" xmlns:sdtc=\"urn:hl7-org:sdtc\" "
                + "xmlns:voc=\"urn:hl7-org:v3/voc\">" + s + "</fragment>").getBytes(StandardCharsets.UTF_8);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    /** One read; not shared. */
    private static final class Run {
        final String file;
        final List<Problem> problems;
        final List<ClinicalEntry> entries = new ArrayList<>();
        final List<RecordText> texts = new ArrayList<>();
        final Map<String, PatientInfo> patients = new LinkedHashMap<>();
        String patientKey = "";
        String docDate = "";

        Run(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        ReadResult read(Element root) {
            docDate = attr(child(root, "effectiveTime"), "value");
            Element role = path(root, "recordTarget", "patientRole");
            if (role == null) {
                problems.add(new Problem("CCDA-0006", Severity.WARNING, new Location(file,
                        "/ClinicalDocument/recordTarget"), "no recordTarget/patientRole; the patient is keyed by "
                        + "the file", ""));
                patientKey = file;
            } else {
                patient(role);
            }
            Element enc = path(root, "componentOf", "encompassingEncounter");
            if (enc != null) {
                entries.add(ClinicalEntry.builder(EntryKind.ENCOUNTER, file + "#/ClinicalDocument/componentOf",
                        SourceRef.of(file, "/ClinicalDocument/componentOf/encompassingEncounter"))
                        .patientKey(patientKey).codes(codes(child(enc, "code")))
                        .effective(low(child(enc, "effectiveTime"))).build());
            }
            Element component = child(root, "component");
            Element structured = child(component, "structuredBody");
            Element nonXml = child(component, "nonXMLBody");
            if (structured != null) {
                walkSections(structured, "/ClinicalDocument/component/structuredBody");
            } else if (nonXml != null) {
                nonXml(child(nonXml, "text"));
            } else {
                problems.add(new Problem("CCDA-0007", Severity.WARNING, new Location(file, "/ClinicalDocument/component"),
                        "no structuredBody or nonXMLBody; header only", ""));
            }
            return new ReadResult(FORMAT, file, 1, new ArrayList<>(patients.values()), entries, texts, problems);
        }

        ReadResult readFragment(Element root, String xpath) {
            patientKey = file;
            fragment(root, xpath, 0);
            return new ReadResult(FORMAT, file, 1, List.of(), entries, texts, problems);
        }

        void fragment(Element e, String xpath, int depth) {
            if ("section".equals(e.getLocalName())) {
                section(e, xpath.isEmpty() ? "/section" : xpath);
                return;
            }
            EntryKind kind = kind(e);
            if (kind != null) {
                entry(e, kind, xpath);
                entries(e, xpath, 0);
                return;
            }
            if (depth > 40) {
                return;
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    int k = seen.merge(c.getLocalName(), 1, Integer::sum);
                    fragment(c, xpath + "/" + c.getLocalName() + "[" + k + "]", depth + 1);
                }
            }
        }

        void patient(Element role) {
            Element id = child(role, "id");
            String root = attr(id, "root");
            String ext = attr(id, "extension");
            patientKey = ext.isEmpty() ? (root.isEmpty() ? file : root) : (root.isEmpty() ? "" : root + "|") + ext;
            Element p = child(role, "patient");
            Element name = child(p, "name");
            StringBuilder given = new StringBuilder();
            String family = "";
            if (name != null) {
                for (Node n = name.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && "given".equals(e.getLocalName())) {
                        given.append(given.length() > 0 ? " " : "").append(e.getTextContent().trim());
                    } else if (n instanceof Element e && "family".equals(e.getLocalName()) && family.isEmpty()) {
                        family = e.getTextContent().trim();
                    }
                }
            }
            String g = attr(child(p, "administrativeGenderCode"), "code");
            String gender = switch (g) {
                case "M" -> "male";
                case "F" -> "female";
                case "UN" -> "other";
                default -> "";
            };
            patients.put(patientKey, new PatientInfo(patientKey, root.isEmpty() ? "" : "urn:oid:" + root, ext,
                    family, given.toString(), date(attr(child(p, "birthTime"), "value")), gender,
                    SourceRef.of(file, "/ClinicalDocument/recordTarget/patientRole")));
        }

        void walkSections(Element parent, String xpath) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element c) || !"component".equals(c.getLocalName())) {
                    continue;
                }
                int k = seen.merge("component", 1, Integer::sum);
                Element section = child(c, "section");
                if (section != null) {
                    section(section, xpath + "/component[" + k + "]/section");
                }
            }
        }

        void section(Element section, String xpath) {
            String title = child(section, "title") == null ? "" : child(section, "title").getTextContent().trim();
            Element text = child(section, "text");
            if (text != null) {
                StringBuilder sb = new StringBuilder();
                narrative(text, sb);
                String t = tidy(sb);
                if (!t.isBlank()) {
                    String id = file + "#" + xpath + "/text";
                    SourceRef ref = SourceRef.of(file, xpath + "/text");
                    texts.add(new RecordText(id, t, patientKey, title, docDate, ref,
                            List.of(new TextPiece(0, t.length(), ref))));
                }
            }
            int k = 0;
            for (Node n = section.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "entry".equals(e.getLocalName())) {
                    k++;
                    entries(e, xpath + "/entry[" + k + "]", 0);
                }
            }
            walkSections(section, xpath);
        }

        /** Finds template-identified acts anywhere under an entry; the first recognized template wins per element. */
        void entries(Element e, String xpath, int depth) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element c)) {
                    continue;
                }
                String p = xpath + "/" + c.getLocalName() + "[" + seen.merge(c.getLocalName(), 1, Integer::sum) + "]";
                EntryKind kind = kind(c);
                if (kind != null) {
                    entry(c, kind, p);
                }
                if (depth < 12) {
                    entries(c, p, depth + 1);
                }
            }
        }

        EntryKind kind(Element e) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element t && "templateId".equals(t.getLocalName())) {
                    EntryKind k = TEMPLATES.get(t.getAttribute("root"));
                    if (k != null) {
                        return k;
                    }
                }
            }
            return null;
        }

        void entry(Element e, EntryKind kind, String xpath) {
            ClinicalEntry.Builder b = ClinicalEntry.builder(kind, file + "#" + xpath, SourceRef.of(file, xpath))
                    .patientKey(patientKey).status(attr(child(e, "statusCode"), "code"))
                    .effective(low(child(e, "effectiveTime")));
            Element value = child(e, "value");
            switch (kind) {
                case CONDITION -> b.codes(codes(value)).text(display(value));
                case ALLERGY -> {
                    Element substance = path(e, "participant", "participantRole", "playingEntity", "code");
                    b.codes(codes(substance)).text(display(substance)).valueCodes(codes(value));
                }
                case MEDICATION_STATEMENT, IMMUNIZATION -> {
                    Element drug = path(e, "consumable", "manufacturedProduct", "manufacturedMaterial", "code");
                    b.codes(codes(drug)).text(display(drug));
                    if (kind == EntryKind.IMMUNIZATION && "true".equals(e.getAttribute("negationInd"))) {
                        b.status("not-done");
                    }
                }
                case OBSERVATION -> {
                    Element code = child(e, "code");
                    b.codes(codes(code)).text(display(code));
                    if (value != null) {
                        String type = value.getAttributeNS(XSI, "type");
                        type = type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
                        b.valueType(type);
                        String v = attr(value, "value");
                        if (type.equals("PQ") || type.equals("INT") || type.equals("REAL")) {
                            b.value(v).unit(attr(value, "unit"));
                            if (!v.isEmpty()) {
                                try {
                                    b.numeric(OptionalDouble.of(Double.parseDouble(v)));
                                } catch (NumberFormatException ex) {
                                    problems.add(new Problem("CCDA-0008", Severity.WARNING, new Location(file,
                                            xpath + "/value/@value"), "value '" + v + "' of type " + type
                                            + " is not a number; kept raw", v));
                                }
                            }
                        } else if (type.equals("CD") || type.equals("CE") || type.equals("CO")) {
                            b.valueCodes(codes(value)).value(display(value));
                        } else {
                            b.value(v.isEmpty() ? value.getTextContent().trim() : v);
                        }
                    }
                    Element range = path(e, "referenceRange", "observationRange");
                    if (range != null) {
                        Element rt = child(range, "text");
                        Element rv = child(range, "value");
                        String r = rt != null && !rt.getTextContent().isBlank() ? rt.getTextContent().trim()
                                : rv == null ? "" : (attr(child(rv, "low"), "value") + "-" + attr(child(rv, "high"), "value"));
                        b.referenceRange(r.equals("-") ? "" : r);
                    }
                    b.interpretation(attr(child(e, "interpretationCode"), "code"));
                }
                case PROCEDURE, ENCOUNTER -> {
                    Element code = child(e, "code");
                    b.codes(codes(code)).text(display(code));
                }
                default -> { }
            }
            entries.add(b.build());
        }

        void nonXml(Element text) {
            if (text == null) {
                return;
            }
            String media = text.getAttribute("mediaType");
            String xpath = "/ClinicalDocument/component/nonXMLBody/text";
            String body = text.getTextContent();
            if ("B64".equals(text.getAttribute("representation"))) {
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder().decode(body.trim());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("CCDA-0009", Severity.WARNING, new Location(file, xpath),
                            "base64 content does not decode: " + e.getMessage(), ""));
                    return;
                }
                if (!media.isEmpty() && !media.startsWith("text/")) {
                    problems.add(new Problem("CCDA-0010", Severity.INFO, new Location(file, xpath),
                            "unstructured body of type " + media + " (" + bytes.length + " bytes) is not text; "
                                    + "not extracted", ""));
                    return;
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (!body.isBlank()) {
                SourceRef ref = SourceRef.of(file, xpath);
                texts.add(new RecordText(file + "#" + xpath, body, patientKey, "unstructured document", docDate, ref,
                        List.of(new TextPiece(0, body.length(), ref))));
            }
        }
    }

    /** Narrative to plain text: character data, line breaks after blocks, tabs between table cells. */
    static void narrative(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String t = n.getNodeValue().replaceAll("\\s+", " ");
                if (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n' || sb.charAt(sb.length() - 1) == '\t') {
                    t = t.stripLeading();
                }
                sb.append(t);
            } else if (n instanceof Element e) {
                String name = e.getLocalName();
                if ("br".equals(name)) {
                    sb.append('\n');
                    continue;
                }
                if ("footnoteRef".equals(name) || "renderMultiMedia".equals(name)) {
                    continue;
                }
                narrative(e, sb);
                switch (name) {
                    case "paragraph", "item", "tr", "caption", "list", "table", "thead", "tbody" -> newline(sb);
                    case "td", "th" -> sb.append('\t');
                    default -> { }
                }
            }
        }
    }

    private static void newline(StringBuilder sb) {
        int k = sb.length();
        while (k > 0 && (sb.charAt(k - 1) == ' ' || sb.charAt(k - 1) == '\t')) {
            k--;
        }
        sb.setLength(k);
        if (k > 0 && sb.charAt(k - 1) != '\n') {
            sb.append('\n');
        }
    }

    private static String tidy(StringBuilder sb) {
        return sb.toString().strip();
    }

    static Element child(Element e, String local) {
        if (e == null) {
            return null;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    static Element path(Element e, String... names) {
        Element cur = e;
        for (String n : names) {
            cur = child(cur, n);
        }
        return cur;
    }

    static String attr(Element e, String name) {
        return e == null ? "" : e.getAttribute(name).trim();
    }

    static String low(Element time) {
        if (time == null) {
            return "";
        }
        String v = attr(time, "value");
        return v.isEmpty() ? attr(child(time, "low"), "value") : v;
    }

    static String display(Element code) {
        if (code == null) {
            return "";
        }
        String d = attr(code, "displayName");
        if (d.isEmpty()) {
            Element ot = child(code, "originalText");
            if (ot != null && child(ot, "reference") == null) {
                d = ot.getTextContent().trim();
            }
        }
        return d;
    }

    static List<Code> codes(Element code) {
        List<Code> out = new ArrayList<>(2);
        if (code == null) {
            return out;
        }
        add(out, code);
        for (Node n = code.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element t && "translation".equals(t.getLocalName())) {
                add(out, t);
            }
        }
        return out;
    }

    private static void add(List<Code> out, Element c) {
        String v = attr(c, "code");
        String sys = attr(c, "codeSystem");
        if (!v.isEmpty() && !sys.isEmpty()) {
            out.add(new Code(system(sys), v, attr(c, "displayName")));
        }
    }

    /** HL7 TS {@code YYYYMMDD...} to {@code YYYY-MM-DD}; "" when not a date. */
    static String date(String v) {
        if (v.length() >= 8 && v.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6, 8);
        }
        return v.length() >= 4 && v.substring(0, 4).chars().allMatch(Character::isDigit) ? v.substring(0, 4) : "";
    }
}
