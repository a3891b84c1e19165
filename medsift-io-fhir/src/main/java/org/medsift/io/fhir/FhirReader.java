package org.medsift.io.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.PatientInfo;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.SourceRef;
import org.medsift.core.record.TextPiece;
import org.medsift.io.doc.DocumentReader;
import org.medsift.io.doc.DocumentReaders;

/**
 * Reads FHIR R4 JSON, XML and NDJSON. Immutable and thread-safe.
 *
 * <pre>{@code
 * FhirReadResult r = FhirReader.create().read("Patient.000.ndjson", bytes);
 * r.resources();        // as parsed
 * r.result().texts();   // decoded DocumentReference / Binary notes with their resource path
 * }</pre>
 */
public final class FhirReader {
    public static final String FORMAT = "fhir";
    /** Largest file read, in bytes (256 MiB: bulk exports are large). */
    public static final int MAX_BYTES = 256 << 20;
    /** Deepest Bundle nesting followed. */
    public static final int MAX_BUNDLE_DEPTH = 8;

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private FhirReader() {
    }

    public static FhirReader create() {
        return new FhirReader();
    }

    /** The shared R4 context. */
    public static FhirContext context() {
        return CONTEXT;
    }

    /** True for JSON or XML that names a FHIR resourceType / the FHIR namespace in its first 4 KiB. */
    public static boolean sniff(byte[] head) {
        String s = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1).stripLeading();
        if (s.startsWith("\uFEFF") || s.startsWith("\u00EF\u00BB\u00BF")) {
            s = s.substring(s.charAt(0) == '\uFEFF' ? 1 : 3);
        }
        return (s.startsWith("{") && s.contains("\"resourceType\"")) || (s.startsWith("<") && s.contains("http://hl7.org/fhir"));
    }

    public FhirReadResult read(String file, byte[] bytes) {
        Run run = new Run(file);
        if (bytes.length > MAX_BYTES) {
            run.problem("FHIR-0005", Severity.ERROR, "", "file of " + bytes.length + " bytes is larger than "
                    + MAX_BYTES + "; not read");
            return run.result();
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            run.problem("FHIR-0006", Severity.WARNING, "", "bytes are not valid UTF-8 (FHIR requires UTF-8); "
                    + "decoded with replacement characters");
            content = new String(bytes, StandardCharsets.UTF_8);
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        String t = content.stripLeading();
        if (t.startsWith("<")) {
            if (t.contains("<!DOCTYPE") || t.contains("<!ENTITY")) {
                run.problem("FHIR-0002", Severity.ERROR, "", "XML with a DOCTYPE or ENTITY declaration is refused "
                        + "(external entities); not read");
                return run.result();
            }
            run.parse(CONTEXT.newXmlParser(), content, "");
        } else if (looksNdjson(t)) {
            int line = 0;
            int from = 0;
            for (int i = 0; i <= content.length(); i++) {
                if (i == content.length() || content.charAt(i) == '\n') {
                    line++;
                    String l = content.substring(from, i).strip();
                    from = i + 1;
                    if (!l.isEmpty()) {
                        run.parse(CONTEXT.newJsonParser(), l, "line " + line);
                    }
                }
            }
        } else {
            run.parse(CONTEXT.newJsonParser(), content, "");
        }
        return run.result();
    }

    /** NDJSON: the first non-blank line is a complete JSON object and more lines follow. */
    private static boolean looksNdjson(String t) {
        int nl = t.indexOf('\n');
        if (nl < 0) {
            return false;
        }
        String first = t.substring(0, nl).strip();
        String rest = t.substring(nl + 1).strip();
        return first.startsWith("{") && first.endsWith("}") && (rest.isEmpty() || rest.startsWith("{"));
    }

    /** One read; not shared. */
    private static final class Run {
        final String file;
        final List<Problem> problems = new ArrayList<>();
        final List<Resource> resources = new ArrayList<>();
        final List<RecordText> texts = new ArrayList<>();
        final Map<String, PatientInfo> patients = new LinkedHashMap<>();

        Run(String file) {
            this.file = file;
        }

        void problem(String code, Severity sev, String path, String message) {
            problems.add(new Problem(code, sev, new Location(file, path), message, ""));
        }

        FhirReadResult result() {
            return new FhirReadResult(new ReadResult(FORMAT, file, resources.size(), new ArrayList<>(patients.values()),
                    List.of(), texts, problems), resources);
        }

        void parse(IParser parser, String content, String where) {
            parser.setParserErrorHandler(new LenientErrorHandler(false));
            IBaseResource r;
            try {
                r = parser.parseResource(content);
            } catch (DataFormatException | IllegalArgumentException | IllegalStateException e) {
                String msg = String.valueOf(e.getMessage());
                if (msg.toLowerCase(Locale.ROOT).contains("base64") && content.contains("\"data\"")) {
                    String cleaned = dropBadBase64(content, where);
                    if (!cleaned.equals(content)) {
                        parse(parser, cleaned, where);
                        return;
                    }
                }
                problem("FHIR-0001", Severity.ERROR, where, "not a FHIR R4 resource: "
                        + (msg.length() > 200 ? msg.substring(0, 200) : msg) + "; skipped");
                return;
            }
            if (r instanceof Resource res) {
                add(res, where.isEmpty() ? "" : where + ": ", 0);
            }
        }

        /** Blanks every JSON {@code "data"} string that is not base64, with a FHIR-0004 problem at its offset. */
        String dropBadBase64(String content, String where) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"data\"\\s*:\\s*\"([^\"]*)\"")
                    .matcher(content);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                if (decodes(m.group(1))) {
                    m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(m.group()));
                } else {
                    problem("FHIR-0004", Severity.WARNING, (where.isEmpty() ? "" : where + ", ") + "char " + m.start(1),
                            "attachment data (" + m.group(1).length() + " chars) is not valid base64; removed, the "
                                    + "rest of the resource is read");
                    m.appendReplacement(sb, "\"data\":\"\"");
                }
            }
            m.appendTail(sb);
            return sb.toString();
        }

        void add(Resource r, String prefix, int depth) {
            if (r instanceof Bundle b) {
                if (depth >= MAX_BUNDLE_DEPTH) {
                    problem("FHIR-0007", Severity.WARNING, prefix + "Bundle", "Bundles nested deeper than "
                            + MAX_BUNDLE_DEPTH + "; the inner ones are skipped");
                    return;
                }
                int k = 0;
                for (Bundle.BundleEntryComponent e : b.getEntry()) {
                    if (e.getResource() != null) {
                        Resource inner = e.getResource();
                        // HAPI gives an entry's resource its urn:uuid fullUrl as id; the id is the UUID, so that
                        // Patient/<uuid> (the key) matches references written as urn:uuid:<uuid>
                        if (e.hasFullUrl() && e.getFullUrl().startsWith("urn:uuid:") && (!inner.hasId()
                                || inner.getIdElement().getValue().startsWith("urn:uuid:"))) {
                            inner.setId(e.getFullUrl().substring(9));
                        }
                        add(inner, prefix + "Bundle.entry[" + k + "].", depth + 1);
                    }
                    k++;
                }
                return;
            }
            resources.add(r);
            String path = prefix + r.fhirType() + "/" + (r.hasIdElement() ? r.getIdElement().getIdPart() : "?");
            if (r instanceof Patient p) {
                patient(p, path);
            } else if (r instanceof DocumentReference d) {
                String key = patientKey(d.getSubject());
                for (int i = 0; i < d.getContent().size(); i++) {
                    attachment(d.getContent().get(i).getAttachment(), path + ".content[" + i + "].attachment", key,
                            d.hasType() ? d.getType().getText() : "", d.hasDate() ? d.getDateElement().getValueAsString() : "");
                }
            } else if (r instanceof Binary bin) {
                Attachment a = new Attachment().setContentType(bin.getContentType()).setDataElement(bin.getDataElement());
                attachment(a, path, "", "Binary", "");
            }
        }

        void patient(Patient p, String path) {
            String key = "Patient/" + p.getIdElement().getIdPart();
            String family = p.hasName() ? p.getNameFirstRep().getFamily() : "";
            String given = p.hasName() ? p.getNameFirstRep().getGivenAsSingleString() : "";
            String sys = p.hasIdentifier() ? p.getIdentifierFirstRep().getSystem() : "";
            String val = p.hasIdentifier() ? p.getIdentifierFirstRep().getValue() : "";
            patients.putIfAbsent(key, new PatientInfo(key, sys, val, family, given,
                    p.hasBirthDate() ? p.getBirthDateElement().getValueAsString() : "",
                    p.hasGender() ? p.getGender().toCode() : "", SourceRef.of(file, path)));
        }

        void attachment(Attachment a, String path, String key, String title, String date) {
            String type = a.hasContentType() ? a.getContentType().toLowerCase(Locale.ROOT) : "";
            if (!a.hasData()) {
                if (a.hasUrl()) {
                    problem("FHIR-0010", Severity.INFO, path, "attachment by URL only; not fetched");
                }
                return;
            }
            byte[] data = a.getData();
            if (data == null) {
                problem("FHIR-0004", Severity.WARNING, path, "attachment data is not valid base64; not decoded");
                return;
            }
            java.util.Optional<DocumentReader> doc = DocumentReaders.forContentType(type);
            if (doc.isPresent()) {
                document(doc.get().read(file, data), path, key, title, date);
                return;
            }
            if (!type.isEmpty() && !type.startsWith("text/") && !type.contains("xhtml")) {
                problem("FHIR-0010", Severity.INFO, path, "attachment of type " + type + " (" + data.length
                        + " bytes) is not text; not extracted");
                return;
            }
            String text = new String(data, charset(type));
            if (type.contains("html")) {
                text = HtmlText.strip(text);
            }
            if (text.isBlank()) {
                return;
            }
            SourceRef ref = SourceRef.of(file, path);
            texts.add(new RecordText(file + "#" + path, text, key, title, date, ref,
                    List.of(new TextPiece(0, text.length(), ref))));
        }

        /**
         * Takes the text a document reader got from an attachment: its id, source and pieces are re-rooted at the
         * attachment's path ({@code .../attachment/page[2]}), its problems located there too.
         */
        void document(ReadResult doc, String path, String key, String title, String date) {
            for (Problem p : doc.problems()) {
                String at = p.where().path().isEmpty() ? path : path + "/" + p.where().path();
                problems.add(new Problem(p.code(), p.severity(), new Location(file, at), p.message(), p.rawValue()));
            }
            for (RecordText t : doc.texts()) {
                List<TextPiece> pieces = new ArrayList<>(t.pieces().size());
                for (TextPiece piece : t.pieces()) {
                    pieces.add(new TextPiece(piece.start(), piece.end(), SourceRef.of(file, path + "/"
                            + piece.source().path())));
                }
                texts.add(new RecordText(file + "#" + path, t.content(), key, title.isEmpty() ? t.title() : title, date,
                        SourceRef.of(file, path), pieces));
            }
        }

        static java.nio.charset.Charset charset(String type) {
            int i = type.indexOf("charset=");
            if (i >= 0) {
                try {
                    return java.nio.charset.Charset.forName(type.substring(i + 8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
            return StandardCharsets.UTF_8;
        }
    }

    /** {@code Patient/ID} for a subject reference ({@code Patient/ID}, {@code urn:uuid:ID}, absolute URLs), or "". */
    public static String patientKey(Reference ref) {
        if (ref == null || !ref.hasReference()) {
            return "";
        }
        String r = ref.getReference();
        if (r.startsWith("urn:uuid:")) {
            return "Patient/" + r.substring(9);
        }
        int i = r.lastIndexOf("Patient/");
        if (i >= 0) {
            String id = r.substring(i + 8);
            int h = id.indexOf("/_history");
            return "Patient/" + (h >= 0 ? id.substring(0, h) : id);
        }
        return "";
    }

    /** Base64 check used for Binary and attachment data that HAPI leaves undecoded. */
    static boolean decodes(String b64) {
        for (int i = 0; i < b64.length(); i++) {
            char c = b64.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '+' && c != '/' && c != '=' && c != '\\'
                    && !Character.isWhitespace(c)) {
                return false;
            }
        }
        try {
            Base64.getMimeDecoder().decode(b64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
